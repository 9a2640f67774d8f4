// The plan in Outlook: the year's APTs as an .ics file (one event per meeting) for readers of the
// unit, and a subscription address of each person's own, readable without signing in while
// they belong to the unit.
import { expect, request, test } from '@playwright/test';
import { open, people, signIn, signOut } from './helpers';

// Each project works on its own unit, so renewing an address never races another run.
const chefFor = (project: string) =>
  project === 'phone'
    ? { email: 'mattias.hakansson@exempelstad.se', unit: 'Solgårdens vård- och omsorgsboende' }
    : { email: people.chef, unit: 'Hemtjänst Norr' };

test('the year downloads as a calendar with one event per meeting', async ({ page }) => {
  const chef = chefFor(test.info().project.name);
  await signIn(page, chef.email);
  await page.getByRole('link', { name: chef.unit }).click();
  const href = await page.getByRole('link', { name: /Ladda ned årets APT som kalenderfil/ }).getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const text = await response.text();
  expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(10);
  expect(text).toContain('TZID=Europe/Stockholm');
  expect(text).toMatch(/UID:apt-\d+@arshjul/);

  // Signed out, the same address is refused.
  const anonymous = await request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(href!)).status()).toBe(401);
  await anonymous.dispose();
});

test('a person of another unit cannot download its calendar', async ({ page }) => {
  await signIn(page, people.otherChef);
  await page.getByRole('link', { name: 'Barn- och ungdomsenheten' }).click();
  const href = await page.getByRole('link', { name: /Ladda ned årets APT som kalenderfil/ }).getAttribute('href');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await signIn(page, people.medarbetare);
  expect((await page.request.get(href!)).status()).toBe(403);
});

test('a person makes their own subscription address that works without signing in', async ({ page }) => {
  const chef = chefFor(test.info().project.name);
  await signIn(page, chef.email);
  await page.getByRole('link', { name: chef.unit }).click();
  await page.getByRole('button', { name: /Skapa prenumerationsadress|Förnya adressen/ }).click();
  const address = page.getByLabel('Prenumerera på enhetens APT i Outlook eller annan kalender');
  await expect(address).toHaveValue(/\/kalender\/[0-9a-f]{64}\.ics$/);
  const url = await address.inputValue();

  const calendarProgram = await request.newContext();
  const feed = await calendarProgram.get(url);
  expect(feed.status()).toBe(200);
  expect((await feed.text()).match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(10);

  // Renewing stops the old address.
  await page.getByRole('button', { name: /Förnya adressen/ }).click();
  await expect(address).not.toHaveValue(url);
  expect((await calendarProgram.get(url)).status()).toBe(404);

  // An employee makes an address of their own too; never the chef's.
  await signOut(page);
  await signIn(page, people.medarbetare);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await expect(page.getByRole('button', { name: /Skapa prenumerationsadress|Förnya adressen/ })).toBeVisible();
  const own = page.getByLabel('Prenumerera på enhetens APT i Outlook eller annan kalender');
  if (await own.count()) await expect(own).not.toHaveValue(url);
  await calendarProgram.dispose();
});
