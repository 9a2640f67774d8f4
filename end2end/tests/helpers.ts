// Shared steps of the user flows: signing in as a demo person and checking a page with axe-core.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'demo1234';

/**
 * The app's today as YYYY-MM-DD: `ARSHJUL_TODAY` when the suite runs the server on another day
 * (start-server.sh hands it on), else the machine's local date. Flows that reckon from today use
 * this, never the browser's or Node's clock, so the suite passes on any day of the year.
 */
export const TODAY: string = process.env.ARSHJUL_TODAY || localIso(new Date());

/** The year of {@link TODAY}. */
export const THIS_YEAR = Number(TODAY.slice(0, 4));

function localIso(d: Date) {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The date `days` after the app's today (before it when negative), as YYYY-MM-DD. */
export function isoDaysFromToday(days: number) {
  const d = new Date(`${TODAY}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * How many years of its own each flow plans in (per project): the one table the years come from.
 * Each test that makes a plan takes its year with {@link ownYear}, so no flow sees another's
 * plans and none depends on another having run, whatever the order or the day.
 */
const FUTURE_YEARS = {
  'edit-plan': 6,
  'required-topics': 1,
  agenda: 1,
  attachments: 2,
  minutes: 3,
  checklists: 2,
  'action-plan': 1,
  workload: 1,
  'stale-edits': 1,
  template: 1,
  'every-level': 1,
  // Its own group's year; the demo group's plan of that year is the bilagor flow's.
  cooperation: 1,
  'cooperation-protocol': 1,
  // Last: a year's checklist templates are copied from the nearest earlier year's, so the years
  // whose templates this flow changes lie above every other flow's.
  'checklist-templates': 1,
} as const;

/** ... and years long past (2020 on), for flows about what is late. */
const PAST_YEARS = { 'late-notice': 1, 'health-service': 1 } as const;

/**
 * ... and years further back (2010 on), for flows about reports on a year that need no plan of
 * it (the work environment report): a year no other flow and no demo data touches.
 */
const REPORT_YEARS = { 'env-report': 1, 'env-import': 1 } as const;

/** The projects that run flows in parallel; each gets its own year of every slot. */
const PROJECTS = ['desktop', 'phone', 'no-js'];

function slotYear(table: Record<string, number>, first: number, flow: string, slot: number) {
  const project = PROJECTS.indexOf(test.info().project.name);
  const count = table[flow];
  if (project < 0 || slot < 0 || slot >= count) {
    throw new Error(`no year for ${flow} #${slot} in project ${test.info().project.name}`);
  }
  let before = 0;
  for (const [name, n] of Object.entries(table)) {
    if (name === flow) break;
    before += n;
  }
  const year = first + (before + slot) * PROJECTS.length + project;
  if (year > 2100) {
    // The app plans 2000 to 2100 (domain::PlanYear): a new flow must share a year, not add one.
    throw new Error(`${flow} would plan in ${year}, past the last year the app plans (2100)`);
  }
  return year;
}

/**
 * The year test number `slot` of `flow` plans in, in the running project: after 2030, so beyond
 * the demo's years (2026 and the current year) and any day the suite's clock is moved to.
 */
export function ownYear(flow: keyof typeof FUTURE_YEARS, slot = 0) {
  return slotYear(FUTURE_YEARS, 2031, flow, slot);
}

/** The years test `slot` of `flow` plans in across the projects (what other projects' runs add). */
export function ownYearsInAllProjects(flow: keyof typeof FUTURE_YEARS, slot = 0) {
  const year = ownYear(flow, slot);
  const project = PROJECTS.indexOf(test.info().project.name);
  return PROJECTS.map((_, i) => year - project + i);
}

/** A report year of `flow`'s own in the running project (2010 on: before every other flow's). */
export function ownReportYear(flow: keyof typeof REPORT_YEARS, slot = 0) {
  return slotYear(REPORT_YEARS, 2010, flow, slot);
}

/** A past year of `flow`'s own in the running project (2020 to 2025: before the demo's). */
export function ownPastYear(flow: keyof typeof PAST_YEARS, slot = 0) {
  return slotYear(PAST_YEARS, 2020, flow, slot);
}

/** Demo people by role (from seeds/demo_org.json). */
export const people = {
  chef: 'anna.lindqvist@exempelstad.se', // Enhetschef, Hemtjänst Norr
  medarbetare: 'mehmet.yilmaz@exempelstad.se', // Medarbetare, Hemtjänst Norr
  otherChef: 'ingrid.astrom@exempelstad.se', // Enhetschef, Barn- och ungdomsenheten
  hr: 'fredrik.holmqvist@exempelstad.se', // HR, Socialförvaltningen
};

/**
 * The demo's second organisation, Norrvik: the flows that change what holds for a whole
 * organisation (its template, its culling decisions) run there, so no other flow sees them.
 */
export const norrvik = {
  hr: 'sara.lindahl@norrvik.se', // HR at the root, Norrvik
  chef: 'peter.olofsson@norrvik.se', // Bibliotekschef, Stadsbiblioteket
  medarbetare: 'ali.rahimi@norrvik.se', // Biblioteksassistent, Stadsbiblioteket
  unit: 'Stadsbiblioteket',
};

/** Waits until the page is interactive (hydrated); a no-op when JavaScript is off. */
export async function hydrated(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 20_000 });
}

