// Running a meeting's agenda: a chef composes it from the plan, adds, edits and moves items with
// clear messages for bad input, an employee proposes an item that the chef accepts onto the agenda
// (and another that is declined with a reason the employee reads), and an item the meeting did
// not reach is carried to the next APT in one step. Each project works on its own year.
import { expect, test } from '@playwright/test';
import { expectAccessible, type Mail, MAIL_SINK, open, ownPastYear, ownYear, people, planWithTwoMeetings, signIn, signOut } from './helpers';

test.describe.configure({ timeout: 180_000 });


test('a chef composes an agenda, an employee proposes, the chef decides and carries over', async ({ page }) => {
  const project = test.info().project.name;
  const year = ownYear('agenda');
  const planUrl = await planWithTwoMeetings(page, year);

  // Compose the March agenda from the plan.
  await page.getByRole('link', { name: new RegExp(`^Dagordning .*10 mars ${year}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Dagordning .*10 mars ${year}`) })).toBeVisible();
  await page.getByRole('button', { name: 'Skapa dagordning från planen' }).click();
  const recurring = page.getByRole('region', { name: 'Löpande punkter' });
  await expect(recurring.getByRole('heading', { level: 3, name: 'Stäm av arbetssituation/arbetsbelastning' })).toBeVisible();
  await expect(recurring.getByRole('listitem')).toHaveCount(5);
  const topics = page.getByRole('region', { name: 'Årshjulets ämnen' });
  await expect(topics.getByRole('listitem').first()).toBeVisible();
  // Each topic brings the chef its guidance, folded away.
  await topics.getByText('Vägledning för dig som chef').first().click();
  await expect(topics.getByText(/Kontakt:/).first()).toBeVisible();
  await expect(page.getByText(/Planerad tid: \d+ av 60 minuter/)).toBeVisible();
  await expectAccessible(page);

  // Bad input is named beside its field; nothing is added.
  const add = page.getByRole('region', { name: 'Ny punkt', exact: true });
  await add.getByLabel('Minuter').fill('500');
  await add.getByRole('button', { name: 'Lägg till punkt' }).click();
  await expect(add.getByText('Skriv en rubrik.')).toBeVisible();
  await add.getByLabel('Rubrik').fill('Julbord');
  await add.getByRole('button', { name: 'Lägg till punkt' }).click();
  await expect(add.getByText('Ange antal minuter som ett heltal mellan 0 och 480.')).toBeVisible();
  await add.getByLabel('Minuter').fill('40');
  await add.getByLabel('Föredragande').fill('Anna');
  await add.getByRole('button', { name: 'Lägg till punkt' }).click();
  const other = page.getByRole('region', { name: 'Förslag och övriga frågor' });
  await expect(other.getByRole('heading', { level: 3, name: 'Julbord' })).toBeVisible();
  await expect(page.getByText(/Dagordningen är \d+ minuter längre än mötet \(60 minuter\)/)).toBeVisible();

  // Edit it: shorter, and into the topics' section.
  await other.getByRole('link', { name: 'Ändra Julbord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ändra punkt: Julbord' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Minuter').fill('5');
  await page.getByLabel('Avsnitt').selectOption({ label: 'Årshjulets ämnen' });
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Dagordning/ })).toBeVisible();
  await expect(topics.getByRole('heading', { level: 3, name: 'Julbord' })).toBeVisible();
  await expect(topics.getByText(/Anna/)).toBeVisible();
  // Moved up one place, it is no longer last.
  await topics.getByRole('button', { name: 'Flytta Julbord uppåt' }).click();
  await expect(topics.getByRole('heading', { level: 3 }).last()).not.toHaveText('Julbord');
  const agendaUrl = page.url().split('#')[0];

  // An employee proposes two items for the March APT.
  await signOut(page);
  await signIn(page, people.medarbetare);
  await open(page, planUrl);
  await page.getByRole('link', { name: 'Förslag till APT' }).click();
  const propose = page.getByRole('region', { name: 'Föreslå en punkt' });
  await propose.getByRole('button', { name: 'Skicka förslaget' }).click();
  await expect(propose.getByText('Skriv en rubrik.')).toBeVisible();
  for (const title of [`Parkeringen ${project}`, `Fredagsfika ${project}`]) {
    await propose.getByLabel('Rubrik').fill(title);
    await propose.getByLabel('Vad handlar det om?').fill('Det är ont om platser på morgonen.');
    const meeting = propose.getByLabel('Till vilket APT?');
    await meeting.selectOption(await meeting.locator('option', { hasText: `10 mars ${year}` }).getAttribute('value'));
    await propose.getByRole('button', { name: 'Skicka förslaget' }).click();
    await expect(page.getByRole('region', { name: 'Mina förslag' }).getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Mina förslag' }).getByText('Väntar på beslut').first()).toBeVisible();
  await expectAccessible(page);

  // The chef accepts the first onto March's agenda and declines the second with a reason.
  await signOut(page);
  await signIn(page, people.chef);
  await open(page, `${new URL(planUrl, page.url()).pathname}/forslag`.replace(/\?.*$/, ''));
  const waiting = page.getByRole('region', { name: 'Förslag som väntar' });
  const parking = waiting.getByRole('listitem').filter({ hasText: `Parkeringen ${project}` });
  await expect(parking.getByLabel('Lägg på APT')).toHaveValue(/\d+/);
  await parking.getByRole('button', { name: 'Godta' }).click();
  await expect(waiting.getByRole('heading', { name: `Parkeringen ${project}` })).toHaveCount(0);
  const fika = waiting.getByRole('listitem').filter({ hasText: `Fredagsfika ${project}` });
  await fika.getByRole('button', { name: 'Avslå' }).click();
  await expect(fika.getByText('Skriv varför förslaget inte tas upp. Förslagsställaren ser motiveringen.')).toBeVisible();
  await fika.getByLabel('Motivering till förslagsställaren').fill('Vi tar det på nästa arbetslagsmöte.');
  await fika.getByRole('button', { name: 'Avslå' }).click();
  await expect(waiting.getByRole('heading', { name: `Fredagsfika ${project}` })).toHaveCount(0);
  await expectAccessible(page);

  await open(page, agendaUrl);
  await expect(page.getByRole('region', { name: 'Förslag och övriga frågor' })
    .getByRole('heading', { level: 3, name: `Parkeringen ${project}` })).toBeVisible();

  // The notice goes to every member: one mail each, with the agenda and a calendar invitation.
  const notice = page.getByRole('region', { name: 'Kallelse', exact: true });
  await expect(notice.getByText(/Inte skickad\. Sista dag:/)).toBeVisible();
  const members = Number((await notice.getByText(/Kallelsen går till enhetens \d+ medlemmar/).textContent())!
    .match(/(\d+) medlemmar/)![1]);
  expect(members).toBeGreaterThan(1);
  await notice.getByRole('button', { name: 'Skicka kallelse' }).click();
  await expect(notice.getByText(`Kallelsen är skickad till ${members} mottagare.`)).toBeVisible();
  await expect(notice.getByText(`E-post levererad: ${members} av ${members}.`)).toBeVisible();
  await expect(notice.getByText(/Skickad .*, i tid\./)).toBeVisible();
  await expectAccessible(page);
  const subject = (update: boolean) =>
    new RegExp(`^${update ? 'Uppdaterad kallelse' : 'Kallelse'}: APT Hemtjänst Norr \\S+ 10 mars ${year}$`);
  const received = async (update: boolean) =>
    ((await (await page.request.get(MAIL_SINK)).json()) as Mail[]).filter((m) => subject(update).test(m.subject));
  await expect.poll(async () => (await received(false)).length).toBe(members);
  const mail = (await received(false))[0];
  expect(mail.text).toContain('DAGORDNING');
  expect(mail.text).toContain(`Parkeringen ${project}`);
  expect(mail.text).toContain('Stäm av arbetssituation/arbetsbelastning');
  const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(ics?.content).toContain('BEGIN:VEVENT');
  expect(ics?.content).toMatch(/UID:apt-\d+@arshjul/);
  expect(new Set((await received(false)).flatMap((m) => m.to)).size).toBe(members);

  // A changed agenda can go out again as an update.
  await page.getByRole('link', { name: `Ändra Parkeringen ${project}` }).click();
  await page.getByLabel('Minuter').fill('20');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(notice.getByText('Dagordningen har ändrats sedan kallelsen skickades.')).toBeVisible();
  await notice.getByRole('button', { name: 'Skicka uppdatering' }).click();
  await expect(notice.getByText(/^Uppdatering .* till \d+ mottagare/)).toBeVisible();
  await expect.poll(async () => (await received(true)).length).toBe(members);

  // Julbord was not reached: it goes to April's agenda in one step.
  await page.getByRole('link', { name: 'Ändra Julbord' }).click();
  await page.getByRole('button', { name: 'Markera som ej hunnen' }).click();
  await expect(page.getByRole('button', { name: 'Markera som hunnen' })).toBeVisible();
  await open(page, agendaUrl);
  await expect(page.getByText('Hanns inte med')).toBeVisible();
  const carry = page.getByRole('region', { name: 'Punkter som inte hanns med' });
  await carry.getByRole('button', { name: 'Flytta till nästa APT' }).click();
  await expect(carry.getByText('Punkter som flyttades till nästa APT: 1.')).toBeVisible();
  await carry.getByRole('link', { name: 'Öppna nästa APT:s dagordning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Dagordning .*14 april ${year}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Julbord' })).toBeVisible();
  await expect(page.getByText('Från tidigare APT')).toBeVisible();

  // The employee reads the decisions.
  await signOut(page);
  await signIn(page, people.medarbetare);
  await open(page, `${new URL(planUrl, page.url()).pathname}/forslag`);
  const mine = page.getByRole('region', { name: 'Mina förslag' });
  await expect(mine.getByRole('listitem').filter({ hasText: `Parkeringen ${project}` })
    .getByText(new RegExp(`Tas upp på APT .*10 mars ${year}`))).toBeVisible();
  const declined = mine.getByRole('listitem').filter({ hasText: `Fredagsfika ${project}` });
  await expect(declined.getByText('Tas inte upp')).toBeVisible();
  await expect(declined.getByText('Motivering: Vi tar det på nästa arbetslagsmöte.')).toBeVisible();
  // The employee reads the agenda but cannot change it.
  await open(page, agendaUrl);
  await expect(page.getByRole('heading', { level: 3, name: `Parkeringen ${project}` })).toBeVisible();
  await expect(page.locator('main').getByRole('button')).toHaveCount(0);
  await expect(page.getByText('Vägledning för dig som chef')).toHaveCount(0);
});

