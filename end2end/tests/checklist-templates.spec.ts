// HR keeps the checklist templates: a change to a version no unit has opened applies at once;
// once a unit has opened it, a change becomes the next version and the unit keeps what it opened.
// Each project works in its own spare year above those of the other flows, which never copy
// from it (a new year's templates copy the nearest earlier year's).
import { expect, test } from '@playwright/test';
import { expectAccessible, open, ownYear, people, signIn, signOut } from './helpers';

test.describe.configure({ timeout: 120_000 });

const ROOT_HR = 'elif.demir@exempelstad.se'; // HR, Exempelstad (keeps the templates)
const SAM = 'Checklista för årlig uppföljning';

test('HR changes a question; a unit that has started keeps its version', async ({ page }) => {
  const project = test.info().project.name;
  const year = ownYear('checklist-templates');
  const first = `Känner alla till arbetsmiljöpolicyn? (${project})`;
  const second = `Har alla läst arbetsmiljöpolicyn i år? (${project})`;

  await signIn(page, ROOT_HR);
  await page.getByRole('link', { name: 'Checklistmallar' }).first().click();
  await open(page, `/mall/checklistor?ar=${year}`);
  // Reading the year made nothing: the page shows what its templates would be and makes them
  // on request.
  const notMade = page.getByRole('region', { name: `Mallarna för ${year} är inte gjorda än` });
  await expect(notMade.getByRole('listitem').filter({ hasText: SAM })).toContainText('frågor');
  await expectAccessible(page);
  await notMade.getByRole('button', { name: `Gör mallarna för ${year}` }).click();
  const sam = page.getByRole('region', { name: SAM });
  await expect(sam.getByText('Ingen enhet har börjat fylla i den', { exact: false })).toBeVisible();
  await expect(notMade).toHaveCount(0);
  // The first question, whatever an earlier year's template (copied into this one) asks.
  const question = sam.getByRole('listitem').first();
  await question.getByText('Ändra fråga').click();
  await question.getByLabel('Fråga', { exact: true }).fill('');
  await question.getByRole('button', { name: 'Spara fråga' }).click();
  await expect(question.getByText('Skriv frågan.')).toBeVisible();
  await question.getByLabel('Fråga', { exact: true }).fill(first);
  await question.getByRole('button', { name: 'Spara fråga' }).click();
  await expect(page.getByText('Frågan är sparad (mallversion 1).')).toBeVisible();
  await expect(sam.getByText(first, { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // A chef opens the checklist: it asks the changed question.
  await signIn(page, people.chef);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await open(page, `${new URL(page.url()).pathname}/checklistor?ar=${year}`);
  await page.getByRole('button', { name: `Påbörja ${SAM} ${year}` }).click();
  await expect(page.getByRole('heading', { level: 3, name: `1. ${first}` })).toBeVisible();
  const checklistUrl = new URL(page.url()).pathname;
  await signOut(page);

  // Now a change makes version 2; the unit's checklist still asks what it opened.
  await signIn(page, ROOT_HR);
  await open(page, `/mall/checklistor?ar=${year}`);
  await expect(sam.getByText('Version 1 används av 1 enheter', { exact: false })).toBeVisible();
  const changed = sam.getByRole('listitem').filter({ hasText: first });
  await changed.getByText('Ändra fråga').click();
  await changed.getByLabel('Fråga', { exact: true }).fill(second);
  await changed.getByRole('button', { name: 'Spara fråga' }).click();
  await expect(page.getByText('Frågan är sparad (mallversion 2).')).toBeVisible();
  await expect(sam.getByText(second, { exact: true }).first()).toBeVisible();
  await signOut(page);

  await signIn(page, people.chef);
  await open(page, checklistUrl);
  await expect(page.getByRole('heading', { level: 3, name: `1. ${first}` })).toBeVisible();
  await expect(page.getByText('Mallversion 1')).toBeVisible();
});

test('only HR at the root keeps checklist templates', async ({ page }) => {
  await signIn(page, people.hr);
  await expect(page.getByRole('link', { name: 'Uppföljning av checklistor' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Checklistmallar' })).toHaveCount(0);
  const response = await open(page, '/mall/checklistor');
  expect(response?.status()).toBe(403);
});
