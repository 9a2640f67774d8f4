// Signing in and out, wrong passwords, pages that do not exist, and the language switch.
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, open, people, signIn, signInThroughForm } from './helpers';

test('the sign-in page lists the demo accounts and passes axe @ssr', async ({ page }) => {
  await open(page, '/logga-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  const demo = page.getByRole('region', { name: 'Demokonton' });
  await expect(demo.getByRole('cell', { name: people.chef })).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password gets a clear Swedish message @ssr', async ({ page }) => {
  await open(page, '/logga-in');
  await page.getByLabel('E-postadress').fill(people.chef);
  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expectAccessible(page);
});

test('the button says the sign-in is under way until the answer comes', async ({ page }) => {
  await open(page, '/logga-in');
  await hydrated(page);
  await page.getByLabel('E-postadress').fill(people.chef);
  await page.getByLabel('Lösenord').fill('demo1234');
  // The button's words as they change, logged by the page itself: while the post is held, no
  // locator or evaluate can read the page (they wait for a held navigation to finish).
  await page.evaluate(() => {
    const b = document.querySelector('main button[type=submit]')!;
    new MutationObserver(() => console.log(`button: ${b.textContent} ${b.getAttribute('aria-busy')}`)).observe(b, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
    });
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/logga-in', async (route) => {
    await held;
    await route.continue();
  });
  const busy = page.waitForEvent('console', { predicate: (m) => m.text() === 'button: Loggar in… true' });
  // The click may wait for the page the form posts to, which is held here: awaited after.
  const clicked = page.getByRole('button', { name: 'Logga in' }).click();
  await busy;
  release();
  await clicked;
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
});

test('an empty e-mail is named beside its field @ssr', async ({ page }) => {
  await open(page, '/logga-in');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Skriv din e-postadress.')).toBeVisible();
});

test('a visitor who is not signed in is sent to the sign-in page @ssr', async ({ page }) => {
  await open(page, '/');
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
});

test('a page that does not exist says so with a 404 @ssr', async ({ page }) => {
  const response = await open(page, '/finns-inte');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expectAccessible(page);
});

test('a person signs in with e-mail and password and lands on their units @ssr', async ({ page }) => {
  await signInThroughForm(page, people.chef);
  await expect(page.getByRole('link', { name: 'Hemtjänst Norr' })).toBeVisible();
  await expectAccessible(page);
});

test('signing out ends the session @ssr', async ({ page }) => {
  await signInThroughForm(page, people.chef);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await open(page, '/');
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('the language can be switched to English and back, and is remembered @ssr', async ({ page }) => {
  await signIn(page, people.chef);
  // A click while the page hydrates may be taken by the form or by the page (a loaded phone
  // runner showed it): switch on a hydrated page here; the no-JS run covers the plain form.
  await hydrated(page);
  // On a loaded phone runner a tap now and then falls between a press and a release on a header
  // that re-renders once its data has loaded (no click event then, as in a browser): tap again
  // until the switch has happened, as a person would.
  await expect(async () => {
    const english = page.getByRole('button', { name: 'In English' });
    if (await english.isVisible()) await english.click({ timeout: 2_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'My units' })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  // The choice is remembered in a cookie the server sets: reload only once it is there.
  await expect.poll(async () =>
    (await page.context().cookies()).find((c) => c.name === 'i18n_pref_locale')?.value).toBe('en');
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1, name: 'My units' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'På svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
});
