// The annual work environment report (seed 004), rolled up from unit to förvaltning: the chefs
// of Hemtjänst Norr and Solgården enter their key figures (a box that is not a figure is named
// beside it and nothing is saved), write the rounds section and submit to their avdelning; the
// avdelning's chef sees both units' figures summed and the sick leave weighted by the hours
// worked (also year by year, drawn by sex and beside the förvaltning), their answers counted and
// their assessments under their names; she returns one with a
// comment, accepts the other, writes her own and submits it; the förvaltning's chef accepts it.
// Each step mails whoever acts next (the submission up, the return with its comment back).
// An employee reads the accepted report but not the returned one; a chef of another unit gets
// nothing. The avdelning downloads every figure per unit as XLSX, fills in its sheet Import and
// uploads it: a row that is not a figure is named and nothing is imported until the file is
// corrected; then the figures are imported whole, rolled up, and printed in the PDF. Each
// project reports on years of its own, before any other flow's.
import { expect, Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectAccessible, hydrated, type Mail, MAIL_SINK, open, ownReportYear, people, signIn, signOut } from './helpers';
import { linkedPdfText } from './pdf_helpers';

test.describe.configure({ timeout: 240_000 });

const SOLGARDEN_CHEF = 'mattias.hakansson@exempelstad.se';
const AVDELNING_CHEF = 'gunilla.dahlberg@exempelstad.se';
const FORVALTNING_CHEF = 'lars.ekstrom@exempelstad.se';
const SOLGARDEN_MEMBER = 'erik.sandberg@exempelstad.se';
const AVDELNING = 'Avdelningen för äldreomsorg';

