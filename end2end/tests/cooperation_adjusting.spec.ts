// A protocol's justering: the chair plans a meeting a few days back, sets item 3's dates and
// tries to send the draft without an approver (refused beside the button), names a union member
// approver and sends it. The union member comments, and trying to approve before the comment
// deadline is refused beside the button. Once the deadline has passed the approver and the
// secretary approve; the protocol locks ("Vid protokollet", "Justerare" with their names),
// refuses every change, its PDF names them (read back with pdftotext), and a correction needs
// its reason. The demo's September protocol is published, approved by both.
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, isoDaysFromToday, open, people, signIn, signOut } from './helpers';
import { addMeeting, DEMO_GROUP, meetingProtocol } from './cooperation_helpers';
import { pdfText } from './pdf_helpers';

test.describe.configure({ timeout: 240_000 });

const CHAIR = 'lars.ekstrom@exempelstad.se';
const SECRETARY = 'maja.lindgren@exempelstad.se';
const APPROVER = 'hanna.aberg@exempelstad.se';
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** The Swedish "d månad" of an ISO day, as the plan's links write it. */
function dayAndMonth(iso: string) {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
}

/** Item 3's dates, set in the protocol's form. */
async function setDates(page: Page, sent: string, due: string, signed: string) {
  const item3 = page.getByRole('region', { name: '3. Fastställande av datum för justering' });
  await item3.getByLabel('Protokollet skickas ut').fill(sent);
  await item3.getByLabel('Synpunkter senast (dag)').fill(due);
  await item3.getByLabel('Synpunkter senast (klockslag)').fill('12:00');
  await item3.getByLabel('Protokollet signeras').fill(signed);
  await item3.getByRole('button', { name: 'Spara datumen' }).click();
  await expect(page.getByRole('article', { name: 'Protokollet' }).getByText(new RegExp(`^Protokollet skickas ut \\S+ ${dayAndMonth(sent)}$`))).toBeVisible();
}

