#!/usr/bin/env node
// Load script for Årshjul: simulated people sign in to a running demo-mode server and use it
// (mostly reading pages; writing what people write: proposals, actions, minutes, checklist
// answers, notices, workload votes) for a bounded time, then the script reports errors and
// latency percentiles per request kind. It reports rather than tests: exit status 1 means
// some request failed, and the failures are printed so they can be looked into.
//
//   node scripts/load.mjs [--base=URL] [--users=N] [--duration=S] [--think=MS] [--ramp=S]
//                         [--accounts=FILE]
//
// Without --accounts the people are the demo's accounts, read from the sign-in page as a
// browser shows them. With it, they are the addresses in FILE (one a line, # for comments),
// all with the password in LOAD_PASSWORD: a real organisation, such as the city that
// `scripts/load.sh --city` imports, where a chef's first task is to plan the year.
//
// Options also come from the environment: LOAD_BASE_URL (http://127.0.0.1:3200), LOAD_USERS
// (200), LOAD_DURATION (60 s), LOAD_THINK_MS (1000: the mean pause between one person's
// requests) and LOAD_RAMP (start the people evenly over this many seconds, default 10).
// Node 20+, no dependencies. scripts/load.sh starts a fresh server and runs this against it.

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? '']),
);
const option = (name, env, fallback) => args[name] ?? process.env[env] ?? fallback;
const BASE = option('base', 'LOAD_BASE_URL', 'http://127.0.0.1:3200').replace(/\/$/, '');
const USERS = Number(option('users', 'LOAD_USERS', 200));
const DURATION_S = Number(option('duration', 'LOAD_DURATION', 60));
const THINK_MS = Number(option('think', 'LOAD_THINK_MS', 1000));
const RAMP_S = Number(option('ramp', 'LOAD_RAMP', Math.min(10, DURATION_S / 3)));
const ACCOUNTS_FILE = option('accounts', 'LOAD_ACCOUNTS', '');
const TIMEOUT_MS = 30_000;

// ---- Measurements -------------------------------------------------------------------------

const latencies = new Map(); // kind -> [ms]
const errors = new Map(); // kind -> count
const refusals = new Map(); // kind -> writes refused as they should be: stale, or over a cap
const samples = new Map(); // kind and problem -> the first such failure in full

function record(kind, ms, failure, refused) {
  if (!latencies.has(kind)) latencies.set(kind, []);
  latencies.get(kind).push(ms);
  if (refused) refusals.set(kind, (refusals.get(kind) ?? 0) + 1);
  if (failure) {
    errors.set(kind, (errors.get(kind) ?? 0) + 1);
    // One example of each kind of failure, with how often it happened.
    const key = `${kind}: ${failure.problem}`;
    if (samples.has(key)) samples.get(key).count += 1;
    else samples.set(key, { kind, count: 1, ...failure });
  }
}

// Nearest-rank percentile of a sorted list.
const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];

// ---- One simulated person -----------------------------------------------------------------

class Person {
  constructor(index, account, password) {
    this.index = index;
    this.account = account;
    this.password = password;
    this.cookies = new Map(); // its own cookie jar: the session cookie, set by sign-in
    this.actions = []; // actions this person added: {id, version, title}, updated later
    // The first simulated person of each account: the one that does what a person does once
    // (opening the workload vote, sending a notice), so copies of one account do not race.
    this.first = false;
  }