test('an agenda is composed and an item added without JavaScript @ssr', async ({ page }) => {
  test.skip(test.info().project.name !== 'no-js', 'the no-JS path of the flow above');
  const year = ownYear('agenda');
  await planWithTwoMeetings(page, year);
  await page.getByRole('link', { name: new RegExp(`^Dagordning .*14 april ${year}`) }).click();
  await page.getByRole('button', { name: 'Skapa dagordning från planen' }).click();
  await expect(page.getByRole('region', { name: 'Löpande punkter' }).getByRole('listitem')).toHaveCount(5);
  const add = page.getByRole('region', { name: 'Ny punkt', exact: true });
  await add.getByRole('button', { name: 'Lägg till punkt' }).click();
  await expect(page.getByText('Skriv en rubrik.')).toBeVisible();
  await add.getByLabel('Rubrik').fill('Nya scheman');
  await add.getByLabel('Minuter').fill('10');
  await add.getByRole('button', { name: 'Lägg till punkt' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Nya scheman' })).toBeVisible();
});

test('an employee cannot change an agenda or decide on proposals, and another unit cannot read it', async ({ page }) => {
  await signIn(page, people.chef);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  const agendaLink = page.getByRole('link', { name: /^Dagordning / }).first();
  const href = (await agendaLink.getAttribute('href'))!;
  const [, unitId, meetingId] = href.match(/\/enhet\/(\d+)\/mote\/(\d+)/)!;
  await signOut(page);

  await signIn(page, people.medarbetare);
  const compose = await page.request.post('/api/dagordning/fran-planen', { form: { unit_id: unitId, meeting_id: meetingId } });
  expect(compose.status()).toBe(403);
  const decide = await page.request.post('/api/forslag/avsla', { form: { unit_id: unitId, proposal_id: '1', reason: 'Nej' } });
  expect(decide.status()).toBe(403);
  await signOut(page);

  await signIn(page, people.otherChef);
  const read = await page.request.post('/api/dagordning', { form: { unit_id: unitId, meeting_id: meetingId } });
  expect(read.status()).toBe(403);
  await open(page, href);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
});

test('a late notice asks the chef to confirm, the plan marks it late, and HR reads the outbox', async ({ page }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'the JavaScript flow');
  const year = ownPastYear('late-notice');
  const planUrl = await planWithTwoMeetings(page, year, 1);
  await page.getByRole('link', { name: new RegExp(`^Dagordning .*10 mars ${year}`) }).click();
  await page.getByRole('button', { name: 'Skapa dagordning från planen' }).click();
  const notice = page.getByRole('region', { name: 'Kallelse', exact: true });
  await expect(notice.getByText(/Inte skickad\. Sista dag var .*, för \d+ dagar sedan\./)).toBeVisible();
  await notice.getByRole('button', { name: 'Skicka kallelse' }).click();
  await expect(notice.getByText(/Sista dag för kallelsen var \d{4}-03-03 .* Kryssa i rutan för att skicka ändå\./)).toBeVisible();
  await expect(notice.getByText(/Kallelsen är skickad/)).toHaveCount(0);
  await notice.getByLabel('Jag vet att kallelsen är sen och vill skicka den ändå').check();
  await notice.getByRole('button', { name: 'Skicka kallelse' }).click();
  await expect(notice.getByText(/Skickad .*, \d+ dagar för sent\./)).toBeVisible();
  await expectAccessible(page);

  await open(page, planUrl);
  const march = page.getByRole('region', { name: 'Mars' });
  await expect(march.getByText(/Kallelse skickad/)).toBeVisible();
  await expect(march.getByText('för sent')).toBeVisible();

  await signOut(page);
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Utkorg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utkorg' })).toBeVisible();
  const message = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`Kallelse: APT Hemtjänst Norr .*10 mars ${year}`) }) });
  await expect(message.first()).toBeVisible();
  await expect(message.first().getByText('Levererad')).toBeVisible();
  await expectAccessible(page);
});

