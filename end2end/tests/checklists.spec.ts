// The annual SAM follow-up from answer to closed action: the chef of Hemtjänst Norr opens the
// checklist, records the safety representative among those taking part, answers "Instämmer delvis"
// on the first question and makes an action of it; the safety representative answers the next one;
// the chef closes the action with effect "nej" and sees it open again; an employee can read but not
// change the checklist. Each project works in its own year, so parallel runs never share a checklist.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectAccessible, open, ownYear, people, signIn, signOut } from './helpers';
import { linkedPdfText } from './pdf_helpers';

test.describe.configure({ timeout: 120_000 });

const SAFETY_REP = 'sofia.bergstrom@exempelstad.se'; // Skyddsombud, Avdelningen för äldreomsorg
const SAM = 'Checklista för årlig uppföljning';
const Q1 = '1. Är stadens Arbetsmiljöpolicy (tillika Personalpolicyn) känd på arbetsplatsen?';

/** Hemtjänst Norr's checklists page for `year`, as the signed-in person. */
async function checklists(page: Page, year: number) {
  await open(page, '/');
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hemtjänst Norr/ })).toBeVisible();
  const unitPath = new URL(page.url()).pathname;
  await open(page, `${unitPath}/checklistor?ar=${year}`);
  await expect(page.getByRole('heading', { level: 1, name: `Checklistor ${year} – Hemtjänst Norr` })).toBeVisible();
  return unitPath;
}

