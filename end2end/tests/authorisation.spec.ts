// The authorisation matrix, against the running server: every server function, called by every
// kind of person (nobody signed in, an employee, the deputy and the chef of the unit, the safety
// representative above it, a chef of another unit, HR above it, HR at the root), is allowed or
// refused as the role rights say. Allowed means "past the check": the answer may still be 400,
// 404 or 409, since changes are sent with input that cannot be saved (nothing in the demo is
// changed), and that itself shows the check comes before the input is looked at. Refused means
// 401 without a session and 403 with one. Nothing may answer 5xx.
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from './helpers';

type Actor = 'anon' | 'emp' | 'deputy' | 'chef' | 'safety' | 'otherChef' | 'hr' | 'rootHr';

/** Who plays each part, around the unit "Enheten för ekonomiskt bistånd". */
const emails: Record<Exclude<Actor, 'anon'>, string> = {
  emp: 'linnea.sjoberg@exempelstad.se', // medarbetare in the unit
  deputy: 'helena.nystrom@exempelstad.se', // biträdande chef in the unit
  chef: 'johan.wikstrom@exempelstad.se', // chef of the unit
  safety: 'elin.forsberg@exempelstad.se', // skyddsombud for the avdelning above it
  otherChef: 'ingrid.astrom@exempelstad.se', // chef of a sibling unit
  hr: 'fredrik.holmqvist@exempelstad.se', // HR at the förvaltning above
  rootHr: 'elif.demir@exempelstad.se', // HR at the organisation's root
};
const ALL: Actor[] = ['anon', 'emp', 'deputy', 'chef', 'safety', 'otherChef', 'hr', 'rootHr'];
const SIGNED_IN = ALL.filter((a) => a !== 'anon');
const READERS: Actor[] = ['emp', 'deputy', 'chef', 'safety', 'hr', 'rootHr'];
const EDITORS: Actor[] = ['deputy', 'chef', 'hr', 'rootHr'];
const FILLERS: Actor[] = ['deputy', 'chef', 'safety', 'hr', 'rootHr'];
const MEMBERS: Actor[] = ['emp', 'deputy', 'chef'];
const ROLLUP: Actor[] = ['deputy', 'chef', 'safety', 'hr', 'rootHr'];
const HR: Actor[] = ['hr', 'rootHr'];
const ROOT: Actor[] = ['rootHr'];

/** Ids the calls name: the unit, one of its meetings, its avdelning, and one that exists nowhere. */
type Ids = { unit: string; meeting: string; parent: string; person: string };
const X = '999999';

const meeting = (date = 'inget datum') => ({
  'meeting[date]': date,
  'meeting[start]': '',
  'meeting[end]': '',
  'meeting[location]': '',
  'meeting[online_link]': '',
});
const planAction = { 'action[title]': '', 'action[description]': '', 'action[responsible]': '' };
const agendaItem = (prefix = 'item') => ({
  [`${prefix}[title]`]: '',
  [`${prefix}[description]`]: '',
  [`${prefix}[presenter]`]: '',
  [`${prefix}[minutes]`]: '',
  [`${prefix}[kind]`]: '',
});
const topic = { 'topic[title]': '', 'topic[month]': '', 'topic[guidance]': '' };