  // One request, timed to the last byte of the body. `form` makes it a server-function POST
  // (URL-encoded fields, JSON answer); without it, a GET of a server-rendered page. Returns the
  // parsed JSON or the HTML, or undefined when the request failed (the failure is recorded).
  // `capped`: a sentence the app answers with (422) when a person is over a cap it sets (open
  // proposals per person), counted as refused like a stale edit, never as an error.
  async request(kind, path, form, { mayConflict = false, redirects = false, capped = null } = {}) {
    const headers = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const init = { method: form ? 'POST' : 'GET', headers, redirect: 'manual' };
    if (form) {
      // The server refuses changes whose Origin is another site; a browser sends its own.
      headers.origin = BASE;
      headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(form).toString();
    }
    init.signal = AbortSignal.timeout(TIMEOUT_MS);
    const started = performance.now();
    let status = 0;
    let body = '';
    try {
      const response = await fetch(BASE + path, init);
      status = response.status;
      body = await response.text();
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const eq = pair.indexOf('=');
        const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
        if (/max-age=0/i.test(cookie) || value === '') this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
    } catch (err) {
      // fetch reports a dropped connection as "fetch failed"; the cause says how.
      body = `${err.name}: ${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ''}`;
    }
    const ms = performance.now() - started;
    // Two people changing the same thing at once: the app refuses the later one (409, the
    // stale-edit sentence) as it should. Counted apart, never as an error, for the writes where
    // simulated people share records (minutes, answers, votes).
    if ((mayConflict && status === 409) || (capped && status === 422 && body.includes(capped))) {
      record(kind, ms, null, true);
      return undefined;
    }
    // A server function that sends the browser on (creating a plan opens it) answers a plain
    // form post with a redirect, which is its success.
    if (redirects && status >= 300 && status < 400) {
      record(kind, ms, null);
      return body;
    }
    let problem = status >= 200 && status < 300 ? null : `HTTP ${status || 'no answer'}`;
    let result = body;
    if (!problem && form) {
      try {
        result = JSON.parse(body);
      } catch {
        problem = 'answer is not JSON';
      }
    } else if (!problem && !body.includes('Inloggad som')) {
      // Without a session the pages still answer 200 with an empty main: a lost session would
      // otherwise go unnoticed.
      problem = 'page rendered without a signed-in person';
    }
    const failure = problem && {
      problem,
      who: this.account,
      request: `${init.method} ${path}${init.body ? ` body: ${init.body}` : ''}`,
      // A page's title says what it is (such as "Sidan finns inte"); its head says nothing.
      answer: body.match(/<title>([^<]*)/)?.[1] ?? body.slice(0, 400),
    };
    record(kind, ms, failure);
    return problem ? undefined : result;
  }

  // Signs in and learns what this person may see: a unit (people with several take turns),
  // its meetings, and whether they may edit it.
  async start() {
    const signedIn = await this.request('sign in', site.signIn.action, {
      [site.signIn.email]: this.account,
      [site.signIn.password]: this.password,
    });
    if (signedIn === undefined) return false;
    const mine = await this.request('api: my units', '/api/mina-enheter', {});
    // HR and the administrator read the organisation's own pages besides the units'.
    this.rollup = mine?.sees_rollup ?? false;
    this.outbox = mine?.reads_outbox ?? false;
    this.firstRun = mine?.first_run ?? false;
    this.keeps = this.outbox; // HR somewhere: keeps its part of the tree
    const unit = mine?.units?.[this.index % Math.max(1, mine.units.length)];
    if (!unit) return true; // no unit: the start page and the next APT still work
    let plan = await this.request('api: plan', '/api/plan', { unit_id: unit.id });
    if (plan && !plan.exists && plan.can_edit) plan = await this.planYear(unit.id, plan);
    if (!plan) return true;
    const held = plan.meetings.filter((m) => !m.cancelled);
    this.unit = unit.id;
    this.canEdit = plan.can_edit;
    // Chefs and safety representatives fill the unit's checklists: the list says who may.
    const lists = await this.request('api: checklists', '/api/checklistor', { unit_id: unit.id });
    this.checklists = (lists?.checklists ?? []).filter((c) => c.id !== null && !c.done_on)
      .map((c) => c.id);
    this.canFill = this.canEdit && this.checklists.length > 0;
    this.next = held.find((m) => m.date >= plan.today)?.id; // the coming APT
    this.last = held.filter((m) => m.date < plan.today).pop()?.id; // the latest held one
    return true;
  }