test('an employee with ten proposals waiting is told beside the title to wait for the chef @ssr', async ({ page }) => {
  const member = 'gabriel.mendoza@exempelstad.se'; // Barn- och ungdomsenheten: no other flow proposes there
  await signIn(page, member);
  const units = (await (await page.request.post('/api/mina-enheter')).json()) as { units: { id: number; name: string }[] };
  const unit = units.units.find((u) => u.name === 'Barn- och ungdomsenheten')!.id;

  // Up to ten waiting, as the form sends them (other projects may have sent some already).
  let answer = 200;
  for (let i = 1; i <= 11 && answer === 200; i++) {
    const sent = await page.request.post('/api/forslag/nytt', {
      form: { unit_id: String(unit), meeting_id: '', title: `Förslag ${i}`, description: '' },
    });
    answer = sent.status();
  }
  expect(answer).toBe(422);

  await open(page, `/enhet/${unit}/forslag`);
  const propose = page.getByRole('region', { name: 'Föreslå en punkt' });
  const title = propose.getByLabel('Rubrik');
  await title.fill('Ännu ett förslag');
  await propose.getByRole('button', { name: 'Skicka förslaget' }).click();
  await expect(propose.getByText(/Du har redan 10 förslag som chefen inte har tagit ställning till\./)).toBeVisible();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  // The typed title stays where the page runs (without JavaScript the page is loaded anew).
  if (test.info().project.name !== 'no-js') await expect(title).toHaveValue('Ännu ett förslag');
  await expect(page.getByRole('region', { name: 'Mina förslag' }).getByText('Väntar på beslut')).toHaveCount(10);
  await expectAccessible(page);
});