/** Opens the report on `year` of the node called `name`, reached from the start page. */
async function openReport(page: Page, name: string, year: number) {
  await open(page, '/');
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
  const node = new URL(page.url()).pathname;
  const url = `${node}/arbetsmiljorapport?ar=${year}`;
  await open(page, url);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Arbetsmiljörapport ${year}`) })).toBeVisible();
  return url;
}

/** Enters figures (label → value) in the node's own form and saves them. */
async function enterFigures(page: Page, figures: Record<string, string>) {
  const form = page.getByRole('region', { name: /^Nyckeltal för / });
  for (const [label, value] of Object.entries(figures)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
  await form.getByRole('button', { name: 'Spara nyckeltalen' }).click();
}

/** Writes the rounds section: every question answered Ja, and the assessment. */
async function writeRounds(page: Page, assessment: string, safety = 'Ja') {
  const section = page.getByRole('region', { name: 'Arbetsmiljöronder/Arbetsmiljöarbete' });
  await section.getByLabel('Har kartläggning av arbetsmiljön (arbetsmiljöronder) genomförts?').selectOption({ label: 'Ja' });
  await section.getByLabel('Har skyddsombud medverkat?').selectOption({ label: safety });
  await section.getByLabel('Bedömning och analys').fill(assessment);
  await expect(section.getByLabel('Har skyddsombud medverkat?')).toHaveValue(safety.toLowerCase());
  await section.getByRole('button', { name: 'Spara avsnittet Arbetsmiljöronder/Arbetsmiljöarbete' }).click();
  // With the wasm the form says so; without it the page comes back with the section saved.
  if (test.info().project.name !== 'no-js') await expect(section.getByText('Avsnittet är sparat.')).toBeVisible();
  const saved = page.getByRole('region', { name: 'Arbetsmiljöronder/Arbetsmiljöarbete' });
  await expect(saved.getByRole('paragraph').filter({ hasText: assessment })).toBeVisible();
  await expect(saved.getByRole('row', { name: `Har skyddsombud medverkat? ${safety}` })).toBeVisible();
}

/** The mail to `address` with `subject`, once the outbox has sent it to the test mail server. */
async function mailTo(page: Page, address: string, subject: string) {
  const find = async () =>
    ((await (await page.request.get(MAIL_SINK)).json()) as Mail[]).find(
      (m) => m.subject === subject && m.to.some((to) => to.includes(address)),
    );
  await expect.poll(async () => (await find()) !== undefined, { message: `a mail "${subject}" to ${address}` }).toBe(true);
  return (await find())!;
}

async function submitTo(page: Page, above: string) {
  await page.getByRole('button', { name: `Skicka till ${above}` }).click();
  await expect(page.getByText(/^Status: Inskickad\./)).toBeVisible();
}

test('two units report, the avdelning rolls them up and the förvaltning accepts @ssr', async ({ page }) => {
  const year = ownReportYear('env-report');
  const project = test.info().project.name;

  // Hemtjänst Norr: a box that is not a figure is refused beside it, nothing is saved.
  await signIn(page, people.chef);
  const hemtjanst = await openReport(page, 'Hemtjänst Norr', year);
  await expect(page.getByText(new RegExp(`^Status: Inte påbörjad\\. Lämnas till ${AVDELNING} senast \\p{L}+ 31 januari ${year + 1}\\.$`, 'u'))).toBeVisible();
  await enterFigures(page, { 'Antal rapporterade arbetsskador (antal)': 'många' });
  await expect(page.getByText('Skriv ett tal, till exempel 7,7 eller 990.')).toBeVisible();
  await enterFigures(page, { 'Antal rapporterade arbetsskador (antal)': '', 'Total sjukfrånvaro (procent)': '101' });
  await expect(page.getByText('En andel kan inte vara mer än 100 procent.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tabell arbetsskador och tillbud' }).getByRole('row', { name: /Antal rapporterade arbetsskador/ })).not.toContainText('många');

  // 12 injuries; 10 % sick leave over 1 000 hours.
  await enterFigures(page, {
    'Antal rapporterade arbetsskador (antal)': '12',
    'Total sjukfrånvaro (procent)': '10',
    'Underlag för viktning: Ordinarie arbetstid, timmar totalt (timmar)': '1000',
  });
  await expect(page.getByRole('table', { name: 'Tabell arbetsskador och tillbud' }).getByRole('row', { name: /Antal rapporterade arbetsskador/ })).toContainText('12');
  await expect(page.getByRole('table', { name: 'Tabell sjukfrånvaro' }).getByRole('row', { name: /Total sjukfrånvaro/ })).toContainText('10,0');
  await writeRounds(page, `Ronderna i Hemtjänst Norr gick bra (${project}).`);
  await expectAccessible(page);
  await submitTo(page, AVDELNING);
  // Submitted, it is not written any more.
  await expect(page.getByRole('button', { name: 'Spara nyckeltalen' })).toHaveCount(0);
  await signOut(page);

  // Solgården: 5 % over 9 000 hours, and a partial answer.
  await signIn(page, SOLGARDEN_CHEF);
  await openReport(page, 'Solgårdens vård- och omsorgsboende', year);
  await enterFigures(page, {
    'Antal rapporterade arbetsskador (antal)': '3',
    'Total sjukfrånvaro (procent)': '5',
    'Underlag för viktning: Ordinarie arbetstid, timmar totalt (timmar)': '9000',
  });
  await expect(page.getByRole('table', { name: 'Tabell sjukfrånvaro' }).getByRole('row', { name: /Total sjukfrånvaro/ })).toContainText('5,0');
  await writeRounds(page, `Skyddsombudet var med på en av två ronder (${project}).`, 'Delvis');
  await submitTo(page, AVDELNING);
  await signOut(page);

  // The avdelning: both units summed, the sick leave weighted (5,5 %, not the mean 7,5 %).
  await signIn(page, AVDELNING_CHEF);
  const avdelning = await openReport(page, AVDELNING, year);
  await expect(page.getByRole('table', { name: 'Tabell arbetsskador och tillbud' }).getByRole('row', { name: /Antal rapporterade arbetsskador/ })).toContainText('15');
  await expect(page.getByRole('table', { name: 'Tabell sjukfrånvaro' }).getByRole('row', { name: /Total sjukfrånvaro/ })).toContainText('5,5');
  // Sick leave over the years: drawn by sex and beside the förvaltning, and in a table.
  const sick = page.getByRole('region', { name: 'Sjukfrånvaro', exact: true });
  const bySex = sick.getByRole('img', { name: /^Stapeldiagram över sjukfrånvaron i procent de senaste fem åren/ });
  await bySex.scrollIntoViewIfNeeded();
  await expect.poll(() => bySex.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(sick.getByRole('img', { name: /jämfört med Socialförvaltningen\./ })).toBeVisible();
  await expect(sick.getByRole('table', { name: 'Sjukfrånvaro i procent per år' }).getByRole('row', { name: new RegExp(`^${year} 5,5`) })).toBeVisible();
  const rounds = page.getByRole('region', { name: 'Arbetsmiljöronder/Arbetsmiljöarbete' });
  await expect(rounds.getByText(`Ronderna i Hemtjänst Norr gick bra (${project}).`)).toBeVisible();
  await expect(rounds.getByText(`Skyddsombudet var med på en av två ronder (${project}).`)).toBeVisible();
  await expect(rounds.getByText('Solgårdens vård- och omsorgsboende: Delvis')).toBeVisible();
  const below = page.getByRole('table', { name: `Rapporter under ${AVDELNING}` });
  await expect(below.getByRole('row', { name: /Hemtjänst Norr/ })).toContainText('Inskickad');
  await expectAccessible(page);

  // Solgården is returned with a comment (which is required); Hemtjänst Norr is accepted.
  await below.getByRole('link', { name: 'Solgårdens vård- och omsorgsboende' }).click();
  await expect(page.getByText(/^Status: Inskickad\./)).toBeVisible();
  await page.getByRole('button', { name: 'Skicka tillbaka med kommentar' }).click();
  await expect(page.getByText('Skriv vad som behöver ändras innan rapporten skickas tillbaka.')).toBeVisible();
  await page.getByLabel('Vad behöver ändras?').fill(`Lägg till övertiden (${project}).`);
  await page.getByRole('button', { name: 'Skicka tillbaka med kommentar' }).click();
  await expect(page.getByText(/^Status: Återsänd\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historik' }).getByText(`Lägg till övertiden (${project}).`)).toBeVisible();
  // Each step mails: the submission to the avdelning's chef, the return with its comment back.
  await mailTo(page, AVDELNING_CHEF, `Arbetsmiljörapporten ${year} för Hemtjänst Norr är inskickad`);
  const returned = await mailTo(page, SOLGARDEN_CHEF, `Arbetsmiljörapporten ${year} för Solgårdens vård- och omsorgsboende är återsänd`);
  expect(returned.text).toContain(`Lägg till övertiden (${project}).`);
  await open(page, hemtjanst);
  await page.getByRole('button', { name: 'Godkänn rapporten' }).click();
  await expect(page.getByText(/^Status: Godkänd\./)).toBeVisible();

  // The avdelning's own report goes to the förvaltning.
  await open(page, avdelning);
  await writeRounds(page, `Avdelningen har genomfört ronderna (${project}).`);
  await submitTo(page, 'Socialförvaltningen');
  await signOut(page);

  await signIn(page, FORVALTNING_CHEF);
  await openReport(page, 'Socialförvaltningen', year);
  await page.getByRole('table', { name: 'Rapporter under Socialförvaltningen' }).getByRole('link', { name: AVDELNING }).click();
  await expect(page.getByText(/^Status: Inskickad\./)).toBeVisible();
  await page.getByRole('button', { name: 'Godkänn rapporten' }).click();
  await expect(page.getByText(/^Status: Godkänd\./)).toBeVisible();
  // The version it was submitted as stays readable, and cannot be changed.
  await page.getByRole('region', { name: 'Historik' }).getByRole('link', { name: 'Visa rapporten som den skickades in' }).click();
  await expect(page.getByText(/^Så här såg rapporten ut när den skickades in /)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Arbetsmiljöronder/Arbetsmiljöarbete' }).getByText(`Avdelningen har genomfört ronderna (${project}).`).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Godkänn rapporten' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Spara/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Till rapporten som den är nu' }).click();
  await expect(page.getByText(/^Status: Godkänd\./)).toBeVisible();
  await signOut(page);

  // An employee reads the accepted report, not the returned one; another unit's chef nothing.
  await signIn(page, people.medarbetare);
  await open(page, hemtjanst);
  await expect(page.getByRole('heading', { name: 'Arbetsmiljöronder/Arbetsmiljöarbete' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara nyckeltalen' })).toHaveCount(0);
  await signOut(page);
  await signIn(page, SOLGARDEN_MEMBER);
  await openReport(page, 'Solgårdens vård- och omsorgsboende', year);
  await expect(page.getByText('Rapporten är inte godkänd än. Du kan läsa den här när den är godkänd.')).toBeVisible();
  await signOut(page);
  await signIn(page, people.otherChef);
  expect((await open(page, hemtjanst))?.status()).toBe(403);
});

test('the demo has last year\'s figures beside the year before @ssr', async ({ page }) => {
  await signIn(page, people.chef);
  await openReport(page, 'Hemtjänst Norr', 2025);
  const injuries = page.getByRole('table', { name: 'Tabell arbetsskador och tillbud' }).getByRole('row', { name: /Antal rapporterade arbetsskador/ });
  // 12 against 10 the year before (invented demo figures).
  await expect(injuries).toContainText('12');
  await expect(injuries).toContainText('10');
  await expect(injuries).toContainText('2');
  const sick = page.getByRole('table', { name: 'Tabell sjukfrånvaro' });
  await expect(sick.getByRole('columnheader', { name: 'R12 2025-12' })).toBeVisible();
  await expect(sick.getByRole('row', { name: /Total sjukfrånvaro/ })).toContainText('-0,7');
  // What Årshjul knows of the unit's APTs, with its source.
  await expect(page.getByText(/^APT 2025: \d+ hållna av \d+ planerade i 1 enhet; [01] av 1 har minst 8 APT planerade \(planerna i Årshjul\)\.$/)).toBeVisible();
  await expectAccessible(page);
});

/** The avdelning's workbook of figures, downloaded from its report's page. */
async function downloadFigures(page: Page, year: number) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ladda ner nyckeltalen per enhet (Excel)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`Nyckeltal ${year} ${AVDELNING}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  return book;
}

