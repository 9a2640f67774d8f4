// A new organisation starts for real: the one administrator `server create-admin` made signs in
// on an empty organisation (a second server beside the demo, started by start-server.sh without
// demo data), is led to the first-run page, names the organisation, imports a small HR export
// (preview, then apply), invites HR, sets how people sign in, invites the imported chef who
// chooses a password through the mailed link and plans the unit's year, and says the
// organisation is ready. The organisation is one for the whole suite, so the desktop run walks
// the steps; the phone run reads the page and is told what is wrong with a bad domain.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, type Mail, MAIL_SINK, open, signIn, signInThroughForm, signOut } from './helpers';

const FRESH = `http://127.0.0.1:${process.env.ARSHJUL_E2E_FRESH_PORT ?? '3101'}`;
const ADMIN = 'ada.admin@nyastad.se';
const ADMIN_PASSWORD = process.env.ARSHJUL_E2E_ADMIN_PASSWORD ?? 'forsta administratoren 2026';

test.use({ baseURL: FRESH });

const UNITS = `Enhetskod;Överordnad kod;Namn;Typ
NS-S;;Socialförvaltningen;Förvaltning
NS-S1;NS-S;Hemtjänst Väst;Enhet
`;
const PEOPLE = `Anställningsnummer;E-post;Namn;Titel;Enhetskod;Roll;Fackförbund
7001;cecilia.chef@nyastad.se;Cecilia Chef;Enhetschef;NS-S1;Chef;
7002;mats.med@nyastad.se;Mats Med;Undersköterska;NS-S1;Medarbetare;
`;

async function invitationLink(page: Page, to: string) {
  const mails = async () =>
    ((await (await page.request.get(MAIL_SINK)).json()) as Mail[]).filter(
      (m) => m.to.includes(to) && m.subject === 'Välkommen till Årshjul',
    );
  await expect.poll(async () => (await mails()).length).toBeGreaterThan(0);
  const all = await mails();
  const url = all[all.length - 1].text.match(/https?:\/\/\S+\/valj-losenord\/[0-9a-f]+/)?.[0];
  expect(url).toBeTruthy();
  return new URL(url!).pathname;
}