/** Each server function: the form it is sent and who may call it. */
function matrix(ids: Ids): [string, Record<string, string>, Actor[]][] {
  const u = { unit_id: ids.unit };
  const um = { unit_id: ids.unit, meeting_id: ids.meeting };
  return [
    // Public, and the person's own.
    ['inloggningssatt', {}, ALL],
    ['jag', {}, ALL],
    ['mina-enheter', {}, SIGNED_IN],
    ['nasta-apt', {}, SIGNED_IN],
    ['konto/sessioner', {}, SIGNED_IN],
    ['konto/avsluta-session', { session_id: X }, SIGNED_IN],
    // The unit's plan.
    ['plan', u, READERS],
    ['mote', um, READERS],
    ['amne', { ...u, topic_id: X }, READERS],
    ['plan/skapa', { ...u, year: '2031', source: 'ogiltig' }, EDITORS],
    ['plan/mote/ny', { ...u, year: '2031', plan_version: '0', ...meeting() }, EDITORS],
    ['plan/mote/andra', { ...um, plan_version: '0', ...meeting() }, EDITORS],
    ['plan/mote/installt', { ...u, meeting_id: X, plan_version: '0', cancelled: 'true' }, EDITORS],
    ['plan/amne/placera', { ...u, topic_id: X, year: '2031', plan_version: '0', meeting_id: '' }, EDITORS],
    ['plan/amne/placera-alla', { ...u, year: '2031', plan_version: '0' }, EDITORS],
    ['plan/amne/eget', { ...u, year: '2031', plan_version: '0', ...topic }, EDITORS],
    ['plan/amne/ta-in', { ...u, year: '2031', plan_version: '0', topic_id: 'x' }, EDITORS],
    // Renews the unit's calendar address for real: no other flow subscribes to this unit.
    ['plan/kalender/fornya', u, EDITORS],
    ['plan/mote/tillfalle/ny', { ...um, plan_version: '0', ...meeting() }, EDITORS],
    ['plan/mote/tillfalle/ta-bort', { ...um, session_id: X, plan_version: '0' }, EDITORS],
    // Agendas and proposals.
    ['dagordning', um, READERS],
    ['dagordning/fran-planen', { ...u, meeting_id: X }, EDITORS],
    ['dagordning/punkt/ny', { ...um, section_id: 'x', ...agendaItem() }, EDITORS],
    ['dagordning/punkt/andra', { ...um, item_id: X, agenda_version: '0', section_id: '', ...agendaItem() }, EDITORS],
    ['dagordning/flytta', { ...um, what: 'x', id: X, direction: 'x' }, EDITORS],
    ['dagordning/punkt/ta-bort', { ...um, item_id: X, to: 'x' }, EDITORS],
    ['dagordning/punkt/vagledning', { ...um, item_id: X }, EDITORS],
    ['dagordning/punkt/hanns', { ...um, item_id: X, reached: 'true' }, EDITORS],
    ['dagordning/flytta-ej-hunna', { ...u, meeting_id: X }, EDITORS],
    ['dagordning/bilaga/ta-bort', { ...um, attachment_id: X }, EDITORS],
    ['dagordning/avsnitt/nytt', { ...um, title: '' }, EDITORS],
    ['dagordning/avsnitt/byt-namn', { ...um, section_id: X, title: '' }, EDITORS],
    ['dagordning/avsnitt/ta-bort', { ...um, section_id: X }, EDITORS],
    ['forslag', u, READERS],
    ['forslag/nytt', { ...u, meeting_id: '', title: '', description: '' }, READERS],
    ['forslag/godta', { ...u, proposal_id: X, meeting_id: '' }, EDITORS],
    ['forslag/skjut-upp', { ...u, proposal_id: X }, EDITORS],
    ['forslag/avsla', { ...u, proposal_id: X, reason: '' }, EDITORS],
    ['backlog/planera', { ...u, item_id: X, meeting_id: '' }, EDITORS],
    ['backlog/ny', { ...u, ...agendaItem() }, EDITORS],
    ['backlog/ta-bort', { ...u, item_id: X }, EDITORS],
    ['kallelse/skicka', { ...u, meeting_id: X, agenda_version: '0' }, EDITORS],
    // Minutes and the workload check.
    ['minnesanteckningar', um, READERS],
    ['minnesanteckningar/atgarder', um, READERS],
    ['minnesanteckningar/narvaro', { ...u, meeting_id: X }, EDITORS],
    ['minnesanteckningar/punkt', { ...um, item_id: X, 'text[notes]': '', 'text[decision]': '' }, EDITORS],
    ['minnesanteckningar/atgard', { ...um, 'action[title]': '', 'action[responsible]': '', 'action[due]': '' }, EDITORS],
    ['minnesanteckningar/atgard/ta-bort', { ...um, action_id: X }, EDITORS],
    ['minnesanteckningar/publicera', { ...u, meeting_id: X }, EDITORS],
    ['avstamning', um, READERS],
    ['avstamning/rostning', { ...u, meeting_id: X, method: 'x', open: 'false' }, EDITORS],
    ['avstamning/rosta', { ...u, meeting_id: X }, MEMBERS],
    ['avstamning/anteckna', { ...u, meeting_id: X, red: 'x', yellow: '', green: '', note: '' }, EDITORS],
    // Action plan and checklists.
    ['handlingsplan', u, READERS],
    ['handlingsplan/ny', { ...u, source: 'x', ...planAction }, EDITORS],
    ['handlingsplan/andra', { ...u, action_id: X, version: '0', status: 'x', ...planAction }, EDITORS],
    ['handlingsplan/avsluta', { ...u, action_id: X, version: '0' }, EDITORS],
    ['handlingsplan/aterkoppling', { ...u, action_id: X }, EDITORS],
    ['checklistor', u, READERS],
    ['checklistor/oppna', { ...u, year: '2031', kind: 'ogiltig' }, EDITORS],
    ['checklista', { ...u, checklist_id: X }, READERS],
    ['checklista/svar', { ...u, checklist_id: X, question_id: X }, FILLERS],
    ['checklista/deltagare', { ...u, checklist_id: X }, EDITORS],
    ['checklista/klar', { ...u, checklist_id: X, done: 'true' }, EDITORS],
    ['checklista/ingen-atgard', { ...u, checklist_id: X, question_id: X }, FILLERS],
    ['checklista/atgard', { ...u, checklist_id: X, question_id: X, ...planAction }, FILLERS],
    // Roll-ups over the unit.
    ['uppfoljning', { node: ids.unit }, ROLLUP],
    ['uppfoljning/atgarder', { node: ids.unit }, ROLLUP],
    // HR.
    ['konton', {}, HR],
    ['konton/aktiv', { person_id: ids.person, active: 'true' }, HR],
    ['logg', { node: ids.unit }, HR],
    ['utkorg', {}, HR],
    ['obligatoriska-amnen', {}, HR],
    ['obligatoriska-amnen/ny', { node_id: ids.parent, year: '2031', ...topic }, HR],
    // The organisation's template: HR at the root.
    ['mall', {}, ROOT],
    ['mall/amne', { topic_id: X }, ROOT],
    ['mall/regler', { 'rules[min_apts_per_year]': 'x', 'rules[notice_days]': '' }, ROOT],
    ['mall/amne/spara', { topic_id: X, 'topic[title]': '', 'topic[month_start]': '', 'topic[kind]': '' }, ROOT],
    ['mall/amne/ta-bort', { topic_id: X }, ROOT],
    ['mall/punkt/ny', { title: '' }, ROOT],
    ['mall/punkt/byt-namn', { point_id: X, title: '' }, ROOT],
    ['mall/punkt/ta-bort', { point_id: X }, ROOT],
    ['mall/checklistor', {}, ROOT],
    ['mall/checklistor/fraga', { template_id: X, 'question[area]': '', 'question[text]': '', 'question[scale]': '' }, ROOT],
    ['mall/checklistor/ta-bort', { template_id: X, question_id: X }, ROOT],
    ['gallring', {}, ROOT],
    ['gallring/regel', { kind: 'x', 'rule[keep_years]': '', 'rule[decision]': '', 'rule[decided_on]': '' }, ROOT],
    ['gallring/kor', { kind: 'x' }, ROOT],
  ];
}

