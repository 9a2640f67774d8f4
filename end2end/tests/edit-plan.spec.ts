// A chef builds a year: creates the plan from the wheel, adds APTs until the minimum is met,
// gets a clear message for bad input, changes and cancels a meeting, places a topic, and finds it
// all after a reload. Each project works on its own year, so parallel runs never meet.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, open, ownYear, people, signIn } from './helpers';

test.describe.configure({ timeout: 120_000 });


async function openYear(page: Page, year: number) {
  await signIn(page, people.otherChef);
  await page.getByRole('link', { name: 'Barn- och ungdomsenheten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Barn- och ungdomsenheten/ })).toBeVisible();
  await open(page, `${new URL(page.url()).pathname}?ar=${year}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Årsplan ${year}`) })).toBeVisible();
}

async function addMeeting(page: Page, date: string, start = '13:00', end = '14:00', place = 'Rum Björken') {
  const form = page.getByRole('region', { name: 'Lägg till APT' });
  await form.getByLabel('Datum').fill(date);
  await form.getByLabel('Starttid').fill(start);
  await form.getByLabel('Sluttid').fill(end);
  await form.getByLabel('Plats').fill(place);
  await form.getByRole('button', { name: 'Lägg till APT' }).click();
}

test('a chef creates a year from the wheel and adds APTs until the minimum is met @ssr', async ({ page }) => {
  const year = ownYear('edit-plan');
  await openYear(page, year);

  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const status = page.getByRole('region', { name: 'Planens status' });
  await expect(status.getByText('0 av minst 8 APT planerade')).toBeVisible();
  await expect(status.getByText('8 APT saknas för att nå minst 8 per år.')).toBeVisible();
  await expect(status.getByText('28 av 28 ämnen är inte placerade i något möte.')).toBeVisible();
  await expectAccessible(page);

  for (let month = 1; month <= 8; month++) {
    await addMeeting(page, `${year}-${String(month).padStart(2, '0')}-12`);
    await expect(status.getByText(`${month} av minst 8 APT planerade`)).toBeVisible();
  }
  await expect(status.getByText(/APT saknas/)).toHaveCount(0);

  // Place every topic in its month's meeting; October to December have none yet.
  await page.getByRole('button', { name: 'Placera ämnen i föreslagna möten' }).click();
  await expect(status.getByText('8 av 28 ämnen är inte placerade i något möte.')).toBeVisible();
  for (const month of [10, 11, 12]) {
    await addMeeting(page, `${year}-${month}-12`);
    await expect(status.getByText(`${month - 1} av minst 8 APT planerade`)).toBeVisible();
  }
  await page.getByRole('button', { name: 'Placera ämnen i föreslagna möten' }).click();
  await expect(status.getByText('Alla 28 ämnen i årshjulet är placerade i ett möte.')).toBeVisible();

  await page.reload();
  await hydrated(page);
  await expect(status.getByText('11 av minst 8 APT planerade')).toBeVisible();
  await expect(status.getByText('Alla 28 ämnen i årshjulet är placerade i ett möte.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Månad för månad' }).getByText(/Kallelse senast/)).toHaveCount(11);
});

test('bad meeting input gets a message beside the field and nothing is saved @ssr', async ({ page }) => {
  const year = ownYear('edit-plan', 1);
  await openYear(page, year);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const status = page.getByRole('region', { name: 'Planens status' });
  await expect(status.getByText('0 av minst 8 APT planerade')).toBeVisible();

  await addMeeting(page, `${year}-03-10`, '14:00', '13:00');
  await expect(page.getByText('Sluttiden måste vara efter starttiden.')).toBeVisible();
  await addMeeting(page, `${year - 1}-03-10`);
  await expect(page.getByText(`Datumet måste ligga i planens år, ${year}.`)).toBeVisible();
  await expect(status.getByText('0 av minst 8 APT planerade')).toBeVisible();
});

