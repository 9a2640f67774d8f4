// A chef reads the unit's seeded year: twelve months, the meetings, the plan's status, and a
// topic's guidance and contact. Tagged @ssr: it also runs with JavaScript turned off.
import { expect, test } from '@playwright/test';
import { expectAccessible, open, people, signIn } from './helpers';

test('a chef sees the year of meetings and reads a topic @ssr', async ({ page }) => {
  await signIn(page, people.chef);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hemtjänst Norr/ })).toBeVisible();

  const months = page.getByRole('region', { name: 'Månad för månad' });
  for (const month of ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti',
    'September', 'Oktober', 'November', 'December']) {
    await expect(months.getByRole('heading', { level: 3, name: month, exact: true })).toBeVisible();
  }
  // Ten seeded meetings, each with its ISO week and notice deadline.
  await expect(months.getByText(/Kallelse senast/)).toHaveCount(10);
  await expect(months.getByText('vecka 3', { exact: false }).first()).toBeVisible();

  const status = page.getByRole('region', { name: 'Planens status' });
  await expect(status.getByText('10 av minst 8 APT planerade')).toBeVisible();
  await expect(status.getByText(/Alla 28 ämnen i årshjulet är placerade/)).toBeVisible();

  await expect(page.getByRole('figure', { name: 'Årshjulet' })).toBeVisible();
  await expectAccessible(page);

  await months.getByRole('link', { name: 'Info om sjukfrånvarorutiner vid enheten' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Info om sjukfrånvarorutiner vid enheten' }),
  ).toBeVisible();
  await expect(page.getByText(/sjukanmälan, friskanmälan och hälsosamtal/)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Hr-avdelningen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sjukfrånvaro (stockholm.se)' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: /Tillbaka till årsplanen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hemtjänst Norr/ })).toBeVisible();
});

test('an employee reads the plan without any edit controls @ssr', async ({ page }) => {
  await signIn(page, people.medarbetare);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await expect(page.getByText('Du kan läsa planen men inte ändra den.')).toBeVisible();
  await expect(page.getByRole('button', { name: /lägg till|ändra|redigera|ta bort|flytta/i })).toHaveCount(0);
  // Nothing to fill in (the calendar address may be shown, read-only, for copying).
  await expect(page.locator('main').locator('input:not([type=hidden]):not([readonly]), select, textarea')).toHaveCount(0);
});

test('a person of another unit is refused @ssr', async ({ page }) => {
  await signIn(page, people.otherChef);
  await page.getByRole('link', { name: 'Barn- och ungdomsenheten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Barn- och ungdomsenheten/ })).toBeVisible();
  const otherUnitUrl = page.url();
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();

  await signIn(page, people.medarbetare);
  await expect(page.getByRole('link', { name: 'Barn- och ungdomsenheten' })).toHaveCount(0);
  const response = await open(page, otherUnitUrl);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await expect(page.getByText('Barn- och ungdomsenheten')).toHaveCount(0);
  await expectAccessible(page);
});

test('HR sees every unit below its node @ssr', async ({ page }) => {
  await signIn(page, people.hr);
  for (const unit of ['Hemtjänst Norr', 'Solgårdens vård- och omsorgsboende', 'Barn- och ungdomsenheten',
    'Enheten för ekonomiskt bistånd']) {
    await expect(page.getByRole('link', { name: unit })).toBeVisible();
  }
  // Ten demo APTs each; the offline flow adds one of its own today to two of the units.
  await expect(page.getByText(/\b1[01] APT, alla ämnen placerade/)).toHaveCount(4);
});