/** Server functions the matrix leaves out on purpose, each with why. */
const LEFT_OUT: Record<string, string> = {
  'logga-in': 'open to all by design; a wrong password answers 401 (sign-in.spec covers it)',
  'logga-ut': 'signs the caller out (the sign-in flow covers it)',
  'konto/avsluta-andra': "ends the caller's other sessions, which other flows share (security.spec covers it)",
};

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/logga-in', { form: { email, password: DEMO_PASSWORD } });
  expect(response.status(), `sign-in as ${email}`).toBeLessThan(400);
  return context;
}

test('every server function allows exactly the roles it should', async ({ baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'one run is enough: no browser involved');
  test.setTimeout(180_000);
  const contexts = {} as Record<Actor, APIRequestContext>;
  contexts.anon = await request.newContext({ baseURL });
  for (const [actor, email] of Object.entries(emails)) {
    contexts[actor as Actor] = await signedIn(baseURL!, email);
  }

  // The unit, its avdelning, one of its meetings and a person in it, as the chef sees them.
  const units = await (await contexts.chef.post('/api/mina-enheter', { form: {} })).json();
  const unit = units.units.find((x: { name: string }) => x.name === 'Enheten för ekonomiskt bistånd');
  const plan = await (await contexts.chef.post('/api/plan', { form: { unit_id: String(unit.id) } })).json();
  const accounts = await (await contexts.hr.post('/api/konton', { form: {} })).json();
  const push = await (await contexts.hr.post('/api/obligatoriska-amnen', { form: {} })).json();
  const ids: Ids = {
    unit: String(unit.id),
    meeting: String(plan.meetings[0].id),
    parent: String(push.nodes.find((n: { label: string }) => n.label.endsWith('Avdelningen för individ- och familjeomsorg')).id),
    person: String(accounts.find((a: { email: string }) => a.email === emails.emp).id),
  };

  const problems: string[] = [];
  const rows = matrix(ids);
  for (const [endpoint, form, allowed] of rows) {
    for (const actor of ALL) {
      const response = await contexts[actor].post(`/api/${endpoint}`, { form });
      const status = response.status();
      const expectAllowed = allowed.includes(actor);
      const refused = status === 401 || status === 403;
      let problem = '';
      if (status >= 500) problem = `answered ${status}: ${(await response.text()).slice(0, 120)}`;
      else if (expectAllowed && refused) problem = `refused (${status}) but should be allowed`;
      else if (!expectAllowed && !refused) problem = `allowed (${status}) but should be refused`;
      else if (!expectAllowed && status !== (actor === 'anon' ? 401 : 403)) {
        problem = `refused with ${status}, expected ${actor === 'anon' ? 401 : 403}`;
      }
      if (problem) problems.push(`${endpoint} as ${actor}: ${problem}`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);

  for (const context of Object.values(contexts)) await context.dispose();

  // Every server function is in the matrix or left out with a reason. The audit catalogue names
  // them all (a unit test holds it to the registered server functions), so it is the list.
  const covered = new Set([...rows.map(([e]) => e), ...Object.keys(LEFT_OUT)]);
  const catalogue = readFileSync(join(__dirname, '../../app/src/audit/endpoints.rs'), 'utf8');
  const endpoints = [...catalogue.matchAll(/\(\s*"([a-z/-]+)",\s*(?:Read|Change|SelfRecorded|Anonymous),/g)].map((m) => m[1]);
  expect(endpoints.length).toBeGreaterThan(80);
  expect(endpoints.filter((e) => !covered.has(e))).toEqual([]);
});

test('a server function answers malformed input with a clear refusal, never a server error', async ({ baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'one run is enough: no browser involved');
  test.setTimeout(180_000);
  // The widest rights, so every body reaches the parsing and the checks behind the access check.
  const context = await signedIn(baseURL!, emails.rootHr);
  const catalogue = readFileSync(join(__dirname, '../../app/src/audit/endpoints.rs'), 'utf8');
  const endpoints = [...catalogue.matchAll(/\(\s*"([a-z/-]+)",\s*(?:Read|Change|SelfRecorded|Anonymous),/g)]
    .map((m) => m[1])
    .filter((e) => !(e in LEFT_OUT));
  const bodies = [
    '',
    'unit_id=inte-ett-tal&meeting_id=-1&year=99999999999999999999',
    'unit_id=1&%%%=%ZZ&meeting[date]=\u0000&item[title]=' + 'å'.repeat(20_000),
    'unit_id=1&unit_id=2&meeting_id[]=3&version=1e9&done=kanske&active=ja',
  ];
  const problems: string[] = [];
  for (const endpoint of endpoints) {
    for (const body of bodies) {
      const response = await context.post(`/api/${endpoint}`, {
        data: body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (response.status() >= 500) {
        problems.push(`${endpoint} ← ${body.slice(0, 60)}: ${response.status()} ${(await response.text()).slice(0, 100)}`);
      }
    }
  }
  await context.dispose();
  expect(problems, problems.join('\n')).toEqual([]);
});