  // A chef's first task in a new organisation: the year's plan from the wheel and its APTs
  // (one a month but July, at 13:00). Another editor of the unit may be doing the same at
  // once; the app refuses the later change as stale, and the plan read again is theirs.
  async planYear(unit, plan) {
    await this.request('write: create plan', '/api/plan/skapa',
      { unit_id: unit, year: plan.year, source: 'mall' }, { mayConflict: true, redirects: true });
    let fresh = await this.request('api: plan', '/api/plan', { unit_id: unit, year: plan.year });
    if (!fresh?.exists || fresh.meetings.length > 0) return fresh;
    let version = fresh.plan_version;
    for (const month of [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]) {
      const added = await this.request('write: add APT', '/api/plan/mote/ny', {
        unit_id: unit,
        year: plan.year,
        plan_version: version,
        'meeting[date]': `${plan.year}-${String(month).padStart(2, '0')}-15`,
        'meeting[start]': '13:00',
        'meeting[end]': '14:30',
        'meeting[location]': 'Konferensrummet',
        'meeting[online_link]': '',
      }, { mayConflict: true });
      if (added === undefined) break; // refused as stale: the other editor plans it
      version += 1;
    }
    fresh = await this.request('api: plan', '/api/plan', { unit_id: unit, year: plan.year });
    return fresh;
  }

  // What a person does, with weights: mostly reading the pages of their unit, now and then
  // proposing an item for the next APT; editors also keep the unit's action plan.
  tasks() {
    const u = this.unit;
    const unitTasks = u === undefined ? [] : [
      [15, 'page: plan', () => this.request('page: plan', `/enhet/${u}`)],
      [10, 'page: action plan', () => this.request('page: action plan', `/enhet/${u}/atgarder`)],
      [5, 'page: proposals', () => this.request('page: proposals', `/enhet/${u}/forslag`)],
      [5, 'page: checklists', () => this.request('page: checklists', `/enhet/${u}/checklistor`)],
      // The hydrated app fetches data through server functions when moving between pages.
      [5, 'api: plan', () => this.request('api: plan', '/api/plan', { unit_id: u })],
      [5, 'write: propose item', () => this.propose()],
    ];
    if (u !== undefined && this.next !== undefined) {
      const agenda = `/enhet/${u}/mote/${this.next}/dagordning`;
      unitTasks.push([10, 'page: agenda', () => this.request('page: agenda', agenda)]);
      unitTasks.push([5, 'api: agenda', () =>
        this.request('api: agenda', '/api/dagordning', { unit_id: u, meeting_id: this.next })]);
    }
    if (u !== undefined && this.last !== undefined) {
      const minutes = `/enhet/${u}/mote/${this.last}/minnesanteckningar`;
      unitTasks.push([10, 'page: minutes', () => this.request('page: minutes', minutes)]);
    }
    if (u !== undefined && this.canEdit) {
      unitTasks.push([5, 'write: action', () => this.keepActionPlan()]);
      if (this.last !== undefined) unitTasks.push([4, 'write: minutes', () => this.writeMinutes()]);
      if (this.next !== undefined && this.first) {
        unitTasks.push([2, 'write: notice', () => this.sendNotice()]);
        unitTasks.push([2, 'write: open vote', () => this.openVote()]);
      }
    }
    if (u !== undefined && this.canFill) {
      unitTasks.push([4, 'write: checklist answer', () => this.answerChecklist()]);
    }
    if (u !== undefined && this.next !== undefined) {
      unitTasks.push([3, 'write: vote', () => this.vote()]);
    }
    const keeperTasks = [];
    if (this.keeps) {
      keeperTasks.push([10, 'page: organisation', () => this.request('page: organisation', '/organisation')]);
    }
    if (this.rollup) {
      keeperTasks.push([10, 'page: roll-up', () => this.request('page: roll-up', '/uppfoljning')]);
      keeperTasks.push([5, 'page: roll-up actions', () =>
        this.request('page: roll-up actions', '/uppfoljning/atgarder')]);
    }
    if (this.outbox) {
      keeperTasks.push([3, 'page: outbox', () => this.request('page: outbox', '/utkorg')]);
    }
    if (this.firstRun) {
      keeperTasks.push([5, 'page: first run', () => this.request('page: first run', '/kom-igang')]);
    }
    return [
      [15, 'page: start', () => this.request('page: start', '/')],
      [10, 'page: next APT', () => this.request('page: next APT', '/nasta-apt')],
      ...unitTasks,
      ...keeperTasks,
    ];
  }

