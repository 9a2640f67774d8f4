// The organisation's template of the work environment report, kept by HR at its root: a figure
// added to seed 004's (sick leave of 60 days or more by age group, weighted by the hours worked)
// with each problem beside its field, and a deadline changed; a unit's chef then finds the new
// figure's box in the report's form. It runs in the demo's second organisation, Norrvik, so no
// other flow sees the template change; each project adds a figure and changes a level of its own.
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, norrvik, open, signIn, signOut } from './helpers';

const GROUP = 'Sjukfrånvaro 60 dagar eller mer';

/** Fills the whole form (a page without JavaScript comes back empty after a refusal) and adds. */
async function addFigure(page: Page, fields: { label: string; kind: string; basis?: string }) {
  await page.getByLabel('Avsnitt').selectOption({ label: 'Sjukfrånvaro' });
  await page.getByLabel('Underrubrik (valfri)').fill(GROUP);
  await page.getByLabel('Nyckeltalets namn').fill(fields.label);
  await page.getByLabel('Vad nyckeltalet räknar').selectOption({ label: fields.kind });
  await page.getByLabel('Underlag för viktning').selectOption({ label: fields.basis ?? 'Inget (för antal och timmar)' });
  await page.getByRole('button', { name: 'Lägg till nyckeltalet' }).click();
}

async function setDeadline(page: Page, level: string, day: string) {
  await page.getByLabel('Nivå', { exact: true }).selectOption({ label: level });
  await page.getByLabel('Dag', { exact: true }).fill(day);
  await page.getByLabel('Månad', { exact: true }).selectOption({ label: 'februari' });
  await page.getByRole('button', { name: 'Spara tidsfristen' }).click();
}

test('HR adds a figure to the report template and changes a deadline @ssr', async ({ page }) => {
  const project = test.info().project.name;
  const label = `30-49 år (${project})`;
  const level = ({ desktop: 'Avdelning', phone: 'Förvaltning', 'no-js': 'Nämnd' } as Record<string, string>)[project];
  const day = ({ desktop: '10', phone: '11', 'no-js': '12' } as Record<string, string>)[project];

  await signIn(page, norrvik.hr);
  await open(page, '/organisation');
  await page.getByRole('link', { name: 'Mall för arbetsmiljörapporten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mall för arbetsmiljörapporten' })).toBeVisible();

  // Without a name, and a percent without what it is weighted by: each said beside its field.
  await addFigure(page, { label: '', kind: 'Procent (vägs vid sammanräkning)' });
  await expect(page.getByText('Skriv nyckeltalets namn.')).toBeVisible();
  await addFigure(page, { label, kind: 'Procent (vägs vid sammanräkning)' });
  await expect(page.getByText('Välj vad andelen vägs med.')).toBeVisible();
  await addFigure(page, { label, kind: 'Procent (vägs vid sammanräkning)', basis: 'Ordinarie arbetstid, timmar totalt' });
  const added = page.getByRole('region', { name: 'Tillagda nyckeltal' });
  await expect(added.getByRole('row', { name: new RegExp(`${GROUP} ${label.replace(/[()]/g, '\\$&')} Procent, vägd med ordinarie arbetstid, timmar totalt`) })).toBeVisible();
  await expectAccessible(page);

  // 31 February does not exist; the 10th (11th, 12th) does.
  await setDeadline(page, level, '31');
  await expect(page.getByText('Skriv en dag som finns i månaden, till exempel 31.')).toBeVisible();
  await setDeadline(page, level, day);
  await expect(page.getByRole('region', { name: 'Tidsfrister' }).getByRole('row', { name: `${level} ${day} februari` })).toBeVisible();
  await signOut(page);

  // The unit's chef finds the new figure's box in the report's form.
  await signIn(page, norrvik.chef);
  await open(page, '/');
  await page.getByRole('link', { name: norrvik.unit, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(norrvik.unit) })).toBeVisible();
  await open(page, `${new URL(page.url()).pathname}/arbetsmiljorapport?ar=2025`);
  await expect(page.getByLabel(`${GROUP}: ${label} (procent)`, { exact: true })).toBeVisible();
});
