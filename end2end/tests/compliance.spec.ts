// The APT and SAM compliance overview: the avdelning's chef reaches it from the work environment
// report, sees one row per unit below with its APTs, notices, topics, minutes, workload checks,
// SAM follow-up and overdue actions, sorts by a column (a second click turns the order round),
// filters to the units that fall short and downloads the table as XLSX, which holds the same
// rows. An employee of a unit gets nothing. The demo's year is shared with other flows, so only
// the table's shape and its agreement with the download are asserted, never a count that another
// flow could change.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectAccessible, open, people, signIn, signOut } from './helpers';

const AVDELNING_CHEF = 'gunilla.dahlberg@exempelstad.se';
const AVDELNING = 'Avdelningen för äldreomsorg';
const UNITS = ['Hemtjänst Norr', 'Solgårdens vård- och omsorgsboende'];
const YEAR = 2026;

test('the avdelning sees, sorts, filters and downloads its units\' compliance @ssr', async ({ page }) => {
  await signIn(page, AVDELNING_CHEF);
  await open(page, '/');
  await page.getByRole('link', { name: AVDELNING, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(AVDELNING) })).toBeVisible();
  const node = new URL(page.url()).pathname;
  await open(page, `${node}/arbetsmiljorapport?ar=${YEAR}`);
  await page.getByRole('link', { name: `Efterlevnad APT och SAM ${YEAR}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Efterlevnad APT och SAM ${YEAR}`) })).toBeVisible();
  await expect(page.getByText(/^2 enheter, varav \d brister i något\.$/)).toBeVisible();

  const table = page.getByRole('table', { name: `Efterlevnad per enhet under ${AVDELNING} ${YEAR}` });
  for (const unit of UNITS) await expect(table.getByRole('rowheader', { name: unit })).toBeVisible();
  const name = table.getByRole('columnheader', { name: 'Enhet', exact: true });
  await expect(name).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('rowheader').first()).toHaveText(UNITS[0]);
  await expectAccessible(page);

  // Sorting: by name, a second click turns the order round; another column sorts by itself.
  await name.getByRole('link').click();
  await expect(table.getByRole('columnheader', { name: 'Enhet', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('rowheader').first()).toHaveText(UNITS[1]);
  await table.getByRole('columnheader', { name: 'Försenade åtgärder' }).getByRole('link').click();
  await expect(table.getByRole('columnheader', { name: 'Försenade åtgärder' })).toHaveAttribute('aria-sort', 'ascending');
  expect(new URL(page.url()).searchParams.get('sortera')).toBe('atgarder');

  // The filter keeps the sorting and lists only units that fall short.
  await page.getByLabel('Visa bara enheter som brister').check();
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByLabel('Visa bara enheter som brister')).toBeChecked();
  expect(new URL(page.url()).searchParams.get('sortera')).toBe('atgarder');
  await expect(page.getByText('Inga brister', { exact: true })).toHaveCount(0);

  // The download holds the rows as shown, under the page's headings.
  await page.getByLabel('Visa bara enheter som brister').uncheck();
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByLabel('Visa bara enheter som brister')).not.toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ladda ner som Excel (XLSX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^efterlevnad-\\d+-${YEAR}\\.xlsx$`));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.getWorksheet(`Efterlevnad ${YEAR}`)!;
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  expect(headers[0]).toBe('Enhet');
  expect(headers).toContain('Försenade åtgärder');
  const names = sheet.getColumn(1).values.slice(2) as string[];
  expect([...names].sort()).toEqual(UNITS);
  const pageNames = await table.getByRole('rowheader').allTextContents();
  expect(names).toEqual(pageNames);
});

test('an employee does not see the compliance of their unit @ssr', async ({ page }) => {
  await signIn(page, people.chef);
  await open(page, '/');
  await page.getByRole('link', { name: 'Hemtjänst Norr', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Hemtjänst Norr/ })).toBeVisible();
  const unit = new URL(page.url()).pathname;
  // The chef reaches it from the plan.
  await page.getByRole('link', { name: /^Efterlevnad APT och SAM \d{4}$/ }).click();
  await expect(page.getByRole('table', { name: /^Efterlevnad per enhet under Hemtjänst Norr/ }).getByRole('rowheader', { name: 'Hemtjänst Norr' })).toBeVisible();
  await signOut(page);
  await signIn(page, people.medarbetare);
  expect((await open(page, `${unit}/efterlevnad?ar=${YEAR}`))?.status()).toBe(403);
});
