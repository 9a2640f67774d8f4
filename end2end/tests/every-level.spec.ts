// Every level plans, answers and acts: HR of Socialförvaltningen opens the förvaltning's own
// planning from the organisation page, answers the förvaltning's own SAM follow-up for its staff,
// and the förvaltning's roll-up shows its own answer ("Eget") beside its units' and takes its
// analysis for the report under seed 002's three headings. Each project works in its own year.
import { expect, test } from '@playwright/test';
import { expectAccessible, open, ownYear, people, signIn } from './helpers';

const SAM = 'Checklista för årlig uppföljning';
const Q1 = '1. Är stadens Arbetsmiljöpolicy (tillika Personalpolicyn) känd på arbetsplatsen?';

test('A förvaltning answers its own SAM checklist beside its units', async ({ page }) => {
  const year = ownYear('every-level');
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Organisation och personer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Socialförvaltningen' })).toBeVisible();
  await page.getByRole('link', { name: /^Egen planering och uppföljning/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Socialförvaltningen/ })).toBeVisible();
  const nodePath = new URL(page.url()).pathname;

  await open(page, `${nodePath}/checklistor?ar=${year}`);
  await expect(page.getByRole('heading', { level: 1, name: `Checklistor ${year} – Socialförvaltningen` })).toBeVisible();
  const sam = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${SAM} ${year}` }) });
  await sam.getByRole('button', { name: `Påbörja ${SAM} ${year}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${SAM} ${year}` })).toBeVisible();
  const q1 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: Q1 }) });
  await q1.getByLabel('Instämmer helt').check();
  await q1.getByRole('button', { name: 'Spara svar' }).click();
  await expect(q1.getByText('Svaret är sparat.')).toBeVisible();
  await expectAccessible(page);

  // The roll-up of the förvaltning: its own answer, marked, beside its units.
  const nodeId = nodePath.split('/').pop();
  await open(page, `/uppfoljning?nod=${nodeId}&checklista=sam_annual&ar=${year}`);
  const units = page.getByRole('region', { name: /^Enheter: 0 av 5 klara/ });
  await expect(units.getByRole('row', { name: /^Socialförvaltningen \(Eget\) Påbörjad, 1 av \d+ besvarade/ })).toBeVisible();
  await expect(units.getByRole('row', { name: 'Hemtjänst Norr Inte påbörjad' })).toBeVisible();
  // Each question's answers carry the förvaltning's own, marked, as in seed 002.
  const question = page.getByRole('region', { name: Q1 });
  await expect(question.getByRole('row', { name: /^Socialförvaltningen \(Eget\) Instämmer helt/ })).toBeVisible();

  // The förvaltning's analysis for the report, under the seed's three headings.
  const analysis = page.getByRole('region', { name: 'Analys till rapport' });
  await analysis.getByLabel('Förbättringsområden – analys av utfall').fill('Riskbedömningar före förändringar behöver bli en vana.');
  await analysis.getByLabel('Framgångsfaktorer – analys av utfall').fill('APT hålls enligt plan på alla enheter.');
  await analysis.getByLabel('Föregående års aktiviteter från årlig uppföljning – analys av utfall').fill('Introduktionen är genomförd.');
  await analysis.getByRole('button', { name: 'Spara analysen' }).click();
  if (test.info().project.use.javaScriptEnabled !== false) {
    await expect(analysis.getByText('Analysen är sparad.')).toBeVisible();
  }
  await open(page, `/uppfoljning?nod=${nodeId}&checklista=sam_annual&ar=${year}`);
  await expect(analysis.getByLabel('Framgångsfaktorer – analys av utfall')).toHaveValue('APT hålls enligt plan på alla enheter.');
  await expect(analysis.getByText(/Senast sparad av Fredrik Holmqvist/)).toBeVisible();
  await expectAccessible(page);
});

test('A förvaltning acts on its own, with a chef of a unit below responsible', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'the JavaScript flow');
  const project = test.info().project.name;
  const title = `Gemensam rutin för riskbedömning ${project}`;
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Organisation och personer' }).click();
  await page.getByRole('link', { name: /^Egen planering och uppföljning/ }).click();
  const nodePath = new URL(page.url()).pathname;
  await open(page, `${nodePath}/atgarder`);
  const newAction = page.getByRole('group', { name: 'Ny åtgärd' });
  await newAction.getByText('Ny åtgärd').click();
  await newAction.getByLabel('Koppling till').selectOption({ label: 'Skyddsrond' });
  await newAction.getByLabel('Beskriv kopplingen').fill('Förvaltningens skyddsrond');
  await newAction.getByLabel('Åtgärd', { exact: true }).fill(title);
  // The responsible may be a chef of a unit below, not only the förvaltning's own staff.
  await newAction.getByLabel('Ansvarig').selectOption({ label: 'Anna Lindqvist' });
  await newAction.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(item).toContainText('Anna Lindqvist');

  // The combined plan names the node the action belongs to.
  const nodeId = nodePath.split('/').pop();
  await open(page, `/uppfoljning/atgarder?nod=${nodeId}`);
  const combined = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(combined.getByText('Socialförvaltningen (Eget)')).toBeVisible();
  await expectAccessible(page);
});
