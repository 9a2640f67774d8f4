// A new person's way in: HR gives a new chef a role, which mails an invitation; the chef opens
// the one-time link, is refused a password that is too short, typed differently twice or too
// easy to guess, chooses one, signs in and starts the unit's plan. The link works once. Then
// "Glömt lösenordet?" mails a reset link that works the same way and ends the old password.
// Each project invites its own chef into its own new unit.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, type Mail, MAIL_SINK, open, signIn, signInThroughForm, signOut } from './helpers';

const ADMIN = 'elif.demir@exempelstad.se'; // HR at the root, Exempelstad

async function linkIn(page: Page, to: string, subject: string) {
  const mails = async () =>
    ((await (await page.request.get(MAIL_SINK)).json()) as Mail[]).filter((m) => m.to.includes(to) && m.subject === subject);
  await expect.poll(async () => (await mails()).length).toBeGreaterThan(0);
  const all = await mails();
  const text = all[all.length - 1].text;
  const url = text.match(/https?:\/\/\S+\/valj-losenord\/[0-9a-f]+/)?.[0];
  expect(url, text).toBeTruthy();
  return new URL(url!).pathname;
}

test('An invited chef chooses a password through the mailed link and plans the year', async ({ page }) => {
  const p = test.info().project.name;
  const unit = `Fritidsgården ${p}`;
  const email = `inbjuden.${p}@exempelstad.se`;
  const name = `Vera Inbjuden ${p}`;
  await signIn(page, ADMIN);
  await open(page, '/organisation');
  const parts = page.getByRole('region', { name: 'Delar under den här nivån' });
  await parts.getByLabel('Namn', { exact: true }).fill(unit);
  await parts.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await page.getByRole('link', { name: unit }).click();
  await expect(page.getByRole('heading', { level: 1, name: unit })).toBeVisible();

  const staff = page.getByRole('region', { name: 'Personer och roller här' });
  const giving = page.getByRole('region', { name: 'Ge en person en roll' });
  await giving.getByLabel('E-post').fill(email);
  await giving.getByLabel('Namn', { exact: true }).fill(name);
  await giving.getByLabel('Titel').fill('Fritidsledare');
  await giving.getByLabel('Roll', { exact: true }).selectOption({ label: 'Chef' });
  await giving.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(staff.getByText('En inbjudan att välja lösenord är skickad', { exact: false })).toBeVisible();
  const first = await linkIn(page, email, 'Välkommen till Årshjul');
  // A new invitation replaces the first: only the newest link works.
  await staff.getByRole('button', { name: `Skicka ny inbjudan till ${name}` }).click();
  await expect(staff.getByText('En ny inbjudan är skickad.', { exact: false })).toBeVisible();
  await expect.poll(async () => linkIn(page, email, 'Välkommen till Årshjul')).not.toBe(first);
  const link = await linkIn(page, email, 'Välkommen till Årshjul');
  await signOut(page);

  await open(page, first);
  await expect(page.getByText('Länken är redan använd.', { exact: false })).toBeVisible();

  await open(page, link);
  await expect(page.getByRole('heading', { level: 1, name: 'Välj lösenord' })).toBeVisible();
  await expect(page.getByText(`Välkommen, ${name}!`, { exact: false })).toBeVisible();
  await expectAccessible(page);
  const save = page.getByRole('button', { name: 'Spara lösenordet' });
  await page.getByLabel('Nytt lösenord').fill('kort');
  await page.getByLabel('Upprepa lösenordet').fill('kort');
  await save.click();
  await expect(page.getByText('Lösenordet ska ha minst 10 tecken.', { exact: false })).toBeVisible();
  await page.getByLabel('Nytt lösenord').fill('password123');
  await page.getByLabel('Upprepa lösenordet').fill('password123');
  await save.click();
  await expect(page.getByText('Lösenordet är för lätt att gissa', { exact: false })).toBeVisible();
  const password = `gröna tåg susar i natten ${p}`;
  await page.getByLabel('Nytt lösenord').fill(password);
  await page.getByLabel('Upprepa lösenordet').fill(`${password}!`);
  await save.click();
  await expect(page.getByText('Lösenorden är inte likadana.', { exact: false })).toBeVisible();
  await page.getByLabel('Upprepa lösenordet').fill(password);
  await save.click();
  await expect(page.getByText('Lösenordet är sparat. Nu kan du logga in.')).toBeVisible();

  // The link works once.
  await open(page, link);
  await expect(page.getByText('Länken är redan använd.', { exact: false })).toBeVisible();

  // The new chef signs in and starts the unit's year from the wheel.
  await signInThroughForm(page, email, password);
  await page.getByRole('link', { name: unit }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(unit) })).toBeVisible();
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  await expect(page.getByRole('region', { name: 'Planens status' })).toBeVisible();
});

test('Glömt lösenordet? mails a reset link that sets a new password', async ({ page }) => {
  const p = test.info().project.name;
  const email = `glomsk.${p}@exempelstad.se`;
  const name = `Gustav Glömsk ${p}`;
  // A person of their own, with a password chosen through an invitation.
  await signIn(page, ADMIN);
  await open(page, '/organisation');
  const staff = page.getByRole('region', { name: 'Personer och roller här' });
  const giving = page.getByRole('region', { name: 'Ge en person en roll' });
  await giving.getByLabel('E-post').fill(email);
  await giving.getByLabel('Namn', { exact: true }).fill(name);
  await giving.getByLabel('Roll', { exact: true }).selectOption({ label: 'Facklig företrädare' });
  await giving.getByLabel('Fackförbund').fill('Kommunal');
  await giving.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(staff.getByText('En inbjudan att välja lösenord är skickad', { exact: false })).toBeVisible();
  const invite = await linkIn(page, email, 'Välkommen till Årshjul');
  await signOut(page);
  await open(page, invite);
  const first = `första lösenordet är långt ${p}`;
  await page.getByLabel('Nytt lösenord').fill(first);
  await page.getByLabel('Upprepa lösenordet').fill(first);
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(page.getByText('Lösenordet är sparat. Nu kan du logga in.')).toBeVisible();

  await open(page, '/logga-in');
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('E-postadress').fill('inte en adress');
  await page.getByRole('button', { name: 'Skicka länken' }).click();
  await expect(page.getByText('Skriv en e-postadress, till exempel namn@kommun.se.')).toBeVisible();
  await page.getByLabel('E-postadress').fill(email);
  await page.getByRole('button', { name: 'Skicka länken' }).click();
  await expect(page.getByText('Om adressen hör till ett konto här är en länk på väg dit.', { exact: false })).toBeVisible();
  const reset = await linkIn(page, email, 'Nytt lösenord till Årshjul');
  await open(page, reset);
  await expect(page.getByText(`Hej ${name}! Välj ett nytt lösenord.`, { exact: false })).toBeVisible();
  const second = `andra lösenordet är längre ${p}`;
  await page.getByLabel('Nytt lösenord').fill(second);
  await page.getByLabel('Upprepa lösenordet').fill(second);
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(page.getByText('Lösenordet är sparat. Nu kan du logga in.')).toBeVisible();

  // The old password no longer opens the account; the new one does.
  await open(page, '/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(first);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Fel e-postadress eller lösenord', { exact: false })).toBeVisible();
  await signInThroughForm(page, email, second);
});
