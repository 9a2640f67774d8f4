// A protocol's bilagor: the chair writes a meeting's agenda with "Uppföljning av det systematiska
// arbetsmiljöarbetet och aktiva åtgärder", which brings the node's unit results with it (the SAM
// follow-up, Aktiva åtgärder and the action plan, frozen). On the protocol a wrong year is
// refused beside the field and 2026's results replace them; a file uploaded under item 4 numbers
// before them ("bilaga 1", then "bilaga 2–4"). The results read back as XLSX and as a PDF
// (pdftotext finds a unit's name), the file as it was; removing it renumbers the rest. A chef
// outside the group may not download them.
import { expect, test } from '@playwright/test';
import { expectAccessible, open, ownYear, people, signIn, signOut } from './helpers';
import { addMeeting, DEMO_GROUP } from './cooperation_helpers';
import { pdfText } from './pdf_helpers';

test.describe.configure({ timeout: 240_000 });

const CHAIR = 'lars.ekstrom@exempelstad.se';
const FOLLOW_UP = 'Uppföljning av det systematiska arbetsmiljöarbetet och aktiva åtgärder';

test('the units results and a file are attached and numbered across the protocol @ssr', async ({ page }) => {
  const project = test.info().project.name;
  // The cooperation flow plans its own group in this year, so the demo group's year is ours.
  const year = ownYear('cooperation');
  await signIn(page, CHAIR);
  await page.getByRole('navigation', { name: 'Mina samverkansgrupper' }).getByRole('link', { name: DEMO_GROUP }).click();
  const groupUrl = new URL(page.url()).pathname;
  await addMeeting(page, groupUrl, `${year}-05-20`);
  await open(page, `${groupUrl}?ar=${year}`);
  await page.getByRole('region', { name: `Mötesplan ${year}` }).getByRole('link', { name: /20 maj/ }).click();

  // The SAM follow-up on the agenda brings the unit results of the meeting's year at once.
  const agenda = page.getByRole('region', { name: 'Dagordning' });
  await agenda.getByRole('button', { name: 'Skriv dagordningen från den stående dagordningen' }).click();
  await expect(agenda.getByRole('heading', { level: 3, name: '12. Nästa förvaltningsgrupp' })).toBeVisible();
  await agenda.getByLabel('Under punkt').selectOption({ label: '4. Arbetsmiljö och hälsa' });
  await agenda.getByLabel('Slag').selectOption({ label: 'Information' });
  await agenda.getByLabel('Punktens rubrik').fill(FOLLOW_UP);
  await agenda.getByRole('button', { name: 'Lägg till underpunkt' }).click();
  await expect(agenda.getByText(`a) Information: ${FOLLOW_UP}`)).toBeVisible();
  await page.getByRole('link', { name: 'Protokoll', exact: true }).click();
  const document = page.getByRole('article', { name: 'Protokollet' });
  await expect(document.getByRole('heading', { name: `a) Information: ${FOLLOW_UP} (bilaga 1–3)` })).toBeVisible();
  await expect(document.getByText(`Bilaga 1: Uppföljning av det systematiska arbetsmiljöarbetet ${year}, Socialförvaltningen`)).toBeVisible();

  // Another year's results replace them; a year out of range is named beside the field.
  const bilagor = page.getByRole('region', { name: 'Bilagor' });
  await expect(bilagor.getByLabel('Resultaten hör till punkt')).toHaveValue(/\d+/);
  await bilagor.getByLabel('År', { exact: true }).fill('1999');
  await bilagor.getByRole('button', { name: 'Bifoga enheternas resultat' }).click();
  await expect(bilagor.getByText('Välj ett år mellan 2000 och 2100.')).toBeVisible();
  await page.getByRole('region', { name: 'Bilagor' }).getByLabel('År', { exact: true }).fill('2026');
  await page.getByRole('region', { name: 'Bilagor' }).getByRole('button', { name: 'Bifoga enheternas resultat' }).click();
  await expect(document.getByText('Bilaga 1: Uppföljning av det systematiska arbetsmiljöarbetet 2026, Socialförvaltningen')).toBeVisible();
  await expect(document.getByText('Bilaga 2: Uppföljning av aktiva åtgärder 2026, Socialförvaltningen')).toBeVisible();
  await expect(document.getByText('Bilaga 3: Handlingsplan med uppföljning 2026, Socialförvaltningen')).toBeVisible();

  // A file under item 4 comes before them.
  const fileName = `fhv-${project}.txt`;
  const upload = page.getByRole('region', { name: 'Bilagor' });
  await upload.getByLabel('Filen hör till punkt').selectOption({ label: '4. Arbetsmiljö och hälsa' });
  await upload.getByLabel('Fil att bifoga').setInputFiles({
    name: fileName,
    mimeType: 'text/plain',
    buffer: Buffer.from('Företagshälsovård: 120 tkr i maj'),
  });
  await upload.getByRole('button', { name: 'Ladda upp bilaga' }).click();
  await expect(page.getByRole('region', { name: 'Bilagor' }).getByText('Bilagan är sparad.')).toBeVisible();
  await expect(document.getByRole('heading', { name: '4. Arbetsmiljö och hälsa (bilaga 1)' })).toBeVisible();
  await expect(document.getByRole('heading', { name: `a) Information: ${FOLLOW_UP} (bilaga 2–4)` })).toBeVisible();
  await expectAccessible(page);

  // They read back: the file as it was, the results as XLSX and PDF, the protocol lists them.
  const file = await page.request.get((await document.getByRole('link', { name: `Bilaga 1: ${fileName}` }).getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect(await file.text()).toBe('Företagshälsovård: 120 tkr i maj');
  const xlsxHref = (await document.getByRole('link', { name: 'Bilaga 2 som XLSX' }).getAttribute('href'))!;
  const xlsx = await page.request.get(xlsxHref);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  const pdf = await page.request.get((await document.getByRole('link', { name: 'Bilaga 2 som PDF' }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text.toLowerCase()).toContain('bilaga 2 till protokoll'); // the header line is set in capitals
  expect(text).toContain('Hemtjänst Norr');
  const protocolPdf = await page.request.get((await page.getByRole('link', { name: 'Ladda ner protokollet som PDF' }).getAttribute('href'))!);
  const protocolText = pdfText(await protocolPdf.body());
  expect(protocolText).toContain('Bilagor');
  expect(protocolText).toContain(fileName);

  // Removing the file renumbers the rest.
  await page.getByRole('region', { name: 'Bilagor' }).getByRole('button', { name: 'Ta bort bilaga 1' }).click();
  await expect(document.getByRole('heading', { name: `a) Information: ${FOLLOW_UP} (bilaga 1–3)` })).toBeVisible();
  await expect(document.getByRole('link', { name: `Bilaga 1: ${fileName}` })).toHaveCount(0);
  await signOut(page);

  // A chef outside the group may not download them.
  await signIn(page, people.chef);
  expect((await page.request.get(xlsxHref)).status()).toBe(403);
});
