// Retention by decision (gallring): HR at the root sets the organisation's culling decision for a
// kind of record, sees what it would cull today (the demo's archived records of 2019), is stopped
// until the list is confirmed, and culls; the run is logged with what it removed. Bad input gets
// a message beside its field, also without JavaScript. Culling removes records for good, so these
// flows run in the demo's second organisation, Norrvik, which no other flow uses; the desktop run
// culls the minutes and the phone run the agendas, which neither needs the other for.
import { expect, test } from '@playwright/test';
import { expectAccessible, norrvik, open, people, signIn, THIS_YEAR } from './helpers';

const HR = norrvik.hr;
const DECISION = 'Dokumenthanteringsplan, KS 2024-03-12 § 41';

test('HR sets a culling decision, checks what it culls and culls under it', async ({ page }) => {
  const desktop = test.info().project.name === 'desktop';
  const kind = desktop ? 'Minnesanteckningar' : 'Dagordningar';
  const line = desktop ? 'Minnesanteckningar: Stadsbiblioteket' : 'Dagordning: Stadsbiblioteket';
  await signIn(page, HR);
  await page.getByRole('link', { name: 'Gallring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gallring – Norrvik' })).toBeVisible();
  const section = page.getByRole('region', { name: kind, exact: true });
  await expect(section.getByText('Inget gallringsbeslut är angivet. Handlingarna bevaras.')).toBeVisible();
  // The cooperation groups' protocols are a kind of their own, archived before they are culled.
  await expect(page.getByRole('region', { name: 'Samverkansprotokoll', exact: true })).toContainText('Exportera protokollen för arkivet först.');
  await expectAccessible(page);

  // Bad input: the message stands beside its field and what was typed stays.
  await section.getByLabel('Antal hela år att bevara').fill('0');
  await section.getByLabel('Beslut', { exact: true }).fill(DECISION);
  await section.getByLabel('Beslutsdatum').fill('2024-03-12');
  await section.getByRole('button', { name: 'Spara beslut' }).click();
  await expect(section.getByText('Antal år ska vara minst 1 och högst 100.')).toBeVisible();
  await expect(section.getByLabel('Beslut', { exact: true })).toHaveValue(DECISION);

  await section.getByLabel('Antal hela år att bevara').fill('5');
  await section.getByRole('button', { name: 'Spara beslut' }).click();
  await expect(section.getByText(`Gällande beslut: ${DECISION}`)).toBeVisible();
  await expect(section.getByText(new RegExp(`I dag skulle \\d+ handlingar från före .* 1 januari ${THIS_YEAR - 5} gallras:`))).toBeVisible();
  await expect(section.getByRole('listitem').filter({ hasText: `${line}, APT 2019-01-08` })).toBeVisible();

  // Nothing is culled until the list is confirmed.
  await section.getByRole('button', { name: 'Gallra' }).click();
  await expect(section.getByText('Kryssa i att du har gått igenom listan. Gallring går inte att ångra.')).toBeVisible();
  await expect(section.getByText(/I dag skulle \d+ handlingar/)).toBeVisible();

  await section.getByLabel('Jag har gått igenom listan. Gallringen går inte att ångra.').check();
  await section.getByRole('button', { name: 'Gallra' }).click();
  await expect(section.getByText(/^\d+ handlingar gallrades och gallringen är loggad\.$/)).toBeVisible();
  await expect(section.getByText(new RegExp(`Inget är äldre än .* 1 januari ${THIS_YEAR - 5}`))).toBeVisible();

  // The run is on record with what it removed, under which decision.
  await section.getByText(/^Tidigare gallringar \(1\)/).click();
  const run = section.getByRole('listitem').filter({ hasText: /Sara Lindahl gallrade \d+ handlingar/ });
  await expect(run).toContainText(DECISION);
  await expect(run.getByRole('listitem').filter({ hasText: `${line}, APT 2019-02-12` })).toBeVisible();
  await expectAccessible(page);

  // The audit log has the run too.
  await open(page, '/logg');
  await expect(page.getByRole('listitem').filter({ hasText: 'Gallrade handlingar enligt beslut' }).first()).toBeVisible();
});

test('Only HR at the root reaches retention', async ({ page }) => {
  await signIn(page, people.hr);
  await expect(page.getByRole('link', { name: 'Gallring' })).toHaveCount(0);
  await open(page, '/gallring');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
});