test('the approvers and the secretary approve a protocol, which then locks @ssr', async ({ page }) => {
  const project = test.info().project.name;
  const js = project !== 'no-js';
  // Each project its own meeting day, a few days back, so the draft may go out today, and the
  // day after it a meeting of its own too: item 12 names the group's next meeting, so no other
  // flow's meeting added meanwhile may become "next" and change the wording being approved.
  const back = { desktop: 4, phone: 6, 'no-js': 8 }[project] ?? 10;
  const day = isoDaysFromToday(-back);
  const year = Number(day.slice(0, 4));
  await signIn(page, CHAIR);
  await page.getByRole('navigation', { name: 'Mina samverkansgrupper' }).getByRole('link', { name: DEMO_GROUP }).click();
  const groupUrl = new URL(page.url()).pathname;
  await addMeeting(page, groupUrl, day);
  await addMeeting(page, groupUrl, isoDaysFromToday(-back + 1));
  const protocolUrl = await meetingProtocol(page, groupUrl, year, new RegExp(`\\b${dayAndMonth(day)}\\b.*10\\.30–12\\.00`));
  const item2 = page.getByRole('region', { name: '2. Godkännande av dagordning' });
  await item2.getByLabel('Beslut').fill(`Dagordningen godkändes (${project}).`);
  await item2.getByRole('button', { name: 'Spara punkten' }).click();
  await expect(page.getByRole('article', { name: 'Protokollet' }).getByText(`Dagordningen godkändes (${project}).`)).toBeVisible();
  // Comments until tomorrow noon.
  await setDates(page, isoDaysFromToday(-1), isoDaysFromToday(1), isoDaysFromToday(2));

  // The draft needs an approver first.
  const panel = page.getByRole('region', { name: 'Justering' });
  await expect(panel.getByText('Utkast: protokollet har inte skickats till ledamöterna.')).toBeVisible();
  await panel.getByRole('button', { name: 'Skicka utkastet till ledamöterna' }).click();
  await expect(page.getByText('Välj minst en justerare först.')).toBeVisible();
  const approvers = page.getByRole('group', { name: 'Justerare (välj bland ledamöterna)' });
  await approvers.getByLabel(/^Hanna Åberg/).check();
  await page.getByRole('button', { name: 'Spara justerare' }).click();
  await expect(page.getByRole('article', { name: 'Protokollet' }).getByRole('definition').filter({ hasText: 'Hanna Åberg' })).toBeVisible();
  await page.getByRole('region', { name: 'Justering' }).getByRole('button', { name: 'Skicka utkastet till ledamöterna' }).click();
  await expect(page.getByRole('region', { name: 'Justering' }).getByText(/^Utkastet är skickat\. Ledamöterna kan lämna synpunkter till och med /)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The approver comments, and may not approve before the deadline.
  await signIn(page, APPROVER);
  await open(page, protocolUrl);
  const comment = `Vision vill att beslutet står i punkt 2 (${project}).`;
  await page.getByLabel('Din synpunkt').fill(comment);
  await page.getByRole('button', { name: 'Skicka synpunkten' }).click();
  await expect(page.getByRole('region', { name: 'Justering' }).getByText(comment)).toBeVisible();
  await page.getByRole('button', { name: 'Justera protokollet' }).click();
  await expect(page.getByText(/^Protokollet kan justeras först när tiden för synpunkter har gått ut, /)).toBeVisible();
  await signOut(page);

  // The secretary moves the deadline to yesterday; then the approver and the secretary approve.
  await signIn(page, SECRETARY);
  await open(page, protocolUrl);
  await setDates(page, isoDaysFromToday(-2), isoDaysFromToday(-1), isoDaysFromToday(0));
  await expect(page.getByRole('region', { name: 'Justering' }).getByText('Väntar på justering av justerarna och sekreteraren.')).toBeVisible();
  await signOut(page);
  await signIn(page, APPROVER);
  await open(page, protocolUrl);
  await page.getByRole('button', { name: 'Justera protokollet' }).click();
  await expect(page.getByRole('region', { name: 'Justering' }).getByText(/^Hanna Åberg \(justerare\): justerade .*inloggad med lösenord$/)).toBeVisible();
  await signOut(page);
  await signIn(page, SECRETARY);
  await open(page, protocolUrl);
  await page.getByRole('button', { name: 'Justera protokollet' }).click();
  const locked = page.getByRole('region', { name: 'Justering' });
  await expect(locked.getByText(/^Justerat och låst .*Protokollet är publicerat\.$/)).toBeVisible();
  await expect(page.getByText(/^Justerat protokoll, version 1, låst /)).toBeVisible();
  const document = page.getByRole('article', { name: 'Protokollet' });
  await expect(document.getByRole('term').filter({ hasText: 'Vid protokollet' })).toBeVisible();
  await expect(document.getByRole('definition').filter({ hasText: 'Maja Lindgren' })).toBeVisible();
  await expect(document.getByRole('term').filter({ hasText: 'Justerare' })).toBeVisible();
  await expect(document.getByRole('definition').filter({ hasText: 'Hanna Åberg' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara punkten' })).toHaveCount(0);

  // The PDF is the record: pdftotext finds the approvers and the secretary by name.
  const pdfLink = page.getByRole('link', { name: 'Ladda ner protokollet som PDF' });
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await pdf.body());
  expect(text).toContain('Justerare');
  expect(text).toContain('Hanna Åberg');
  expect(text).toContain('Vid protokollet');
  expect(text).toContain('Maja Lindgren');
  expect(text).toContain(`Dagordningen godkändes (${project}).`);
  expect(text).not.toContain('Utkast');

  // Locked: a change is refused; a correction needs its reason, then opens version 2.
  const [groupId, meetingId] = protocolUrl.match(/\d+/g)!;
  const refused = await page.request.post('/api/samverkan/protokoll/adjungerad', {
    form: { group_id: groupId, meeting_id: meetingId, name: 'Sen gäst', function_title: '' },
  });
  expect(refused.status()).toBe(409);
  const agendaRefused = await page.request.post('/api/samverkan/mote/underpunkt', {
    form: { group_id: groupId, meeting_id: meetingId, parent_id: '0', title: 'Sen punkt', kind: 'information' },
  });
  expect(agendaRefused.status()).toBe(409);
  await page.getByRole('button', { name: 'Gör en rättelse' }).click();
  await expect(page.getByText('Skriv varför protokollet behöver rättas.')).toBeVisible();
  await page.getByLabel('Varför behöver protokollet rättas?').fill(`Fel namn under punkt 2 (${project}).`);
  await page.getByRole('button', { name: 'Gör en rättelse' }).click();
  await expect(page.getByRole('region', { name: 'Justering' }).getByText(`Rättelse, version 2: Fel namn under punkt 2 (${project}).`)).toBeVisible();
  if (js) await expect(page.getByRole('button', { name: 'Spara punkten' }).first()).toBeVisible();
  await expectAccessible(page);

  // Version 1 stays readable as it was approved, with its own PDF, while version 2 is written.
  await page.getByRole('region', { name: 'Justering' }).getByRole('link', { name: 'Version 1', exact: true }).click();
  await expect(page.getByText(/^Justerat protokoll, version 1, låst /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara punkten' })).toHaveCount(0);
  const firstPdf = await page.getByRole('link', { name: 'Ladda ner protokollet som PDF' }).getAttribute('href');
  expect(firstPdf).toMatch(/protokoll\.pdf\?version=1$/);
  expect((await page.request.get(firstPdf!)).status()).toBe(200);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Till protokollet som det är nu' }).click();
  await expect(page.getByRole('region', { name: 'Justering' }).getByText(`Rättelse, version 2: Fel namn under punkt 2 (${project}).`)).toBeVisible();
  await signOut(page);

  // HR at the top keeps the group but does not sit in it: the draft of version 2 is for members
  // only, so HR reads what was approved until the correction is.
  await signIn(page, 'elif.demir@exempelstad.se');
  expect((await open(page, protocolUrl))?.status()).toBe(200);
  await expect(page.getByText(/^Justerat protokoll, version 1, låst /)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Justering' })).toHaveCount(0);
  await signOut(page);

  // A chef outside the group may not read it.
  await signIn(page, people.chef);
  expect((await open(page, protocolUrl))?.status()).toBe(403);
});

test('the demo group publishes its September protocol approved by both signers @ssr', async ({ page }) => {
  await signIn(page, APPROVER);
  await page.getByRole('navigation', { name: 'Mina samverkansgrupper' }).getByRole('link', { name: DEMO_GROUP }).click();
  const groupUrl = new URL(page.url()).pathname;
  await open(page, `${groupUrl}?ar=2026`);
  await page.getByRole('region', { name: 'Mötesplan 2026' }).getByRole('link', { name: /21 september/ }).click();
  await page.getByRole('link', { name: 'Protokoll', exact: true }).click();
  await expect(page.getByText(/^Justerat protokoll, version 1, låst /)).toBeVisible();
  const panel = page.getByRole('region', { name: 'Justering' });
  await expect(panel.getByText(/^Maja Lindgren \(vid protokollet\): justerade /)).toBeVisible();
  await expect(panel.getByText(/^Hanna Åberg \(justerare\): justerade /)).toBeVisible();
  await expect(panel.getByText('Vision vill att det framgår att frågan om friskfaktorer kom från Vision.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Protokollet' }).getByText('Leila Karimi (punkt 4–12)')).toBeVisible();
  // The unit results were frozen under 4 b when the protocol was written, and stay with it.
  await expect(page.getByRole('article', { name: 'Protokollet' }).getByText('Bilaga 1: Uppföljning av det systematiska arbetsmiljöarbetet 2026, Socialförvaltningen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Justera protokollet' })).toHaveCount(0);
  await expectAccessible(page);

  // The meeting's agenda is part of the record now: no form offers a change.
  await page.goBack();
  await expect(page.getByText('Protokollet är justerat och låst, så dagordningen och det som anmäldes ändras inte längre.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skicka in' })).toHaveCount(0);
});