/** Loads a page and waits until it is interactive. */
export async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await hydrated(page);
  return response;
}

/**
 * Signs `page`'s browser in as `email` through the sign-in server function (the cookie lands in
 * the page's context) and opens the home page. Each test gets its own session, so a flow that
 * signs out or ends other sessions cannot touch another's; the form itself is the sign-in flow's
 * to test (see {@link signInThroughForm}).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post('/api/logga-in', { form: { email, password } });
  expect(response.status(), `sign-in as ${email}`).toBeLessThan(400);
  await open(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
}

/** Signs in as a person would: the sign-in page, its two fields and its button. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await open(page, '/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
}

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules and expects no violation. */
// axe-core runs as injected JavaScript, so the no-JS project skips it (the same pages are checked
// in the desktop and phone projects).
export async function expectAccessible(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** What the test mail server (end2end/smtp-sink.mjs) received. */
export const MAIL_SINK = `http://127.0.0.1:${process.env.ARSHJUL_SMTP_SINK_HTTP_PORT ?? 2526}/messages`;
export type Mail = { to: string[]; subject: string; text: string; attachments: { contentType: string; content: string }[] };


export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
}

/**
 * A unit's plan for `year` (Hemtjänst Norr's unless `chef` and `unit` say otherwise), made from
 * the wheel with APTs on 10 March and 14 April.
 */
export async function planWithTwoMeetings(
  page: Page,
  year: number,
  meetings = 2,
  { chef, unit }: { chef: string; unit: string } = { chef: people.chef, unit: 'Hemtjänst Norr' },
) {
  await signIn(page, chef);
  await page.getByRole('link', { name: unit }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(unit) })).toBeVisible();
  const planUrl = `${new URL(page.url()).pathname}?ar=${year}`;
  await open(page, planUrl);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const form = page.getByRole('region', { name: 'Lägg till APT' });
  const status = page.getByRole('region', { name: 'Planens status' });
  for (const [date, count] of ([[`${year}-03-10`, 1], [`${year}-04-14`, 2]] as const).slice(0, meetings)) {
    await form.getByLabel('Datum').fill(date);
    await form.getByLabel('Starttid').fill('13:00');
    await form.getByLabel('Sluttid').fill('14:00');
    await form.getByLabel('Plats').fill('Eken');
    await form.getByRole('button', { name: 'Lägg till APT' }).click();
    await expect(status.getByText(`${count} av minst 8 APT planerade`)).toBeVisible();
  }
  // Wait for the placing itself (it may place nothing new), so no later click races its redraw.
  const placed = page.waitForResponse((r) => r.url().includes('/api/plan/amne/placera-alla'));
  await page.getByRole('button', { name: 'Placera ämnen i föreslagna möten' }).click();
  await placed;
  await page.waitForLoadState();
  await expect(status.getByText(/ämnen är inte placerade/)).toBeVisible();
  return planUrl;
}
