// Minutes for everyone: the chef records attendance, notes, a decision and an action under an
// agenda item, publishes, changes and publishes again (version 1 stays readable); an employee who
// was absent reads the minutes and finds the action in the unit's action plan; two people writing
// the same item never overwrite each other.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, open, ownYear, ownYearsInAllProjects, people, signIn, signOut } from './helpers';
import { linkedPdfText } from './pdf_helpers';

test.describe.configure({ timeout: 180_000 });


async function agendaOfNewMeeting(page: Page, year: number) {
  await signIn(page, people.chef);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await open(page, `${new URL(page.url()).pathname}?ar=${year}`);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const form = page.getByRole('region', { name: 'Lägg till APT' });
  await form.getByLabel('Datum').fill(`${year}-09-15`);
  await form.getByLabel('Starttid').fill('09:00');
  await form.getByLabel('Sluttid').fill('10:30');
  await form.getByLabel('Plats').fill('Personalrummet');
  await form.getByRole('button', { name: 'Lägg till APT' }).click();
  await expect(page.getByRole('region', { name: 'Planens status' }).getByText('1 av minst 8 APT planerade')).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`^Dagordning .*15 september ${year}`) }).click();
  await page.getByRole('button', { name: 'Skapa dagordning från planen' }).click();
  await expect(page.getByRole('region', { name: 'Löpande punkter' }).getByRole('listitem')).toHaveCount(5);
}