test('a chef changes, cancels and restores an APT and places a topic', async ({ page }) => {
  const year = ownYear('edit-plan', 2);
  await openYear(page, year);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  await addMeeting(page, `${year}-01-12`);
  const status = page.getByRole('region', { name: 'Planens status' });
  await expect(status.getByText('1 av minst 8 APT planerade')).toBeVisible();

  // Change the place.
  await page.getByRole('link', { name: /^Ändra APT/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Ändra APT/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('region', { name: /^Ändra APT/ }).getByLabel('Plats').fill('Konferensrum Linden');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByText('Konferensrum Linden')).toBeVisible();

  // Cancel: it stays visible, marked, and stops counting; then restore it.
  await page.getByRole('link', { name: /^Ändra APT/ }).first().click();
  await page.getByRole('button', { name: 'Ställ in APT' }).click();
  await expect(status.getByText('0 av minst 8 APT planerade')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Månad för månad' }).getByText('Inställt', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: /^Ändra APT/ }).first().click();
  await page.getByRole('button', { name: 'Återställ APT' }).click();
  await expect(status.getByText('1 av minst 8 APT planerade')).toBeVisible();

  // Place a January topic in the January meeting (suggested first).
  await page.getByRole('region', { name: 'Månad för månad' })
    .getByRole('link', { name: 'Info om AFA försäkringar' }).click();
  const placement = page.getByRole('region', { name: 'Planera ämnet' });
  const suggested = await placement.getByRole('option', { name: /föreslås/ }).first().getAttribute('value');
  await placement.getByLabel('Möte').selectOption(suggested!);
  await placement.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('definition').filter({ hasText: `12 januari ${year}` })).toBeVisible();
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('definition').filter({ hasText: `12 januari ${year}` })).toBeVisible();
});

test('the second of two people editing the same meeting is told what changed', async ({ browser }) => {
  const year = ownYear('edit-plan', 3);
  const first = await browser.newPage();
  await openYear(first, year);
  await first.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  await addMeeting(first, `${year}-02-09`);
  await first.getByRole('link', { name: /^Ändra APT/ }).first().click();
  await expect(first.getByRole('heading', { level: 1, name: /Ändra APT/ })).toBeVisible();

  const context = await browser.newContext();
  const second = await context.newPage();
  await openYear(second, year);
  await second.getByRole('link', { name: /^Ändra APT/ }).first().click();
  await expect(second.getByRole('heading', { level: 1, name: /Ändra APT/ })).toBeVisible();

  await first.getByRole('region', { name: /^Ändra APT/ }).getByLabel('Plats').fill('Rum Ek');
  await first.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(first.getByText('Rum Ek')).toBeVisible();

  await second.getByRole('region', { name: /^Ändra APT/ }).getByLabel('Plats').fill('Rum Asp');
  await second.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(second.getByRole('alert')).toContainText('Planen har ändrats av Ingrid Åström');
  await expect(second.getByRole('region', { name: /^Ändra APT/ }).getByLabel('Plats')).toHaveValue('Rum Asp');
  await context.close();
});

test('an employee cannot change the plan, even with a forged request', async ({ page }) => {
  await signIn(page, people.medarbetare);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await expect(page.getByRole('region', { name: 'Lägg till APT' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Ändra APT/ })).toHaveCount(0);
  const unitId = new URL(page.url()).pathname.split('/').pop();
  const response = await page.request.post('/api/plan/mote/ny', {
    form: {
      unit_id: unitId!, year: '2026', plan_version: '1', 'meeting[date]': '2026-05-05',
      'meeting[start]': '13:00', 'meeting[end]': '14:00', 'meeting[location]': 'Förfalskat',
      'meeting[online_link]': '',
    },
  });
  expect(response.status()).toBe(403);
  await page.reload();
  await expect(page.getByText('Förfalskat')).toHaveCount(0);
});

