// Cooperation groups: HR makes a group at an avdelning (its name and rule checked beside the
// fields), plans its meetings against the quarterly rule of a safety committee, and adds members
// on both sides (a new union representative is invited; a missing union, a second chair are
// refused beside their fields). A union representative of the demo's förvaltningsgrupp finds it
// on the start page and reads it without the forms; a unit's chef outside it is refused.
// A member sends in a question before a meeting; the secretary writes the agenda from the
// standing one, adds a sub-item and places the question under an item.
// Each project makes its own group and plans in its own year, and uses its own demo meeting.
import { expect, test } from '@playwright/test';
import { expectAccessible, type Mail, MAIL_SINK, open, ownYear, people, signIn, signOut } from './helpers';

test.describe.configure({ timeout: 180_000 });

const DEMO_GROUP = 'Socialförvaltningens förvaltningsgrupp';

test('HR sets up a cooperation group with both sides and its meeting plan @ssr', async ({ page }) => {
  const project = test.info().project.name;
  const year = ownYear('cooperation');
  const name = `Samverkansgrupp äldreomsorg ${project}`;
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Samverkansgrupper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samverkansgrupper' })).toBeVisible();
  await expect(page.getByRole('link', { name: DEMO_GROUP })).toBeVisible();

  // Bad input stands beside its field; nothing is made.
  const form = page.getByRole('region', { name: 'Ny samverkansgrupp' });
  await form.getByLabel('Var i organisationen').selectOption({ label: '\u2003Avdelningen för äldreomsorg' });
  await form.getByLabel(/Gruppen är också skyddskommitté/).check();
  await form.getByLabel('Minst antal möten per år').fill('3');
  await form.getByRole('button', { name: 'Skapa gruppen' }).click();
  await expect(form.getByText(/^Skriv gruppens namn/)).toBeVisible();
  await form.getByLabel('Gruppens namn').fill(name);
  if (project === 'no-js') {
    // The page was loaded anew: choose again.
    await form.getByLabel('Var i organisationen').selectOption({ label: '\u2003Avdelningen för äldreomsorg' });
    await form.getByLabel(/Gruppen är också skyddskommitté/).check();
    await form.getByLabel('Minst antal möten per år').fill('3');
  }
  await form.getByRole('button', { name: 'Skapa gruppen' }).click();
  await expect(form.getByText('En skyddskommitté möts minst en gång per kvartal, alltså minst 4 gånger per år.')).toBeVisible();
  await expect(form.getByLabel('Minst antal möten per år')).toHaveAttribute('aria-invalid', 'true');
  if (project === 'no-js') {
    await form.getByLabel('Var i organisationen').selectOption({ label: '\u2003Avdelningen för äldreomsorg' });
    await form.getByLabel('Gruppens namn').fill(name);
    await form.getByLabel(/Gruppen är också skyddskommitté/).check();
  }
  await form.getByLabel('Minst antal möten per år').fill('4');
  await form.getByRole('button', { name: 'Skapa gruppen' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expectAccessible(page);

  // The meeting plan for the year, against the quarterly rule.
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await open(page, `${new URL(page.url()).pathname}?ar=${year}`);
  const plan = page.getByRole('region', { name: `Mötesplan ${year}` });
  await expect(plan.getByText(`0 av minst 4 möten planerade ${year}.`)).toBeVisible();
  await expect(plan.getByText('Inget möte planerat under kvartal 1.')).toBeVisible();
  for (const [count, date] of [[1, `${year}-02-09`], [2, `${year}-06-01`]] as const) {
    await plan.getByLabel('Datum').fill(date);
    await plan.getByLabel('Starttid').fill('10:30');
    await plan.getByLabel('Sluttid').fill('12:00');
    await plan.getByLabel('Plats').fill('Stadshuset');
    await plan.getByRole('button', { name: 'Lägg till möte' }).click();
    await expect(plan.getByText(`${count} av minst 4 möten planerade ${year}.`)).toBeVisible();
  }
  await expect(plan.getByText('Inget möte planerat under kvartal 1.')).toHaveCount(0);
  await expect(plan.getByText('Inget möte planerat under kvartal 3.')).toBeVisible();
  await plan.getByRole('button', { name: /^Ställ in mötet .*1 juni/ }).click();
  await expect(plan.getByText(`1 av minst 4 möten planerade ${year}.`)).toBeVisible();
  await expect(plan.getByText('Inställt', { exact: true })).toBeVisible();

  // Members on both sides.
  const members = page.getByRole('region', { name: 'Ledamöter' });
  const save = async (fields: { email: string; name?: string; side: string; fn: string; union?: string; role: string }) => {
    await members.getByLabel('E-post', { exact: true }).fill(fields.email);
    await members.getByLabel('Namn', { exact: true }).fill(fields.name ?? '');
    await members.getByLabel('Sida').selectOption({ label: fields.side });
    await members.getByLabel('Funktion i gruppen').fill(fields.fn);
    await members.getByLabel('Fackförbund').fill(fields.union ?? '');
    await members.getByLabel('Roll i gruppen').selectOption({ label: fields.role });
    await members.getByRole('button', { name: 'Spara ledamot' }).click();
  };
  await save({ email: 'gunilla.dahlberg@exempelstad.se', side: 'Arbetsgivaren', fn: 'Avdelningschef', role: 'Ordförande' });
  // Without JavaScript the page is loaded anew after a success, so the saved member is the sign.
  const js = project !== 'no-js';
  if (js) await expect(members.getByText('Ledamoten är sparad.')).toBeVisible();
  await expect(members.getByRole('listitem').filter({ hasText: 'Gunilla Dahlberg' })).toContainText('Ordförande');

  const union = `kommunal.${project}@exempelstad.se`;
  await save({ email: union, name: `Kim Kommunal ${project}`, side: 'Arbetstagarsidan', fn: 'Kommunal', role: 'Ledamot' });
  await expect(members.getByText(/^Skriv vilket fackförbund ledamoten företräder/)).toBeVisible();
  await expect(members.getByLabel('Fackförbund')).toHaveAttribute('aria-invalid', 'true');
  await save({ email: union, name: `Kim Kommunal ${project}`, side: 'Arbetstagarsidan', fn: 'Kommunal', union: 'Kommunal', role: 'Ledamot' });
  if (js) await expect(members.getByText('Ledamoten är sparad och har fått en inbjudan att välja lösenord.')).toBeVisible();
  await expect(members.getByRole('listitem').filter({ hasText: `Kim Kommunal ${project}` })).toContainText('Kommunal');

  await save({ email: 'sofia.bergstrom@exempelstad.se', side: 'Arbetsgivaren', fn: 'Undersköterska', role: 'Ordförande' });
  await expect(members.getByText('Gunilla Dahlberg är redan ordförande i gruppen. Gör först om den personen till ledamot.')).toBeVisible();
  await expectAccessible(page);

  // The standing agenda is the seed's; an item can go.
  const standing = page.getByRole('region', { name: 'Stående dagordning' });
  await expect(standing.getByRole('listitem')).toHaveCount(12);
  await expect(standing.getByRole('listitem').first()).toContainText('Föregående protokoll');
  await standing.getByRole('button', { name: 'Ta bort punkten Information till och från FVG' }).click();
  await expect(standing.getByRole('listitem')).toHaveCount(11);
});

test('a union representative reads their group, and a chef outside it is refused', async ({ page }) => {
  await signIn(page, 'hanna.aberg@exempelstad.se');
  const mine = page.getByRole('navigation', { name: 'Mina samverkansgrupper' });
  await mine.getByRole('link', { name: DEMO_GROUP }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUP })).toBeVisible();
  const members = page.getByRole('region', { name: 'Ledamöter' });
  await expect(members.getByRole('listitem').filter({ hasText: 'Lars Ekström' })).toContainText('Ordförande');
  await expect(members.getByRole('listitem').filter({ hasText: 'Hanna Åberg' })).toContainText('Vision');
  await expect(page.getByRole('button', { name: 'Spara ledamot' })).toHaveCount(0);
  await expectAccessible(page);
  const groupUrl = new URL(page.url()).pathname;
  const groupId = groupUrl.split('/').pop()!;
  // A member does not keep the group.
  const refused = await page.request.post('/api/samverkan/punkt/ny', { form: { group_id: groupId, title: 'Egen punkt' } });
  expect(refused.status()).toBe(403);
  await signOut(page);

  await signIn(page, people.chef);
  const response = await open(page, groupUrl);
  expect(response?.status()).toBe(403);
});

