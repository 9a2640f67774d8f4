// The audit trail as HR reads it: an employee's proposal and a refused attempt to change the plan
// show up in HR's log of its part of the organisation, filtered by person and kind; a bad date
// in the filter is named beside its field; only HR may read the log.
import { expect, test } from '@playwright/test';
import { expectAccessible, open, people, signIn, signOut } from './helpers';

test('HR reads who did what, and what was refused, in its part of the organisation @ssr', async ({ page }) => {
  const project = test.info().project.name;
  const title = `Loggtest ${project} ${Date.now()}`;

  // An employee proposes an item (a change) and tries to add a meeting (refused).
  await signIn(page, people.medarbetare);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await page.waitForURL(/\/enhet\/\d+/);
  const unitId = new URL(page.url()).pathname.split('/')[2];
  await open(page, `/enhet/${unitId}/forslag`);
  const propose = page.getByRole('region', { name: 'Föreslå en punkt' });
  await propose.getByLabel('Rubrik').fill(title);
  await propose.getByLabel('Vad handlar det om?').fill('Till loggen.');
  await propose.getByRole('button', { name: 'Skicka förslaget' }).click();
  await expect(page.getByRole('region', { name: 'Mina förslag' }).getByRole('heading', { name: title })).toBeVisible();
  const refused = await page.request.post('/api/plan/mote/ny', {
    form: {
      unit_id: unitId,
      year: '2030',
      plan_version: '1',
      'meeting[date]': '2030-01-15',
      'meeting[start]': '13:00',
      'meeting[end]': '14:00',
      'meeting[location]': 'Eken',
      'meeting[online_link]': '',
    },
  });
  expect(refused.status()).toBe(403);

  // The employee has no log to read.
  await open(page, '/logg');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await signOut(page);

  // HR finds both, newest first, from the start page's tools.
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Händelselogg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Händelselogg – / })).toBeVisible();
  await page.getByLabel('Person').fill('Mehmet');
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page).toHaveURL(/person=Mehmet/);
  const entries = page.getByRole('listitem');
  const proposal = entries.filter({ hasText: 'Föreslog en punkt till dagordningen' }).first();
  await expect(proposal).toContainText('Mehmet Yilmaz');
  await expect(proposal).toContainText('Hemtjänst Norr');
  await expect(proposal).toContainText(`unit_id=${unitId}`);
  const refusal = entries.filter({ hasText: 'POST /api/plan/mote/ny (403)' }).first();
  await expect(refusal).toContainText('Nekad begäran');
  await expect(refusal).toContainText('Mehmet Yilmaz');
  await expectAccessible(page);

  // Only the refused ones.
  await page.getByLabel('Typ av händelse').selectOption({ label: 'Nekade försök' });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page).toHaveURL(/typ=nekade/);
  await expect(entries.filter({ hasText: 'Föreslog en punkt' })).toHaveCount(0);
  await expect(entries.filter({ hasText: 'Nekad begäran' }).first()).toBeVisible();

  // A date the filter cannot read is named beside its field; the rest of the filter holds.
  await open(page, '/logg?person=Mehmet&fran=i-g%C3%A5r');
  await expect(page.getByText('Skriv datumet som ÅÅÅÅ-MM-DD')).toBeVisible();
  await expect(page.getByLabel('Från och med')).toHaveAttribute('aria-invalid', 'true');
  await expect(entries.filter({ hasText: 'Föreslog en punkt' }).first()).toBeVisible();
  await expectAccessible(page);
});