/** The page fits the viewport's width: nothing scrolls sideways on a phone. */
async function expectFits(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

function question(page: Page, name: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
}

test('a chef and the safety representative follow up SAM and the action is checked for effect', async ({ page }) => {
  const project = test.info().project.name;
  const year = ownYear('checklists');
  const action = `Gå igenom policyn på APT ${project}`;

  await signIn(page, people.chef);
  const unitPath = await checklists(page, year);
  const sam = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${SAM} ${year}` }) });
  await expect(sam.getByText('Inte påbörjad')).toBeVisible();
  await expectAccessible(page);
  await sam.getByRole('button', { name: `Påbörja ${SAM} ${year}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${SAM} ${year}` })).toBeVisible();
  const checklistUrl = new URL(page.url()).pathname;
  await expectFits(page);

  // The safety representative must take part: the page says so until they are recorded.
  const participants = page.getByRole('region', { name: 'Deltagare' });
  await expect(participants.getByText('Skyddsombudet ska delta', { exact: false })).toBeVisible();
  await participants.getByLabel('Sofia Bergström (skyddsombud)').check();
  await participants.getByRole('button', { name: 'Spara deltagare' }).click();
  await expect(participants.getByText('Deltagarna är sparade.')).toBeVisible();
  await expect(participants.getByText('Skyddsombudet ska delta', { exact: false })).toHaveCount(0);

  // A missing answer is refused beside the scale; then "Instämmer delvis" is saved with its analysis.
  const q1 = question(page, Q1);
  await q1.getByLabel('Analys').fill(`Behöver gås igenom igen (${project})`);
  await q1.getByRole('button', { name: 'Spara svar' }).click();
  await expect(q1.getByText('Välj ett av svaren', { exact: false })).toBeVisible();
  await q1.getByLabel('Instämmer delvis').check();
  await q1.getByRole('button', { name: 'Spara svar' }).click();
  await expect(q1.getByText('Svaret är sparat.')).toBeVisible();
  await expect(page.getByText(/^1 av \d+ besvarade$/)).toBeVisible();
  await expect(q1.getByText('Åtgärd behövs', { exact: true })).toBeVisible();

  // The weak answer becomes an action in the unit's plan.
  await q1.getByText('Skapa åtgärd').first().click();
  await q1.getByLabel('Åtgärd', { exact: true }).fill(action);
  await q1.getByLabel('Ansvarig').selectOption({ label: 'Anna Lindqvist' });
  await q1.getByLabel('Slutdatum').fill(`${year}-03-31`);
  await q1.getByRole('button', { name: 'Skapa åtgärd' }).click();
  await expect(q1.getByRole('link', { name: action })).toBeVisible();
  await expect(q1.getByText('Åtgärd behövs', { exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // Marking it done before every question is answered is refused with how far it has come.
  await page.getByRole('button', { name: 'Markera som klar' }).click();
  await expect(page.getByText(/Besvara alla frågor först \(1 av \d+ besvarade\)/)).toBeVisible();
  await signOut(page);

  // The safety representative answers the next question on the same checklist.
  await signIn(page, SAFETY_REP);
  await open(page, checklistUrl);
  const q2 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^2\. / }) });
  await q2.getByLabel('Instämmer helt').check();
  await q2.getByRole('button', { name: 'Spara svar' }).click();
  await expect(q2.getByText('Svaret är sparat.')).toBeVisible();
  await expect(page.getByText(/^2 av \d+ besvarade$/)).toBeVisible();
  await signOut(page);

  // An employee reads the answers but has nothing to change, and the server refuses a direct post.
  await signIn(page, people.medarbetare);
  await open(page, checklistUrl);
  await expect(question(page, Q1).getByText('Instämmer delvis')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara svar' })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  const [, , unitId, , checklistId] = checklistUrl.split('/');
  const refused = await page.request.post('/api/checklista/svar', {
    form: { unit_id: unitId, checklist_id: checklistId, question_id: '1', answer: 'fully_agree' },
  });
  expect(refused.status()).toBe(403);
  // The checklist with its answers as PDF: each answer, its analysis and action, who took part.
  const answers = await linkedPdfText(page, page.getByRole('link', { name: 'Checklistan med svaren som PDF' }));
  expect(answers).toMatch(/Pågår – 2 av \d+ frågor är besvarade\./);
  expect(answers).toContain('Sofia Bergström (skyddsombud)');
  expect(answers).toContain('Svar: Instämmer delvis');
  expect(answers).toContain(`Analys: Behöver gås igenom igen (${project})`);
  expect(answers).toContain(`Åtgärd: ${action} (Ej påbörjad)`);
  await signOut(page);

  // Later the chef closes the action: no effect, so it is open again.
  await signIn(page, people.chef);
  await open(page, `${unitPath}/atgarder`);
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: action }) });
  await expect(item.getByText(`${SAM} ${year}: Är stadens Arbetsmiljöpolicy`, { exact: false })).toBeVisible();
  await expect(item.getByText('Resultat: Instämmer delvis', { exact: false })).toBeVisible();
  await item.getByText('Avsluta och följ upp effekten').click();
  await item.getByLabel('Nej').check();
  await item.getByRole('button', { name: 'Avsluta åtgärd' }).click();
  await expect(item.getByText('Beskriv vad som inte blev som tänkt', { exact: false })).toBeVisible();
  await item.getByLabel('Kommentar om effekten').fill('Flera kände fortfarande inte till policyn.');
  await item.getByRole('button', { name: 'Avsluta åtgärd' }).click();
  await expect(page.getByText('Åtgärden fick inte avsedd effekt och är öppen igen.')).toBeVisible();
  const reopened = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: action }) });
  await expect(reopened.locator('.badge').first()).toHaveText('Pågående');
  await expect(reopened.getByText(/Effekt: Nej – åtgärden är öppen igen/)).toBeVisible();
  await expectAccessible(page);
  const plan = await linkedPdfText(page, page.getByRole('link', { name: 'Handlingsplanen som PDF' }));
  expect(plan).toContain(action);
  expect(plan).toContain('Flera kände fortfarande inte till policyn.');
  await signOut(page);

  // Solgården's chef answers the same question for the same year.
  await signIn(page, 'mattias.hakansson@exempelstad.se');
  await open(page, '/');
  await page.getByRole('link', { name: 'Solgårdens vård- och omsorgsboende' }).click();
  await open(page, `${new URL(page.url()).pathname}/checklistor?ar=${year}`);
  await page.getByRole('button', { name: `Påbörja ${SAM} ${year}` }).click();
  const other = question(page, Q1);
  await other.getByLabel('Instämmer inte').check();
  await other.getByLabel('Analys').fill(`Okänd för nyanställda (${project})`);
  await other.getByRole('button', { name: 'Spara svar' }).click();
  await expect(other.getByText('Svaret är sparat.')).toBeVisible();
  await signOut(page);

  // HR sees both units' analyses under the question and downloads them as XLSX.
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Uppföljning av checklistor' }).click();
  await page.getByLabel('Del av organisationen').selectOption({ label: '\u2003Avdelningen för äldreomsorg' });
  await page.getByLabel('År', { exact: true }).fill(String(year));
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${SAM} ${year}` })).toBeVisible();
  const rolled = page.getByRole('region', { name: Q1 });
  await expect(rolled.getByText('Instämmer delvis: 1 · Instämmer inte: 1')).toBeVisible();
  await expect(rolled.getByRole('row', { name: /Hemtjänst Norr/ }).getByText(`Behöver gås igenom igen (${project})`)).toBeVisible();
  await expect(rolled.getByRole('row', { name: /Solgårdens/ }).getByText(`Okänd för nyanställda (${project})`)).toBeVisible();
  await expect(page.getByRole('region', { name: /Enheter: 0 av 2 klara/ })).toBeVisible();
  await expectFits(page);
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ladda ned som Excel (XLSX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^uppfoljning-sam_annual-\d+-\d{4}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.getWorksheet('Analys')!;
  const rows = sheet.getSheetValues().slice(2).map((r) => (r as string[]).slice(1));
  expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['Område', 'Fråga', 'Enhet', 'Svar', 'Period', 'Analys']);
  expect(rows).toContainEqual(['Arbetsmiljöpolicy', Q1, 'Hemtjänst Norr', 'Instämmer delvis', String(year), `Behöver gås igenom igen (${project})`]);
  expect(rows).toContainEqual(['Arbetsmiljöpolicy', Q1, 'Solgårdens vård- och omsorgsboende', 'Instämmer inte', String(year), `Okänd för nyanställda (${project})`]);
  // The node's own analysis for the report has its sheet, under the seed's three headings.
  const report = book.getWorksheet('Analys till rapport')!;
  expect((report.getRow(1).values as string[]).slice(1)).toEqual(['Enhet', 'Rubrik', 'Analys']);
  expect(report.getColumn(2).values.slice(2)).toEqual([
    'Förbättringsområden – analys av utfall',
    'Framgångsfaktorer – analys av utfall',
    'Föregående års aktiviteter från årlig uppföljning – analys av utfall',
  ]);

  // The combined action plan holds the reopened action with its unit, filtered on status.
  await open(page, `/uppfoljning/atgarder?status=in_progress`);
  const combined = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: action }) });
  await expect(combined.getByText('Hemtjänst Norr')).toBeVisible();
  await expect(combined.getByText('Resultat: Instämmer delvis', { exact: false })).toBeVisible();
  await expectAccessible(page);
});