test('a union representative follows the group\'s meetings in their own calendar', async ({ page }) => {
  // Each project its own representative, since making an address stops the person's last one.
  const member = test.info().project.name === 'phone' ? 'leila.karimi@exempelstad.se' : 'hanna.aberg@exempelstad.se';
  await signIn(page, member);
  await page.getByRole('navigation', { name: 'Mina samverkansgrupper' }).getByRole('link', { name: DEMO_GROUP }).click();
  const plan = page.getByRole('region', { name: /^Mötesplan \d{4}$/ });
  await plan.getByRole('button', { name: /Skapa prenumerationsadress|Förnya adressen/ }).click();
  const address = plan.getByLabel('Prenumerera på gruppens möten i Outlook eller annan kalender');
  await expect(address).toHaveValue(/\/samverkan\/kalender\/[0-9a-f]{64}\.ics$/);
  await expectAccessible(page);
  const feed = await page.request.get(new URL(await address.inputValue()).pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const text = await feed.text();
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain(`SUMMARY:${DEMO_GROUP}`);
});

test('a member sends in a question and the secretary writes the agenda with it', async ({ page }) => {
  const project = test.info().project.name;
  const question = `Sociala medier ${project}`;
  // Each project its own meeting of the demo group's year.
  const index = ['desktop', 'phone', 'no-js'].indexOf(project);
  await signIn(page, 'hanna.aberg@exempelstad.se');
  await page.getByRole('navigation', { name: 'Mina samverkansgrupper' }).getByRole('link', { name: DEMO_GROUP }).click();
  const plan = page.getByRole('region', { name: /^Mötesplan/ });
  await plan.getByRole('link', { name: /10\.30–12\.00/ }).nth(index).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${DEMO_GROUP} `) })).toBeVisible();
  const meetingUrl = new URL(page.url()).pathname;

  const sent = page.getByRole('region', { name: 'Anmälda frågor och synpunkter' });
  await sent.getByRole('button', { name: 'Skicka in' }).click();
  await expect(sent.getByText(/^Skriv vad frågan eller synpunkten gäller/)).toBeVisible();
  await sent.getByLabel('Fråga eller synpunkt').selectOption({ label: 'Fråga' });
  await sent.getByLabel('Vad gäller det?').fill(question);
  await sent.getByLabel('Text').fill('Vem beslutar om förvaltningens konton i sociala medier?');
  await sent.getByRole('button', { name: 'Skicka in' }).click();
  await expect(sent.getByText(`Fråga från Vision: ${question}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv dagordningen från den stående dagordningen' })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);

  // The secretary writes the agenda and places the question.
  await signIn(page, 'maja.lindgren@exempelstad.se');
  await open(page, meetingUrl);
  const agenda = page.getByRole('region', { name: 'Dagordning' });
  const compose = agenda.getByRole('button', { name: 'Skriv dagordningen från den stående dagordningen' });
  if (await compose.count()) await compose.click();
  await expect(agenda.getByRole('heading', { level: 3, name: '1. Föregående protokoll' })).toBeVisible();
  await expect(agenda.getByRole('heading', { level: 3, name: '12. Nästa förvaltningsgrupp' })).toBeVisible();
  await expect(agenda.getByText('a) Avdelningen för individ- och familjeomsorg')).toBeVisible();
  await expect(agenda.getByText('b) Avdelningen för äldreomsorg')).toBeVisible();

  await agenda.getByLabel('Under punkt').selectOption({ label: '4. Arbetsmiljö och hälsa' });
  await agenda.getByLabel('Slag').selectOption({ label: 'Information' });
  await agenda.getByLabel('Punktens rubrik').fill(`Uppföljning av företagshälsovård ${project}`);
  await agenda.getByRole('button', { name: 'Lägg till underpunkt' }).click();
  await expect(agenda.getByText(new RegExp(`^[a-z]\\) Information: Uppföljning av företagshälsovård ${project}$`))).toBeVisible();

  const questions = page.getByRole('region', { name: 'Anmälda frågor och synpunkter' });
  const row = questions.getByRole('listitem').filter({ hasText: question });
  await row.getByLabel('Under punkt').selectOption({ label: '11. Övriga förvaltningsövergripande frågor' });
  await row.getByRole('button', { name: `Ta upp på dagordningen: ${question}` }).click();
  await expect(agenda.getByText(new RegExp(`^[a-z]\\) Anmäld fråga från Vision: ${question}$`))).toBeVisible();
  await expect(row.getByText('(på dagordningen)')).toBeVisible();

  // The notice with the agenda goes to every member (after the deadline only when confirmed).
  const notice = page.getByRole('region', { name: 'Kallelse', exact: true });
  await expect(notice.getByText('Kallelsen går till gruppens 6 ledamöter med e-postadress.')).toBeVisible();
  const late = notice.getByLabel('Skicka ändå, trots att sista dag har passerat');
  if (await late.count()) await late.check();
  await notice.getByRole('button', { name: /^Skicka kallelse/ }).click();
  await expect(notice.getByText('Kallelsen är skickad till 6 ledamöter.')).toBeVisible();
  await expect(notice.getByText(/^Skickad .*, (i tid|för sent)\.$/)).toBeVisible();
  await expect
    .poll(async () =>
      ((await (await page.request.get(MAIL_SINK)).json()) as Mail[]).some(
        (m) => m.to.includes('hanna.aberg@exempelstad.se') && m.subject.startsWith(`Kallelse: ${DEMO_GROUP} `) && m.text.includes(`Anmäld fråga från Vision: ${question}`),
      ),
    )
    .toBe(true);
  await expectAccessible(page);
  await signOut(page);

  // A unit's chef outside the group is refused.
  await signIn(page, people.chef);
  expect((await open(page, meetingUrl))?.status()).toBe(403);
});

test('the administration’s own plan lists its group’s meetings, and a member downloads the group’s calendar @ssr', async ({ page }) => {
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Organisation och personer' }).click();
  await page.getByRole('link', { name: /^Egen planering och uppföljning/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Socialförvaltningen/ })).toBeVisible();
  await open(page, `${new URL(page.url()).pathname}?ar=2026`);
  const meetings = page.getByRole('region', { name: 'Samverkansmöten 2026' });
  await expect(meetings.getByText(/21 september.*: Socialförvaltningens förvaltningsgrupp$/)).toBeVisible();
  await expectAccessible(page);

  await open(page, '/samverkan');
  await page.getByRole('link', { name: DEMO_GROUP }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUP })).toBeVisible();
  await open(page, `${new URL(page.url()).pathname}?ar=2026`);
  const link = page.getByRole('link', { name: 'Ladda ned gruppens möten som kalenderfil (.ics, 2026)' });
  const calendar = await page.request.get((await link.getAttribute('href'))!);
  expect(calendar.status()).toBe(200);
  const text = await calendar.text();
  expect(text).toContain('SUMMARY:Socialförvaltningens förvaltningsgrupp');
  expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20260921T103000');
});
