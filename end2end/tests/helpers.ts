// Shared steps of the user flows: signing in as a demo person and checking a page with axe-core.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'demo1234';

/** Demo people by role (from seeds/demo_org.json). */
export const people = {
  chef: 'anna.lindqvist@exempelstad.se', // Enhetschef, Hemtjänst Norr
  medarbetare: 'mehmet.yilmaz@exempelstad.se', // Medarbetare, Hemtjänst Norr
  otherChef: 'ingrid.astrom@exempelstad.se', // Enhetschef, Barn- och ungdomsenheten
  hr: 'fredrik.holmqvist@exempelstad.se', // HR, Socialförvaltningen
};

/** Waits until the page is interactive (hydrated); a no-op when JavaScript is off. */
export async function hydrated(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 20_000 });
}

/** Loads a page and waits until it is interactive. */
export async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await hydrated(page);
  return response;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await open(page, '/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
}

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules and expects no violation. */
// axe-core runs as injected JavaScript, so the no-JS project skips it (the same pages are checked
// in the desktop and phone projects).
export async function expectAccessible(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}
