// The archive export: the chef downloads every record of the unit as one zip (minutes in each
// published version, agendas, the action plan and an index), as an archive delivery needs
// them; an employee gets no export. The demo's 2019 records are exported here (the culling flow
// culls those of the other demo organisation, Norrvik). HR exports the demo cooperation group's
// locked protocols of 2026 with their bilagor the same way.
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { expectAccessible, open, people, signIn, signOut } from './helpers';
import { DEMO_GROUP } from './cooperation_helpers';
import { pdfText } from './pdf_helpers';

test('the chef downloads the unit\'s records for the archive @ssr', async ({ page }) => {
  await signIn(page, people.otherChef);
  await page.getByRole('link', { name: 'Barn- och ungdomsenheten' }).first().click();
  await page.waitForURL(/\/enhet\/\d+/);
  const unitId = new URL(page.url()).pathname.split('/')[2];
  const archive = page.getByRole('region', { name: 'Arkiv' });
  await expect(archive).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    archive.getByRole('button', { name: 'Ladda ner enhetens handlingar (zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^arkiv-enhet-${unitId}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const zip = await JSZip.loadAsync(await readFile(await download.path()));

  const index = await zip.file('index.csv')!.async('string');
  expect(index).toContain('Fil;Handlingstyp;Enhet;Datum;Rubrik;Version;Upprättad av');
  const minutesRow = index.split('\n').find((l) => l.startsWith('minnesanteckningar/2019-01-08_apt_'));
  expect(minutesRow).toContain(';Minnesanteckningar;Barn- och ungdomsenheten;2019-01-08;');
  expect(minutesRow).toContain(';1;Ingrid Åström');
  expect(index).toContain('handlingsplan/atgarder.csv;Handlingsplan');

  const minutesPath = minutesRow!.split(';')[0];
  const minutes = await zip.file(minutesPath)!.async('string');
  expect(minutes).toContain('Minnesanteckningar, APT 2019-01-08');
  expect(minutes).toContain('Närvarande: Ingrid Åström');
  expect(minutes).toContain('Anteckningar: Genomgång av föregående minnesanteckningar. Inga synpunkter.');

  const agendaPath = index.split('\n').find((l) => l.startsWith('dagordningar/2019-01-08_apt_'))!.split(';')[0];
  expect(await zip.file(agendaPath)!.async('string')).toContain('Dagordning, APT 2019-01-08');
  expect(await zip.file('handlingsplan/atgarder.csv')!.async('string')).toContain('Koppling till;Fråga;Resultat;Åtgärd');
  // Last year's work environment report, accepted (the demo's), as its PDF.
  expect(index).toContain('arbetsmiljorapporter/2024.pdf;Arbetsmiljörapport;Barn- och ungdomsenheten;2024;Arbetsmiljörapport 2024 Barn- och ungdomsenheten (Godkänd)');
  const report = pdfText(Buffer.from(await zip.file('arbetsmiljorapporter/2024.pdf')!.async('uint8array')));
  expect(report).toContain('Arbetsmiljörapport 2024');
  expect(report).toContain('Tabell sjukfrånvaro');
  await signOut(page);

  // An employee of another unit gets no export.
  await signIn(page, people.medarbetare);
  const refused = await page.request.post(`/export/arkiv/${unitId}.zip`);
  expect(refused.status()).toBe(403);
  // A link (a GET, as from another site) runs no export.
  expect((await page.request.get(`/export/arkiv/${unitId}.zip`)).status()).toBe(405);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).first().click();
  await page.waitForURL(/\/enhet\/\d+/);
  await expect(page.getByRole('region', { name: 'Arkiv' })).toHaveCount(0);
});

test('HR downloads a cooperation group\'s protocols of a year for the archive @ssr', async ({ page }) => {
  await signIn(page, people.hr);
  await open(page, '/samverkan');
  await page.getByRole('link', { name: DEMO_GROUP }).first().click();
  await page.waitForURL(/\/samverkan\/\d+/);
  const groupId = new URL(page.url()).pathname.split('/')[2];
  await open(page, `/samverkan/${groupId}?ar=2026`);
  const archive = page.getByRole('region', { name: 'Arkivexport' });
  await expect(archive).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    archive.getByRole('button', { name: 'Ladda ner protokollen 2026 för arkivet' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`arkiv-samverkan-${groupId}-2026.zip`);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const index = await zip.file('index.csv')!.async('string');
  expect(index).toContain('Fil;Handlingstyp;Grupp;Datum;Rubrik;Version;Justerat av');
  expect(index).toContain(`2026-09-21-v1/protokoll.pdf;Protokoll;${DEMO_GROUP};2026-09-21;`);
  expect(index).toContain('2026-09-21-v1/bilaga-1.xlsx;Bilaga (kalkylblad)');
  // The protocol is kept as the PDF its page offers, naming who approved it.
  const protocol = pdfText(Buffer.from(await zip.file('2026-09-21-v1/protokoll.pdf')!.async('uint8array')));
  expect(protocol).toContain('Justerare');
  expect(protocol).toContain('Hanna Åberg');
  await signOut(page);

  // An employee gets no export, and no form offers one.
  await signIn(page, people.medarbetare);
  expect((await page.request.post(`/samverkan/${groupId}/arkiv/2026.zip`)).status()).toBe(403);
});
