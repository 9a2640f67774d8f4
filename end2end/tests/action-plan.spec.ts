// The action plan beyond the APT: a chef writes down an action from a work environment round
// (a bad date is refused beside the field), sees it among their own actions on the start page
// with how soon it is due, and puts it on a coming APT for feedback; the agenda item links back.
// Each project plans its own spare year for Enheten för ekonomiskt bistånd (a unit no other flow
// plans into, so its coming APTs stay few), so parallel runs never meet.
import { expect, test } from '@playwright/test';
import { expectAccessible, isoDaysFromToday, open, ownYear, signIn } from './helpers';

test.describe.configure({ timeout: 120_000 });



test('an action from a round is due soon, shown to its owner and taken up at an APT', async ({ page }) => {
  const project = test.info().project.name;
  const year = ownYear('action-plan');
  const title = `Åtgärda trasig belysning i trapphuset ${project}`;

  // A coming APT in the spare year.
  await signIn(page, 'johan.wikstrom@exempelstad.se');
  await page.getByRole('link', { name: 'Enheten för ekonomiskt bistånd' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Enheten för ekonomiskt bistånd/ })).toBeVisible();
  const unitPath = new URL(page.url()).pathname;
  await open(page, `${unitPath}?ar=${year}`);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const form = page.getByRole('region', { name: 'Lägg till APT' });
  await form.getByLabel('Datum').fill(`${year}-02-10`);
  await form.getByLabel('Starttid').fill('13:00');
  await form.getByLabel('Sluttid').fill('14:00');
  await form.getByLabel('Plats').fill('Rum Linden');
  await form.getByRole('button', { name: 'Lägg till APT' }).click();
  await expect(page.getByRole('region', { name: 'Planens status' }).getByText('1 av minst 8 APT planerade')).toBeVisible();

  // A new action from a round; an end before the start is refused beside the field.
  await open(page, `${unitPath}/atgarder`);
  const newAction = page.getByRole('group', { name: 'Ny åtgärd' });
  await newAction.getByText('Ny åtgärd').click();
  await newAction.getByLabel('Koppling till').selectOption({ label: 'Skyddsrond' });
  await newAction.getByLabel('Beskriv kopplingen').fill('Skyddsrond fysisk arbetsmiljö');
  await newAction.getByLabel('Åtgärd', { exact: true }).fill(title);
  await newAction.getByLabel('Ansvarig').selectOption({ label: 'Johan Wikström' });
  await newAction.getByLabel('Startdatum').fill(isoDaysFromToday(5));
  await newAction.getByLabel('Slutdatum').fill(isoDaysFromToday(3));
  await newAction.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await expect(newAction.getByText('Slutdatum kan inte ligga före startdatum.')).toBeVisible();
  await expect(newAction.getByLabel('Åtgärd', { exact: true })).toHaveValue(title);
  await newAction.getByLabel('Startdatum').fill(isoDaysFromToday(0));
  await newAction.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(item.getByText('Skyddsrond: Skyddsrond fysisk arbetsmiljö')).toBeVisible();
  await expect(item.locator('.badge').first()).toHaveText('Ej påbörjad');
  await expectAccessible(page);

  // The start page lists it among the chef's own actions with how soon it is due.
  await open(page, '/');
  const mine = page.getByRole('region', { name: 'Mina åtgärder' });
  await expect(mine.getByRole('listitem').filter({ hasText: title }).getByText(/Slutdatum om \d dagar/)).toBeVisible();
  await mine.getByRole('link', { name: title }).click();

  // Feedback at the coming APT: the agenda gets an item that links back.
  await expect(page.getByRole('heading', { level: 1, name: /Handlingsplan/ })).toBeVisible();
  const again = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await again.getByText('Ta upp på APT (återkoppling)').click();
  const select = again.getByLabel('APT', { exact: true });
  const value = await select.locator('option', { hasText: String(year) }).first().getAttribute('value');
  await select.selectOption(value!);
  await again.getByRole('button', { name: 'Lägg på dagordningen' }).click();
  await expect(again.getByRole('link', { name: new RegExp(`^Tas upp på APT .*${year}$`) })).toBeVisible();
  await again.getByRole('link', { name: new RegExp(`^Tas upp på APT .*${year}$`) }).click();
  const feedback = page.getByRole('region', { name: 'Återkoppling av åtgärder' });
  await expect(feedback.getByRole('heading', { name: `Återkoppling: ${title}` })).toBeVisible();
  await feedback.getByRole('link', { name: 'Åtgärden i handlingsplanen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
});