  // Anyone who may read the unit may propose; "" leaves the meeting to the chef.
  propose() {
    return this.request('write: propose item', '/api/forslag/nytt', {
      unit_id: this.unit,
      meeting_id: '',
      title: `Lasttest: förslag från person ${this.index}`,
      description: 'Skapat av scripts/load.mjs.',
    }, { capped: 'förslag som chefen inte har tagit ställning till' });
  }

  // Adds an action, later now and then another (up to three), and otherwise updates one of its
  // own: no two people edit the same action, so the optimistic version check never trips and a
  // conflict here would be a real error.
  async keepActionPlan() {
    const add = this.actions.length === 0 || (this.actions.length < 3 && Math.random() < 0.3);
    if (add) {
      const title = `Lasttest: åtgärd ${this.index}.${this.actions.length + 1}`;
      const id = await this.request('write: add action', '/api/handlingsplan/ny', {
        unit_id: this.unit,
        source: 'other',
        note: 'scripts/load.mjs',
        'action[title]': title,
        'action[description]': 'Skapad av lasttestet.',
      });
      if (typeof id === 'number') this.actions.push({ id, version: 1, title });
      return;
    }
    const action = this.actions[Math.floor(Math.random() * this.actions.length)];
    const version = await this.request('write: update action', '/api/handlingsplan/andra', {
      unit_id: this.unit,
      action_id: action.id,
      version: action.version,
      status: 'in_progress',
      'action[title]': action.title,
      'action[comment]': `Uppdaterad ${new Date().toISOString()}`,
    });
    if (typeof version === 'number') action.version = version;
  }

  // Writes the notes of one item of the latest held APT (or, when that had no agenda, of the
  // coming one, as a chef prepares them), over what the page showed.
  async writeMinutes() {
    let form;
    let minutes;
    let items = [];
    for (const meeting of [this.last, this.next].filter((m) => m !== undefined)) {
      form = { unit_id: this.unit, meeting_id: meeting };
      minutes = await this.request('api: minutes', '/api/minnesanteckningar', form);
      items = (minutes?.draft ?? []).flatMap((s) => s.items);
      if (items.length) break;
    }
    if (!minutes?.can_edit || !items.length) return;
    const item = items[Math.floor(Math.random() * items.length)];
    await this.request('write: minutes', '/api/minnesanteckningar/punkt', {
      ...form,
      item_id: item.id,
      'text[notes]': `Lasttest: anteckning av person ${this.index} ${new Date().toISOString()}`,
      'text[decision]': item.decision,
      'text[notes_before]': item.notes,
      'text[decision_before]': item.decision,
    }, { mayConflict: true });
  }

