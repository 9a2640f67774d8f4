// A cooperation meeting's protocol: the chair (who also keeps the demo's förvaltningsgrupp) plans
// a meeting in the project's own year and writes its protocol: attendance with a partial
// presence ("(punkt 4–12)"), an item's text and decision, a question the employer takes with it,
// item 3's dates and item 12's next meeting (wrong ones refused beside the field). The question
// comes back under "Föregående protokoll" of the next meeting and is answered there. A second
// writer on stale text gets a conflict with the typed text kept. A union member reads the
// document without the forms and may not write; a chef outside the group is refused.
import { expect, test } from '@playwright/test';
import { expectAccessible, open, ownYear, people, signIn, signOut } from './helpers';
import { addMeeting, DEMO_GROUP, meetingProtocol } from './cooperation_helpers';

test.describe.configure({ timeout: 240_000 });

const CHAIR = 'lars.ekstrom@exempelstad.se';

test('the chair writes a protocol and its open question comes back at the next meeting @ssr', async ({ page, browser }) => {
  const project = test.info().project.name;
  const js = project !== 'no-js';
  const year = ownYear('cooperation-protocol');
  await signIn(page, CHAIR);
  await page.getByRole('navigation', { name: 'Mina samverkansgrupper' }).getByRole('link', { name: DEMO_GROUP }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUP })).toBeVisible();
  const groupUrl = new URL(page.url()).pathname;
  await addMeeting(page, groupUrl, `${year}-06-01`);
  const protocolUrl = await meetingProtocol(page, groupUrl, year, 0);

  // Attendance: a partial presence that runs backwards is refused, naming the member.
  const attendance = page.getByRole('region', { name: 'Närvaro' });
  const leila = attendance.getByRole('group', { name: /^Leila Karimi/ });
  await attendance.getByRole('group', { name: /^Lars Ekström/ }).getByLabel('Närvaro').selectOption({ label: 'Närvarande' });
  await attendance.getByRole('group', { name: /^Hanna Åberg/ }).getByLabel('Närvaro').selectOption({ label: 'Närvarande' });
  await attendance.getByRole('group', { name: /^Fredrik Holmqvist/ }).getByLabel('Närvaro').selectOption({ label: 'Förhinder' });
  await leila.getByLabel('Närvaro').selectOption({ label: 'Närvarande' });
  await leila.getByLabel('Från punkt').fill('12');
  await leila.getByLabel('Till punkt').fill('4');
  await attendance.getByRole('button', { name: 'Spara närvaron' }).click();
  await expect(page.getByText('Leila Karimi: den första punkten kan inte komma efter den sista.')).toBeVisible();
  const attendanceAgain = page.getByRole('region', { name: 'Närvaro' });
  const leilaAgain = attendanceAgain.getByRole('group', { name: /^Leila Karimi/ });
  if (!js) {
    // Without JavaScript the page loads anew: mark again.
    for (const [name, label] of [['Lars Ekström', 'Närvarande'], ['Hanna Åberg', 'Närvarande'], ['Fredrik Holmqvist', 'Förhinder']]) {
      await attendanceAgain.getByRole('group', { name: new RegExp(`^${name}`) }).getByLabel('Närvaro').selectOption({ label });
    }
    await leilaAgain.getByLabel('Närvaro').selectOption({ label: 'Närvarande' });
  }
  await leilaAgain.getByLabel('Från punkt').fill('4');
  await leilaAgain.getByLabel('Till punkt').fill('12');
  await attendanceAgain.getByRole('button', { name: 'Spara närvaron' }).click();
  if (js) await expect(attendanceAgain.getByText('Närvaron är sparad.')).toBeVisible();
  const document = page.getByRole('article', { name: 'Protokollet' });
  await expect(document.getByText('Leila Karimi (punkt 4–12)')).toBeVisible();
  await expect(document.getByRole('definition').filter({ hasText: 'Fredrik Holmqvist' })).toBeVisible();

  // Item 2: what was said and decided.
  const item2 = page.getByRole('region', { name: '2. Godkännande av dagordning' });
  await item2.getByLabel('Protokolltext').fill('Övriga frågor anmäldes.');
  await item2.getByLabel('Beslut').fill('Dagordningen godkändes.');
  await item2.getByRole('button', { name: 'Spara punkten' }).click();
  if (js) await expect(item2.getByText('Punkten är sparad.')).toBeVisible();
  await expect(document.getByText('Dagordningen godkändes.')).toBeVisible();

  // Item 3: dates before the meeting are refused beside the field.
  const item3 = page.getByRole('region', { name: '3. Fastställande av datum för justering' });
  await item3.getByLabel('Protokollet skickas ut').fill(`${year}-05-29`);
  await item3.getByLabel('Synpunkter senast (dag)').fill(`${year}-06-04`);
  await item3.getByLabel('Protokollet signeras').fill(`${year}-06-08`);
  await item3.getByRole('button', { name: 'Spara datumen' }).click();
  await expect(page.getByText('Protokollet kan inte skickas ut före mötet.')).toBeVisible();
  const item3Again = page.getByRole('region', { name: '3. Fastställande av datum för justering' });
  await item3Again.getByLabel('Protokollet skickas ut').fill(`${year}-06-03`);
  await item3Again.getByLabel('Synpunkter senast (dag)').fill(`${year}-06-04`);
  await item3Again.getByLabel('Synpunkter senast (klockslag)').fill('12:00');
  await item3Again.getByLabel('Protokollet signeras').fill(`${year}-06-08`);
  await item3Again.getByRole('button', { name: 'Spara datumen' }).click();
  await expect(document.getByText(/^Protokollet skickas ut \S+ 3 juni$/)).toBeVisible();
  await expect(document.getByText(/^Synpunkter ska skickas senast \S+ 4 juni kl\. 12$/)).toBeVisible();

  // Item 4 a): the employer takes a question with it.
  const sub = page.getByRole('region', { name: 'a) Information: Uppföljning av företagshälsovård' });
  await sub.getByText('Arbetsgivaren tar med sig frågan', { exact: true }).click();
  await sub.getByLabel('Vem frågade (till exempel Saco och Vision)').fill('Saco och Vision');
  // The group is the demo's, shared by the projects: each asks its own question.
  const question = `statistik från samtliga leverantörer kan redovisas (${project})`;
  await sub.getByLabel('Frågan om …').fill(`om ${question}`);
  await sub.getByRole('button', { name: 'Notera frågan' }).click();
  const sentence = `Arbetsgivaren tar med sig frågan om ${question} (Saco och Vision).`;
  await expect(document.getByText(sentence)).toBeVisible();
  await expect(document.getByText('Inget att notera.').first()).toBeVisible();
  await expectAccessible(page);

  // A second writer on text the first has changed since: a conflict, the typed text kept.
  if (js) {
    const other = await browser.newContext();
    const second = await other.newPage();
    await signIn(second, 'maja.lindgren@exempelstad.se');
    await open(second, protocolUrl);
    await item2.getByLabel('Protokolltext').fill('Övriga frågor anmäldes av Vision.');
    await item2.getByRole('button', { name: 'Spara punkten' }).click();
    await expect(item2.getByText('Punkten är sparad.')).toBeVisible();
    const stale = second.getByRole('region', { name: '2. Godkännande av dagordning' });
    await stale.getByLabel('Protokolltext').fill('Sekreterarens version.');
    await stale.getByRole('button', { name: 'Spara punkten' }).click();
    await expect(stale.getByText(/^Anteckningarna för punkten har ändrats av någon annan/)).toBeVisible();
    await expect(stale.getByLabel('Protokolltext')).toHaveValue('Sekreterarens version.');
    await other.close();
  }

  // Item 12 puts the next meeting into the plan; a day before this meeting is refused.
  const item12 = page.getByRole('region', { name: '12. Nästa förvaltningsgrupp' });
  await item12.getByLabel('Dag för nästa möte').fill(`${year}-05-01`);
  await item12.getByRole('button', { name: 'Lägg in nästa möte i planen' }).click();
  await expect(page.getByText('Nästa möte måste vara efter det här mötet.')).toBeVisible();
  await page.getByRole('region', { name: '12. Nästa förvaltningsgrupp' }).getByLabel('Dag för nästa möte').fill(`${year}-09-21`);
  await page.getByRole('region', { name: '12. Nästa förvaltningsgrupp' }).getByRole('button', { name: 'Lägg in nästa möte i planen' }).click();
  await expect(document.getByText(/^Nästa möte: .*21 september.* kl\. 10\.30-12\.00, Stadshuset, sal Älven\.$/)).toBeVisible();

  // The next meeting: the question comes back under item 1 and is answered there.
  const nextUrl = await meetingProtocol(page, groupUrl, year, 1);
  const item1 = page.getByRole('region', { name: '1. Föregående protokoll' });
  const earlier = item1.getByRole('group', { name: new RegExp(`^Från protokollet .*: frågan om ${question.replace(/[()]/g, '\\$&')} \\(Saco och Vision\\)$`) });
  await expect(earlier).toBeVisible();
  if (js) {
    // Without JavaScript a row's message shows only where the page knows which row was sent.
    await earlier.getByRole('button', { name: 'Spara svaret' }).click();
    await expect(earlier.getByText('Skriv vad arbetsgivaren svarade.')).toBeVisible();
  }
  await earlier.getByLabel('Arbetsgivarens svar').fill(`Arbetsgivaren redovisade statistik från båda leverantörerna (${project}).`);
  await earlier.getByRole('button', { name: 'Spara svaret' }).click();
  const nextDocument = page.getByRole('article', { name: 'Protokollet' });
  await expect(nextDocument.getByText(`Arbetsgivaren redovisade statistik från båda leverantörerna (${project}).`)).toBeVisible();
  await signOut(page);

  // A union member reads the document without the forms, and may not write.
  await signIn(page, 'hanna.aberg@exempelstad.se');
  await open(page, protocolUrl);
  await expect(page.getByRole('article', { name: 'Protokollet' }).getByText(sentence)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara punkten' })).toHaveCount(0);
  const [groupId, meetingId] = protocolUrl.match(/\d+/g)!;
  const refused = await page.request.post('/api/samverkan/protokoll/punkt', {
    form: { group_id: groupId, meeting_id: meetingId, item_id: '1', 'text[minutes]': 'Fackets egen text', 'text[decision]': '' },
  });
  expect(refused.status()).toBe(403);
  await expectAccessible(page);
  await signOut(page);

  // A unit's chef outside the group is refused.
  await signIn(page, people.chef);
  expect((await open(page, nextUrl))?.status()).toBe(403);
});