test.beforeAll(async ({ request }) => {
  // The fresh server starts beside the demo's; wait until it answers.
  await expect.poll(async () => (await request.get(`${FRESH}/healthz`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
});

test('The first administrator sets up a new organisation', async ({ page }) => {
  test.skip(test.info().project.name !== 'desktop', 'one organisation for the suite: the desktop run sets it up');
  await signIn(page, ADMIN, ADMIN_PASSWORD);
  await expect(page.getByText('Organisationen är inte igång än.')).toBeVisible();
  await page.getByRole('link', { name: 'Kom igång' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kom igång' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /1\. Namnge organisationen Inte gjort än/ })).toBeVisible();
  await expectAccessible(page);

  // 1. The organisation's name.
  const name = page.getByRole('region', { name: /Namnge organisationen/ });
  await name.getByLabel('Organisationens namn').fill('');
  await name.getByRole('button', { name: 'Spara' }).click();
  await expect(name.getByText('Skriv ett namn', { exact: false })).toBeVisible();
  await name.getByLabel('Organisationens namn').fill('Nya stadens kommun');
  await name.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /1\. Namnge organisationen Klart/ })).toBeVisible();

  // 2. The tree, from the HR system's export.
  await page.getByRole('link', { name: 'Importera från HR-systemet' }).click();
  await page.getByLabel('Excel-arbetsbok (.xlsx) eller två CSV-filer').setInputFiles([
    { name: 'enheter.csv', mimeType: 'text/csv', buffer: Buffer.from(UNITS, 'utf-8') },
    { name: 'personer.csv', mimeType: 'text/csv', buffer: Buffer.from(PEOPLE, 'utf-8') },
  ]);
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const changes = page.getByRole('region', { name: 'Det här ändras' });
  await expect(changes.getByText('Nya enheter: 2')).toBeVisible();
  await expect(changes.getByText('Nya personer: 2')).toBeVisible();
  // The preview came by a full page load (the upload's redirect): wait for it to be interactive.
  await hydrated(page);
  await page.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(page.getByText(/Importen är genomförd/)).toBeVisible();
  await open(page, '/kom-igang');
  await expect(page.getByText('Nu: 2 delar under organisationen och 3 personer.')).toBeVisible();

  // 3. HR, invited by mail.
  const hr = page.getByRole('region', { name: /Bjud in HR/ });
  await hr.getByLabel('Namn', { exact: true }).fill('Hanna Personal');
  await hr.getByLabel('E-post').fill('hanna.personal@nyastad.se');
  await hr.getByRole('button', { name: 'Bjud in' }).click();
  await expect(hr.getByText('En inbjudan att välja lösenord är skickad', { exact: false })).toBeVisible();
  await expect(hr.getByRole('listitem').filter({ hasText: 'Hanna Personal' })).toContainText('Inbjuden');
  await invitationLink(page, 'hanna.personal@nyastad.se');

  // 4. How people sign in: a bad domain is named beside the field; a good one is kept.
  const signInStep = page.getByRole('region', { name: /Bestäm hur personerna loggar in/ });
  await signInStep.getByLabel('Organisationens e-postdomäner').fill('nyastad');
  await signInStep.getByRole('button', { name: 'Spara' }).click();
  await expect(signInStep.getByText('nyastad är ingen domän', { exact: false })).toBeVisible();
  await signInStep.getByLabel('Organisationens e-postdomäner').fill('nyastad.se');
  await signInStep.getByLabel('Vem ska den som saknar roll fråga?').fill('HR-enheten, hr@nyastad.se');
  await signInStep.getByRole('button', { name: 'Spara' }).click();
  await expect(signInStep.getByText('Inställningarna är sparade.')).toBeVisible();
  await expectAccessible(page);

  // The imported chef gets an invitation from the unit's page.
  await open(page, '/organisation');
  await page.getByRole('link', { name: 'Socialförvaltningen' }).click();
  await page.getByRole('link', { name: 'Hemtjänst Väst' }).click();
  const staff = page.getByRole('region', { name: 'Personer och roller här' });
  await staff.getByRole('button', { name: 'Skicka ny inbjudan till Cecilia Chef' }).click();
  await expect(staff.getByText('En ny inbjudan är skickad.', { exact: false })).toBeVisible();
  const link = await invitationLink(page, 'cecilia.chef@nyastad.se');

  // Ready: the start page stops leading here.
  await open(page, '/kom-igang');
  await page.getByRole('button', { name: 'Organisationen är redo' }).click();
  await expect(page.getByText('Organisationen är igång.')).toBeVisible();
  await open(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
  await expect(page.getByText('Organisationen är inte igång än.')).toHaveCount(0);
  await signOut(page);

  // The chef chooses a password, signs in and plans the unit's year from the wheel.
  await open(page, link);
  await expect(page.getByText('Välkommen, Cecilia Chef!', { exact: false })).toBeVisible();
  const password = 'hemtjänsten i väst planerar året';
  await page.getByLabel('Nytt lösenord').fill(password);
  await page.getByLabel('Upprepa lösenordet').fill(password);
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(page.getByText('Lösenordet är sparat. Nu kan du logga in.')).toBeVisible();
  await signInThroughForm(page, 'cecilia.chef@nyastad.se', password);
  await page.getByRole('link', { name: 'Hemtjänst Väst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hemtjänst Väst/ })).toBeVisible();
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  await expect(page.getByRole('region', { name: 'Planens status' })).toBeVisible();
});

test('The first-run page reads well on a phone and names a bad domain', async ({ page }) => {
  test.skip(test.info().project.name !== 'phone', 'the desktop run walks the steps');
  await signIn(page, ADMIN, ADMIN_PASSWORD);
  await open(page, '/kom-igang');
  await expect(page.getByRole('heading', { level: 1, name: 'Kom igång' })).toBeVisible();
  for (const step of ['Namnge organisationen', 'Bygg organisationens träd', 'Bjud in HR', 'Bestäm hur personerna loggar in']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(step) })).toBeVisible();
  }
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const signInStep = page.getByRole('region', { name: /Bestäm hur personerna loggar in/ });
  await signInStep.getByLabel('Organisationens e-postdomäner').fill('inte en domän');
  await signInStep.getByRole('button', { name: 'Spara' }).click();
  await expect(signInStep.getByText('är ingen domän', { exact: false })).toBeVisible();
});

