// Steps the cooperation flows share: planning a meeting of the demo's förvaltningsgrupp and
// opening its protocol with the agenda written from the standing agenda.
import { expect, type Page } from '@playwright/test';
import { open } from './helpers';

/** The demo's cooperation group (seeds/demo_org.json). */
export const DEMO_GROUP = 'Socialförvaltningens förvaltningsgrupp';

/** Adds a meeting on `date` to the group's plan of its year. */
export async function addMeeting(page: Page, groupUrl: string, date: string) {
  const year = date.slice(0, 4);
  await open(page, `${groupUrl}?ar=${year}`);
  const plan = page.getByRole('region', { name: `Mötesplan ${year}` });
  const before = await plan.getByRole('link', { name: /10\.30–12\.00/ }).count();
  await plan.getByLabel('Datum').fill(date);
  await plan.getByLabel('Starttid').fill('10:30');
  await plan.getByLabel('Sluttid').fill('12:00');
  await plan.getByLabel('Plats').fill('Stadshuset, sal Älven');
  await plan.getByRole('button', { name: 'Lägg till möte' }).click();
  await expect(plan.getByRole('link', { name: /10\.30–12\.00/ })).toHaveCount(before + 1);
}

/**
 * Opens a meeting of the group's plan for `year` (the `which`th, or the one whose link matches
 * `which`), writes its agenda and opens its protocol.
 */
export async function meetingProtocol(page: Page, groupUrl: string, year: number, which: number | RegExp) {
  await open(page, `${groupUrl}?ar=${year}`);
  const plan = page.getByRole('region', { name: `Mötesplan ${year}` });
  const link = typeof which === 'number'
    ? plan.getByRole('link', { name: /10\.30–12\.00/ }).nth(which)
    : plan.getByRole('link', { name: which }).last();
  await link.click();
  const agenda = page.getByRole('region', { name: 'Dagordning' });
  await agenda.getByRole('button', { name: 'Skriv dagordningen från den stående dagordningen' }).click();
  await expect(agenda.getByRole('heading', { level: 3, name: '12. Nästa förvaltningsgrupp' })).toBeVisible();
  await agenda.getByLabel('Under punkt').selectOption({ label: '4. Arbetsmiljö och hälsa' });
  await agenda.getByLabel('Slag').selectOption({ label: 'Information' });
  await agenda.getByLabel('Punktens rubrik').fill('Uppföljning av företagshälsovård');
  await agenda.getByRole('button', { name: 'Lägg till underpunkt' }).click();
  await expect(agenda.getByText('a) Information: Uppföljning av företagshälsovård')).toBeVisible();
  await page.getByRole('link', { name: 'Protokoll', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Protokoll ${DEMO_GROUP} `) })).toBeVisible();
  return new URL(page.url()).pathname;
}