  // Answers one question of one of the unit's open checklists, over the answer it showed.
  async answerChecklist() {
    const id = this.checklists[Math.floor(Math.random() * this.checklists.length)];
    const form = { unit_id: this.unit, checklist_id: id };
    const list = await this.request('api: checklist', '/api/checklista', form);
    const questions = (list?.areas ?? []).flatMap((a) => a.questions);
    if (!list?.can_fill || list.done || !questions.length) return;
    const q = questions[Math.floor(Math.random() * questions.length)];
    const codes = q.scale === 'YesNo' ? ['yes', 'partly', 'no'] : ['fully_agree', 'partly_agree'];
    const code = (variant) => variant.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase());
    await this.request('write: checklist answer', '/api/checklista/svar', {
      ...form,
      question_id: q.id,
      answer: codes[Math.floor(Math.random() * codes.length)],
      analysis: `Lasttest: analys av person ${this.index}`,
      before_answer: q.answer ? code(q.answer) : '',
      before_analysis: q.analysis,
    }, { mayConflict: true });
  }

  // Sends the next APT's notice when it has not gone out, or its update when the agenda changed
  // since (a late one confirmed, as the chef would).
  async sendNotice() {
    const form = { unit_id: this.unit, meeting_id: this.next };
    const agenda = await this.request('api: agenda', '/api/dagordning', form);
    const notice = agenda?.notice;
    const hasItems = (agenda?.sections ?? []).some((s) => s.items.length > 0);
    if (agenda?.can_edit && !hasItems) {
      // An agenda comes first: the chef makes it from the plan, as "Skapa från planen" does.
      await this.request('write: compose agenda', '/api/dagordning/fran-planen', form);
      return;
    }
    if (!notice || !hasItems || (notice.sent.length > 0 && !notice.agenda_changed)) return;
    await this.request('write: notice', '/api/kallelse/skicka', {
      ...form,
      agenda_version: agenda.agenda_version,
      confirm_late: 'on',
    }, { mayConflict: true });
  }

  // Opens the anonymous workload vote of the next APT (traffic light) when it is not open.
  async openVote() {
    const form = { unit_id: this.unit, meeting_id: this.next };
    const check = await this.request('api: workload', '/api/avstamning', form);
    if (!check?.can_edit || check.voting_open) return;
    await this.request('write: open vote', '/api/avstamning/rostning', {
      ...form,
      method: 'traffic_light',
      open: true,
    });
  }

  // Votes once in the next APT's workload check while it is open.
  async vote() {
    const form = { unit_id: this.unit, meeting_id: this.next };
    const check = await this.request('api: workload', '/api/avstamning', form);
    if (!check?.may_vote || !check.voting_open || check.has_voted) return;
    const light = check.method === 'Quadrant' ? null : ['red', 'yellow', 'green'][this.index % 3];
    const choice = light ? { light } : { load: String(1 + (this.index % 4)), control: '2' };
    await this.request('write: vote', '/api/avstamning/rosta', { ...form, ...choice },
      { mayConflict: true });
  }

  async run(deadline) {
    if (!(await this.start())) return;
    const tasks = this.tasks();
    const total = tasks.reduce((sum, [w]) => sum + w, 0);
    while (performance.now() < deadline) {
      let pick = Math.random() * total;
      const [, , task] = tasks.find(([w]) => (pick -= w) < 0) ?? tasks[0];
      await task();
      // A random pause around the mean keeps the people out of step with each other.
      await sleep(Math.min(Math.random() * 2 * THINK_MS, Math.max(0, deadline - performance.now())));
    }
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- The run ------------------------------------------------------------------------------

// What a browser sees first: the sign-in page, with its password form and, in demo mode, the
// demo accounts and their shared password. Reading them from the page (not from a server
// function's name) keeps this tool working as the app changes; the test command runs a short
// load, so a page that no longer offers them fails a test.
async function discover() {
  const response = await fetch(`${BASE}/logga-in`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET /logga-in answered ${response.status}`);
  // The server's render marks its text nodes with empty comments (`<!>`); a browser ignores
  // them, so do we.
  const html = (await response.text()).replace(/<!>|<!--[\s\S]*?-->/g, '');
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .find((f) => /<input\b[^>]*type="password"/.test(f));
  const nameOf = (type) => form?.match(new RegExp(`<input\\b[^>]*type="${type}"[^>]*>`))?.[0]
    .match(/\bname="([^"]+)"/)?.[1];
  const signIn = {
    action: form?.match(/\baction="([^"]+)"/)?.[1],
    email: nameOf('email'),
    password: nameOf('password'),
  };
  const section = html.match(/<section\b[^>]*sign-in__demo[\s\S]*?<\/section>/)?.[0] ?? '';
  const codes = [...section.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1].trim());
  const accounts = codes.filter((c) => c.includes('@'));
  const password = codes.find((c) => !c.includes('@'));
  return { signIn, accounts, password };
}

const site = await discover().catch((err) => {
  console.error(`Cannot read the sign-in page of ${BASE}: ${err.message}`);
  process.exit(2);
});
if (!site.signIn.action || !site.signIn.email || !site.signIn.password) {
  console.error(`${BASE}/logga-in has no password form (is ARSHJUL_LOCAL_ACCOUNTS off?).`);
  process.exit(2);
}
let demo;
if (ACCOUNTS_FILE) {
  const { readFileSync } = await import('node:fs');
  const accounts = readFileSync(ACCOUNTS_FILE, 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')).map((email) => ({ email }));
  if (!accounts.length || !process.env.LOAD_PASSWORD) {
    console.error(`${ACCOUNTS_FILE} lists no accounts, or LOAD_PASSWORD is unset.`);
    process.exit(2);
  }
  demo = { password: process.env.LOAD_PASSWORD, accounts };
} else {
  if (!site.accounts.length || !site.password) {
    console.error(`${BASE}/logga-in lists no demo accounts: start the server with ARSHJUL_DEMO=1 ` +
      'or name the accounts with --accounts.');
    process.exit(2);
  }
  demo = { password: site.password, accounts: site.accounts.map((email) => ({ email })) };
}

console.log(`Load: ${USERS} people, ${demo.accounts.length} accounts, ${DURATION_S} s ` +
  `(started over ${RAMP_S.toFixed(1)} s), mean think time ${THINK_MS} ms, against ${BASE}`);
const t0 = performance.now();
const deadline = t0 + DURATION_S * 1000;
const people = Array.from({ length: USERS }, (_, i) =>
  new Person(i, demo.accounts[i % demo.accounts.length].email, demo.password));
people.slice(0, demo.accounts.length).forEach((p) => { p.first = true; });
// People arrive evenly over the ramp rather than all in the same millisecond.
await Promise.all(people.map(async (person, i) => {
  await sleep((RAMP_S * 1000 * i) / USERS);
  await person.run(deadline);
}));
const elapsed = (performance.now() - t0) / 1000;

// Sign everyone out (not measured), so the sessions do not linger in the database.
await Promise.all(people.filter((p) => p.cookies.size).map((p) =>
  fetch(`${BASE}/api/logga-ut`, {
    method: 'POST',
    headers: { origin: BASE, cookie: [...p.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    redirect: 'manual',
  }).then((r) => r.text()).catch(() => {})));

// ---- Report -------------------------------------------------------------------------------

const row = (kind, list, errs, refused) => {
  const s = [...list].sort((a, b) => a - b);
  const f = (q) => percentile(s, q).toFixed(1).padStart(8);
  return `${kind.padEnd(26)}${String(s.length).padStart(8)}${String(errs).padStart(7)}` +
    `${String(refused).padStart(8)}${f(0.5)}${f(0.9)}${f(0.99)}${s.at(-1).toFixed(1).padStart(9)}`;
};
const all = [...latencies.values()].flat();
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
const refusedCount = [...refusals.values()].reduce((a, b) => a + b, 0);
console.log(`\n${'kind'.padEnd(26)}${'count'.padStart(8)}${'errors'.padStart(7)}` +
  `${'refused'.padStart(8)}${'p50 ms'.padStart(8)}${'p90 ms'.padStart(8)}${'p99 ms'.padStart(8)}` +
  `${'max ms'.padStart(9)}`);
for (const kind of [...latencies.keys()].sort()) {
  console.log(row(kind, latencies.get(kind), errors.get(kind) ?? 0, refusals.get(kind) ?? 0));
}
if (all.length) console.log(row('all', all, errorCount, refusedCount));
const writes = [...latencies].filter(([k]) => k.startsWith('write')).flatMap(([, l]) => l).length;
console.log(`\n${all.length} requests (${writes} writes) in ${elapsed.toFixed(1)} s: ` +
  `${(all.length / elapsed).toFixed(1)} requests/s; errors: ${errorCount}; refused as the app ` +
  `should (another person changed the same thing first, or a person is over a cap): ${refusedCount}`);
for (const s of samples.values()) {
  console.log(`\nFAILED ${s.count}× ${s.kind} (${s.problem}); the first, as ${s.who}:` +
    `\n  ${s.request}\n  answer: ${s.answer}`);
}
process.exit(errorCount > 0 || all.length === 0 ? 1 : 0);
