// A culling decision is checked and saved by a plain form post, so it works before hydration
// and without JavaScript: a bad date gets its message beside the field of its own kind only.
// Saving the audit trail's rule culls nothing by itself, so this runs beside the other flows.
import { expect, test } from '@playwright/test';
import { open, signIn, THIS_YEAR } from './helpers';

const HR = 'elif.demir@exempelstad.se'; // HR at the root, Exempelstad
const DECISION = 'Dokumenthanteringsplan, KS 2024-03-12 § 41';

test('a culling decision is checked and saved @ssr', async ({ page }) => {
  await signIn(page, HR);
  await open(page, '/gallring');
  const section = page.getByRole('region', { name: 'Händelselogg', exact: true });
  // The form is folded away once a decision is set (by an earlier project's run).
  const years = section.getByLabel('Antal hela år att bevara');
  if (!(await years.isVisible())) await section.getByText(/^Gallringsbeslut/).click();
  await years.fill('10');
  await section.getByLabel('Beslut', { exact: true }).fill(DECISION);
  await section.getByLabel('Beslutsdatum').fill('2999-01-01');
  await section.getByRole('button', { name: 'Spara beslut' }).click();
  await expect(section.getByText('Beslutsdatumet kan inte ligga i framtiden.')).toBeVisible();
  // The other kinds' forms do not show the message.
  await expect(page.getByText('Beslutsdatumet kan inte ligga i framtiden.')).toHaveCount(1);

  await years.fill('10');
  await section.getByLabel('Beslut', { exact: true }).fill(DECISION);
  await section.getByLabel('Beslutsdatum').fill('2024-03-12');
  await section.getByRole('button', { name: 'Spara beslut' }).click();
  await expect(section.getByText(`Gällande beslut: ${DECISION}`)).toBeVisible();
  await expect(section.getByText(new RegExp(`Inget är äldre än .* 1 januari ${THIS_YEAR - 10}`))).toBeVisible();
});