test('a checklist is answered and marked up without JavaScript too @ssr', async ({ page }) => {
  const project = test.info().project.name;
  const year = ownYear('checklists', 1);
  await signIn(page, 'johan.wikstrom@exempelstad.se');
  await page.getByRole('link', { name: 'Enheten för ekonomiskt bistånd' }).click();
  await open(page, `${new URL(page.url()).pathname}/checklistor?ar=${year}`);
  await page.getByRole('button', { name: `Påbörja Aktiva åtgärder ${year}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Aktiva åtgärder ${year}` })).toBeVisible();
  const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^1\. / }) });
  await first.getByLabel('Delvis').check();
  await first.getByLabel('Analys').fill(`Rutinen behöver spridas (${project})`);
  await first.getByRole('button', { name: 'Spara svar' }).click();
  const saved = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^1\. / }) });
  await expect(saved.getByLabel('Delvis')).toBeChecked();
  await expect(saved.getByLabel('Analys')).toHaveValue(`Rutinen behöver spridas (${project})`);
  await expect(page.getByText(/^1 av 3 besvarade$/)).toBeVisible();
  await expect(saved.getByText('Åtgärd behövs', { exact: true })).toBeVisible();
  await saved.getByText('Ingen åtgärd behövs').click();
  await saved.getByLabel('Motivering').fill('Tas upp i den gemensamma utbildningen i vår.');
  await saved.getByRole('button', { name: 'Spara motivering' }).click();
  const declined = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^1\. / }) });
  await expect(declined.getByText('Ingen åtgärd: Tas upp i den gemensamma utbildningen i vår.')).toBeVisible();
  await expect(declined.getByText('Åtgärd behövs', { exact: true })).toHaveCount(0);
});