/** Sets `value` on the sheet Import's row of `unit` and figure `code`. */
function fill(book: ExcelJS.Workbook, unit: string, code: string, value: number) {
  const sheet = book.getWorksheet('Import')!;
  let found = false;
  sheet.eachRow((row) => {
    if (row.getCell(2).value === unit && row.getCell(4).value === code) {
      row.getCell(6).value = value;
      found = true;
    }
  });
  expect(found, `${unit} ${code}`).toBe(true);
}

async function upload(page: Page, book: ExcelJS.Workbook) {
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByLabel('Fil med nyckeltal (Excel eller CSV)').setInputFiles({
    name: 'nyckeltal.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByRole('button', { name: 'Förhandsgranska importen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import av nyckeltal' })).toBeVisible();
  // The upload is a plain form post, so the preview is a fresh page: its import button answers
  // in place only once the page is interactive.
  await hydrated(page);
}

test('the avdelning imports its units\' figures from the workbook it downloaded @ssr', async ({ page }) => {
  const year = ownReportYear('env-import');
  await signIn(page, AVDELNING_CHEF);
  const report = await openReport(page, AVDELNING, year);

  // Every unit below has its rows, in the sheet an import reads.
  const book = await downloadFigures(page, year);
  const perUnit = book.getWorksheet(`Nyckeltal ${year}`)!;
  const names = perUnit.getColumn(1).values.slice(2);
  expect(names).toEqual([AVDELNING, 'Hemtjänst Norr', 'Solgårdens vård- och omsorgsboende']);
  expect((book.getWorksheet('Import')!.getRow(1).values as string[]).slice(1)).toEqual(['Enhetskod', 'Enhet', 'År', 'Kod', 'Nyckeltal', 'Värde']);

  // A share over 100 percent: the row is named with why, and nothing is imported.
  fill(book, 'Hemtjänst Norr', 'injuries', 7);
  fill(book, 'Solgårdens vård- och omsorgsboende', 'sick_total', 140);
  await upload(page, book);
  const rejected = page.getByRole('region', { name: 'Rader som inte går att läsa: 1' });
  await expect(rejected.getByRole('row', { name: /mer än 100 procent/ })).toBeVisible();
  await expect(page.getByText('Inget importeras förrän alla rader går att läsa. Rätta raderna i filen och ladda upp den igen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importera nyckeltalen' })).toHaveCount(0);
  await expectAccessible(page);

  // Corrected: both values are imported at once.
  await open(page, report);
  fill(book, 'Solgårdens vård- och omsorgsboende', 'sick_total', 4.5);
  fill(book, 'Solgårdens vård- och omsorgsboende', 'hours_worked_total', 9000);
  await upload(page, book);
  const values = page.getByRole('region', { name: 'Värden som sätts: 3' });
  await expect(values.getByRole('row', { name: /Solgårdens vård- och omsorgsboende Sjukfrånvaro: Total sjukfrånvaro 4,5/ })).toBeVisible();
  await page.getByRole('button', { name: 'Importera nyckeltalen' }).click();
  if (test.info().project.name === 'no-js') {
    await expect(page.getByText('Filen är importerad och nyckeltalen är sparade.')).toBeVisible();
  } else {
    await expect(page.getByText('Importen är klar: 3 värden är sparade.')).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Importera nyckeltalen' })).toHaveCount(0);

  // The avdelning's report rolls the imported figures up, and its PDF prints them.
  await open(page, report);
  await expect(page.getByRole('table', { name: 'Tabell arbetsskador och tillbud' }).getByRole('row', { name: /Antal rapporterade arbetsskador/ })).toContainText('7');
  await expect(page.getByRole('table', { name: 'Tabell sjukfrånvaro' }).getByRole('row', { name: /Total sjukfrånvaro/ })).toContainText('4,5');
  const text = await linkedPdfText(page, page.getByRole('link', { name: 'Ladda ner rapporten (PDF)' }));
  expect(text).toContain(`Arbetsmiljörapport ${year}`);
  expect(text).toContain('Tabell arbetsskador och tillbud');
  expect(text).toMatch(/Antal rapporterade arbetsskador 7/);
  expect(text).toContain('Bedömning och analys');
});