test('a chef adds a topic of the unit\'s own and reads it like any wheel topic @ssr', async ({ page }) => {
  const year = ownYear('edit-plan', 4);
  await openYear(page, year);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const form = page.getByRole('region', { name: 'Lägg till eget ämne' });
  await form.getByRole('button', { name: 'Lägg till ämne' }).click();
  await expect(form.getByText('Skriv en rubrik för ämnet.')).toBeVisible();

  await form.getByLabel('Rubrik').fill('Brandövning på enheten');
  await form.getByLabel('Månad').selectOption({ label: 'Mars' });
  await form.getByLabel('Vägledning (valfritt)').fill('Gå igenom utrymningsvägar och återsamlingsplats.');
  await form.getByRole('button', { name: 'Lägg till ämne' }).click();
  const status = page.getByRole('region', { name: 'Planens status' });
  await expect(status.getByText('29 av 29 ämnen är inte placerade i något möte.')).toBeVisible();

  await page.getByRole('region', { name: 'Månad för månad' })
    .getByRole('link', { name: 'Brandövning på enheten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brandövning på enheten' })).toBeVisible();
  await expect(page.getByText('Gå igenom utrymningsvägar och återsamlingsplats.')).toBeVisible();
});

test('an APT held in two sessions: a duplicate is refused and the calendar has one event per session @ssr', async ({ page }) => {
  const year = ownYear('edit-plan', 5);
  await openYear(page, year);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  await addMeeting(page, `${year}-01-12`, '13:00', '14:00', 'Rum Björken');
  await page.getByRole('link', { name: /^Ändra APT/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Ändra APT/ })).toBeVisible();
  const sessions = page.getByRole('region', { name: 'Tillfällen' });
  const form = sessions.getByRole('form', { name: 'Lägg till ett tillfälle' });

  // The same time again is a duplicate: a message beside the start time, nothing saved.
  await form.getByLabel('Datum').fill(`${year}-01-12`);
  await form.getByLabel('Starttid').fill('13:00');
  await form.getByLabel('Sluttid').fill('14:00');
  await form.getByLabel('Plats').fill('Rum Björken');
  await form.getByRole('button', { name: 'Lägg till tillfälle' }).click();
  await expect(sessions.getByText(`APT:n har redan ett tillfälle ${year}-01-12 kl. 13:00–14:00.`, { exact: false })).toBeVisible();
  await expect(sessions.getByText('Tillfälle 2:')).toHaveCount(0);

  // An early-morning session the next day for those who work evenings.
  await form.getByLabel('Datum').fill(`${year}-01-13`);
  await form.getByLabel('Starttid').fill('07:00');
  await form.getByLabel('Sluttid').fill('08:00');
  await form.getByLabel('Plats').fill('Personalrummet');
  await form.getByRole('button', { name: 'Lägg till tillfälle' }).click();
  await expect(sessions.getByText('Tillfälle 2:')).toBeVisible();
  await expect(sessions.getByText(/Personalrummet/)).toBeVisible();
  await expectAccessible(page);

  // The plan lists it with the meeting; the calendar has an event for each session.
  await page.getByRole('link', { name: /Tillbaka till/ }).click();
  const list = page.getByRole('region', { name: 'Månad för månad' });
  await expect(list.getByText(/Personalrummet/)).toBeVisible();
  const edit = await page.getByRole('link', { name: /^Ändra APT/ }).first().getAttribute('href');
  const meetingId = edit!.split('/').pop();
  const href = await page.getByRole('link', { name: /Ladda ned årets APT som kalenderfil/ }).getAttribute('href');
  const ics = await (await page.request.get(href!)).text();
  expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(2);
  expect(ics).toContain(`UID:apt-${meetingId}@arshjul`);
  expect(ics).toMatch(new RegExp(`UID:apt-${meetingId}-tillfalle-\\d+@arshjul`));
  expect(ics).toContain(`DTSTART;TZID=Europe/Stockholm:${year}0113T070000`);

  // Removing the session takes it out again.
  await page.getByRole('link', { name: /^Ändra APT/ }).first().click();
  await sessions.getByRole('button', { name: 'Ta bort tillfälle 2' }).click();
  await expect(sessions.getByText('Tillfälle 2:')).toHaveCount(0);
});