test('a chef keeps and publishes minutes that an absent employee reads', async ({ page, browser }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'the JavaScript flow');
  const year = ownYear('minutes');
  await agendaOfNewMeeting(page, year);
  // Before the notice goes out the chef's PDF of notice and agenda says it is a draft.
  const notice = await linkedPdfText(page, page.getByRole('link', { name: 'Kallelse och dagordning som PDF' }));
  expect(notice).toContain('Utkast – kallelsen är inte skickad.');
  expect(notice).toContain('Kallelse till arbetsplatsträff (APT)');
  expect(notice).toContain('Stäm av arbetssituation/arbetsbelastning');
  expect(notice).toContain('Personalrummet');
  await page.getByRole('link', { name: 'Minnesanteckningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Minnesanteckningar .*15 september ${year}`) })).toBeVisible();
  await expect(page.getByText(/Inte publicerade ännu/)).toBeVisible();

  // Attendance: everyone but Mehmet.
  const attendance = page.getByRole('region', { name: 'Närvaro' });
  const boxes = attendance.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await attendance.getByRole('checkbox', { name: 'Mehmet Yilmaz' }).uncheck();
  await attendance.getByRole('button', { name: 'Spara närvaro' }).click();
  await expect(attendance.getByText('Närvaron är sparad.')).toBeVisible();

  // Notes, a decision and an action under the workload check.
  const item = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: 'Stäm av arbetssituation/arbetsbelastning' }),
  });
  await item.getByLabel('Anteckningar').fill('Hög belastning inför hösten. Två röda, fyra gula, sex gröna.');
  await item.getByLabel('Beslut').fill('Schemat ses över.');
  await item.getByRole('button', { name: 'Spara anteckningar' }).click();
  await expect(item.getByText('Sparat.')).toBeVisible();
  await item.getByText('Lägg till åtgärd').first().click();
  await item.getByLabel('Åtgärd', { exact: true }).fill(`Se över schemat ${project}`);
  await item.getByLabel('Ansvarig').selectOption({ label: 'Mehmet Yilmaz' });
  await item.getByLabel('Klart senast').fill(`${year}-09-01`);
  await item.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await expect(item.getByText('Klart senast kan inte ligga före mötet.')).toBeVisible();
  await item.getByLabel('Klart senast').fill(`${year}-10-15`);
  await item.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await expect(item.getByRole('listitem').filter({ hasText: `Se över schemat ${project} – Mehmet Yilmaz` })).toBeVisible();
  await expectAccessible(page);

  // Before the minutes are published, an employee does not see their action in the unit's plan.
  const actionPlanUrl = page.url().split('?')[0].replace(/\/mote\/.*$/, '/atgarder');
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'sv-SE' });
  const employee = await context.newPage();
  await signIn(employee, people.medarbetare);
  await open(employee, actionPlanUrl);
  await expect(employee.getByRole('heading', { level: 1, name: /Handlingsplan/ })).toBeVisible();
  await expect(employee.getByRole('heading', { name: `Se över schemat ${project}` })).toHaveCount(0);
  await context.close();

  // Publish, change, publish again.
  const publish = page.getByRole('region', { name: 'Publicering' });
  await publish.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByRole('heading', { name: 'Publicerad version 1' })).toBeVisible();
  await item.getByLabel('Anteckningar').fill('Hög belastning inför hösten. Två röda, fyra gula, sex gröna. Vikarier saknas.');
  await item.getByRole('button', { name: 'Spara anteckningar' }).click();
  await expect(item.getByText('Sparat.')).toBeVisible();
  await publish.getByRole('button', { name: 'Publicera ändringar' }).click();
  await expect(page.getByRole('heading', { name: 'Publicerad version 2' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Versioner' }).getByRole('link')).toHaveCount(2);
  const minutesUrl = page.url().split('?')[0];

  // Mehmet was absent; he reads the latest version, and the first is still there.
  await signOut(page);
  await signIn(page, people.medarbetare);
  await open(page, minutesUrl);
  const published = page.getByRole('region', { name: 'Version 2' });
  await expect(published.getByText(/Vikarier saknas/)).toBeVisible();
  await expect(published.getByText('Schemat ses över.')).toBeVisible();
  await expect(published.getByText(/Frånvarande:.*Mehmet Yilmaz/)).toBeVisible();
  await expect(published.getByText(`Se över schemat ${project} – Mehmet Yilmaz`, { exact: false })).toBeVisible();
  await expect(page.locator('main').getByRole('button')).toHaveCount(0);
  await expectAccessible(page);
  // The PDF is the published copy, word for word.
  const latest = await linkedPdfText(page, page.getByRole('link', { name: 'Ladda ner version 2 som PDF' }));
  expect(latest).toContain('Minnesanteckningar från arbetsplatsträff (APT)');
  expect(latest).toContain('Version 2, publicerad');
  expect(latest).toContain('Vikarier saknas');
  expect(latest).toContain('Beslut: Schemat ses över.');
  expect(latest).toMatch(/Frånvarande: [^:]*Mehmet Yilmaz/);
  expect(latest).toContain(`Se över schemat ${project}`);
  await page.getByRole('link', { name: /^Version 1,/ }).click();
  await expect(page.getByText('Det här är en äldre version.', { exact: false })).toBeVisible();
  await expect(page.getByText(/Vikarier saknas/)).toHaveCount(0);
  const first = await linkedPdfText(page, page.getByRole('link', { name: 'Ladda ner version 1 som PDF' }));
  expect(first).toContain('Det finns en senare version (2) av minnesanteckningarna.');
  expect(first).not.toContain('Vikarier saknas');

  // The action is in the unit's action plan.
  await open(page, minutesUrl.replace(/\/mote\/.*$/, '/atgarder'));
  const action = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Se över schemat ${project}` }) });
  await expect(action.getByText('Ej påbörjad')).toBeVisible();
  await expect(action.getByText('Ansvarig: Mehmet Yilmaz', { exact: false })).toBeVisible();
  await expect(action.getByRole('combobox')).toHaveCount(0);

  // His "next APT" page carries the unit's latest published minutes in full (this project's or,
  // when the other project published later, that one's).
  await open(page, '/nasta-apt');
  const unit = page.getByRole('region', { name: 'Hemtjänst Norr' });
  await expect(unit.getByRole('heading', { level: 3, name: new RegExp(`^Senaste minnesanteckningarna: APT .*september (${ownYearsInAllProjects('minutes').join('|')})$`) })).toBeVisible();
  await expect(unit.getByText(/Frånvarande:.*Mehmet Yilmaz/)).toBeVisible();
  await expect(unit.getByText('Schemat ses över.')).toBeVisible();
});

test('a chef moves an action along in the action plan', async ({ page }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'the JavaScript flow');
  const year = ownYear('minutes', 1);
  await agendaOfNewMeeting(page, year);
  // Before the notice goes out the chef's PDF of notice and agenda says it is a draft.
  const notice = await linkedPdfText(page, page.getByRole('link', { name: 'Kallelse och dagordning som PDF' }));
  expect(notice).toContain('Utkast – kallelsen är inte skickad.');
  expect(notice).toContain('Kallelse till arbetsplatsträff (APT)');
  expect(notice).toContain('Stäm av arbetssituation/arbetsbelastning');
  expect(notice).toContain('Personalrummet');
  await page.getByRole('link', { name: 'Minnesanteckningar' }).click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Personalpolicy' }) });
  await item.getByText('Lägg till åtgärd').first().click();
  await item.getByLabel('Åtgärd', { exact: true }).fill(`Läs policyn ${project}`);
  await item.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await expect(item.getByText(`Läs policyn ${project}`)).toBeVisible();
  await open(page, page.url().replace(/\/mote\/.*$/, '/atgarder'));
  const action = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Läs policyn ${project}` }) });
  await action.getByText('Ändra åtgärd').click();
  await action.getByLabel('Status').selectOption({ label: 'Pågående' });
  await action.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(action.locator('.badge').first()).toHaveText('Pågående');
  await expect(action.getByText(/Från APT/)).toBeVisible();
  await expectAccessible(page);
});

