// The occupational health service's statistics (seed 002's bilaga 1): the group's chair
// enters a year's figures in tkr on the group's statistics page; a box that is not an amount is
// named beside it and nothing is saved; the saved year shows its total, the areas' shares as
// the report writes them ("58%") and a chart. On a protocol the figures attach under "Uppföljning
// av företagshälsovård" as a bilaga whose PDF carries the totals. A member reads the page without
// its form; a chef outside the group gets nothing. Each project enters its own past year (the
// demo's own figures, of 2024 and 2025, are replaced where a project's year is one of them).
import { expect, test } from '@playwright/test';
import { expectAccessible, open, ownPastYear, people, signIn, signOut } from './helpers';
import { addMeeting, DEMO_GROUP, meetingProtocol } from './cooperation_helpers';
import { pdfText } from './pdf_helpers';

test.describe.configure({ timeout: 240_000 });

const MONTHS = ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December'];
// The chair, who is also the förvaltningschef and so keeps the group's plan.
const CHAIR = 'lars.ekstrom@exempelstad.se';
const MEMBER = 'hanna.aberg@exempelstad.se';

test('the statistics are entered, shown with a chart and attached to a protocol @ssr', async ({ page }) => {
  const year = ownPastYear('health-service');
  await signIn(page, CHAIR);
  await page.getByRole('navigation', { name: 'Mina samverkansgrupper' }).getByRole('link', { name: DEMO_GROUP }).click();
  const groupUrl = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Statistik från företagshälsovården' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Statistik från företagshälsovården \d{4}$/ })).toBeVisible();
  const statistics = `${groupUrl}/foretagshalsovard?ar=${year}`;
  await open(page, statistics);
  await expect(page.getByRole('heading', { level: 1, name: `Statistik från företagshälsovården ${year}` })).toBeVisible();

  // A box that is not an amount is named beside it; nothing is saved.
  const form = page.getByRole('region', { name: `Lägg in statistiken för ${year}` });
  await form.getByLabel('Leverantör').fill('Feelgood');
  await form.getByLabel('Januari', { exact: true }).fill('41,5');
  await form.getByLabel('Mars', { exact: true }).fill('mycket');
  await form.getByRole('button', { name: 'Spara statistiken' }).click();
  await expect(page.getByText('Skriv beloppet i tkr med siffror, till exempel 58 eller 58,5.', { exact: false })).toBeVisible();
  await expect(page.getByText(`Totalt ${year}: 42 tkr`)).toHaveCount(0);

  // The year as the report has it: 104,5 tkr over two months, 703 tkr over the areas.
  const again = page.getByRole('region', { name: `Lägg in statistiken för ${year}` });
  await again.getByLabel('Leverantör').fill('Feelgood');
  // Every month is typed, since a year of the demo's (another project's) starts filled in.
  const typed = ['41,5', '63', '', '', '', '', '', '', '', '', '', ''];
  for (const [i, month] of MONTHS.entries()) {
    await again.getByLabel(month, { exact: true }).fill(typed[i]);
  }
  await again.getByLabel('Efterhjälpande, individ').fill('293');
  await again.getByLabel('Förebyggande, organisation').fill('46');
  await again.getByLabel('Förebyggande, grupp').fill('115');
  await again.getByLabel('Förebyggande, individ').fill('247');
  await again.getByLabel('Främjande, individ').fill('2');
  await again.getByRole('button', { name: 'Spara statistiken' }).click();
  await expect(page.getByText(`Totalt ${year}: 105 tkr`)).toBeVisible();
  const areas = page.getByRole('table', { name: `Tjänstenyttjande per uppdragsområde i tkr – ${year}` });
  await expect(areas.getByRole('row', { name: /Förebyggande/ })).toContainText('58%');
  await expect(areas.getByRole('row', { name: /Efterhjälpande/ })).toContainText('42%');
  const months = page.getByRole('table', { name: new RegExp(`Tjänstenyttjande per månad i tkr – ${year}`) });
  await expect(months.getByRole('row', { name: /Februari/ })).toContainText('63');
  const chart = page.getByRole('img', { name: /Stapeldiagram över tjänstenyttjandet per månad/ });
  await expect(chart).toBeVisible();
  // The image loads after it is laid out: wait until the browser has decoded the chart.
  await expect.poll(() => chart.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: `Lägg in statistiken för ${year}` }).getByLabel('Februari', { exact: true })).toHaveValue('63');
  await expectAccessible(page);

  // On a protocol the figures attach under "Uppföljning av företagshälsovård".
  await addMeeting(page, groupUrl, `${year}-10-05`);
  await meetingProtocol(page, groupUrl, year, /5 okt/);
  const bilagor = page.getByRole('region', { name: 'Bilagor' });
  await bilagor.getByLabel('Statistikens år').fill(String(year));
  await bilagor.getByRole('button', { name: 'Bifoga statistiken' }).click();
  const document = page.getByRole('article', { name: 'Protokollet' });
  await expect(document.getByText(`Bilaga 1: Årsstatistik Feelgood ${year}, Socialförvaltningen`)).toBeVisible();
  await expect(document.getByRole('heading', { name: 'a) Information: Uppföljning av företagshälsovård (bilaga 1)' })).toBeVisible();
  const pdfHref = (await document.getByRole('link', { name: 'Bilaga 1 som PDF' }).getAttribute('href'))!;
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain(`Årsstatistik Feelgood ${year}`);
  expect(text).toContain(`Totalt ${year}: 105 tkr`);
  expect(text).toContain('Förebyggande');
  const xlsx = await page.request.get((await document.getByRole('link', { name: 'Bilaga 1 som XLSX' }).getAttribute('href'))!);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  await signOut(page);

  // A member reads the figures without the form; a chef outside the group gets nothing.
  await signIn(page, MEMBER);
  await open(page, statistics);
  await expect(page.getByText(`Totalt ${year}: 105 tkr`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara statistiken' })).toHaveCount(0);
  await expectAccessible(page);
  const chartSrc = (await page.getByRole('img', { name: /Stapeldiagram/ }).getAttribute('src'))!;
  await signOut(page);
  await signIn(page, people.chef);
  expect((await page.request.get(chartSrc)).status()).toBe(403);
  expect((await page.request.get(pdfHref)).status()).toBe(403);
});