test('two people writing the same item do not overwrite each other', async ({ page, context }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'two tabs at once');
  const year = ownYear('minutes', 2);
  await agendaOfNewMeeting(page, year);
  // Before the notice goes out the chef's PDF of notice and agenda says it is a draft.
  const notice = await linkedPdfText(page, page.getByRole('link', { name: 'Kallelse och dagordning som PDF' }));
  expect(notice).toContain('Utkast – kallelsen är inte skickad.');
  expect(notice).toContain('Kallelse till arbetsplatsträff (APT)');
  expect(notice).toContain('Stäm av arbetssituation/arbetsbelastning');
  expect(notice).toContain('Personalrummet');
  await page.getByRole('link', { name: 'Minnesanteckningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Minnesanteckningar/ })).toBeVisible();
  const minutesUrl = page.url();
  const other = await context.newPage();
  await open(other, minutesUrl);
  const itemOf = (p: Page) =>
    p.getByRole('listitem').filter({ has: p.getByRole('heading', { level: 3, name: 'Personalpolicy' }) });
  const save = async (p: Page, text: string) => {
    await itemOf(p).getByLabel('Anteckningar').fill(text);
    await Promise.all([
      p.waitForResponse((r) => r.url().includes('/api/minnesanteckningar/punkt')),
      itemOf(p).getByRole('button', { name: 'Spara anteckningar' }).click(),
    ]);
  };

  // The first writer saves twice (the form knows its own last save).
  await save(page, 'Policyn gicks igenom.');
  await expect(itemOf(page).getByText('Sparat.')).toBeVisible();
  await save(page, 'Policyn gicks igenom. Frågor om distansarbete.');
  await expect(itemOf(page).getByText('Sparat.')).toBeVisible();

  // The second opened the page before: refused, with the text kept in the field.
  await save(other, 'Ingen hann läsa policyn.');
  await expect(itemOf(other).getByText(/Anteckningarna för punkten har ändrats av någon annan efter att du öppnade sidan/)).toBeVisible();
  await expect(itemOf(other).getByLabel('Anteckningar')).toHaveValue('Ingen hann läsa policyn.');
  await expectAccessible(other);

  await open(other, minutesUrl);
  await expect(itemOf(other).getByLabel('Anteckningar')).toHaveValue('Policyn gicks igenom. Frågor om distansarbete.');
});
