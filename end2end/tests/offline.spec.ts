// An employee reads the next APT on the phone without a connection: the chef sends the agenda,
// the employee opens "Nästa APT" once while online, and reads the same page offline with
// "Offline – sparad HH:MM". The copy lives with the session: ended elsewhere or signed out, it
// is forgotten, and offline it is served with the page's own security policy. Each project works on its own
// unit and plans its own APT for today, so parallel runs never send the same meeting's notice and
// the flow passes on any day of the year.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, open, signIn, THIS_YEAR, TODAY } from './helpers';

test.describe.configure({ timeout: 120_000 });

const unitFor = (project: string) =>
  project === 'phone'
    ? {
        chef: 'mattias.hakansson@exempelstad.se',
        member: 'leila.karimi@exempelstad.se',
        unit: 'Solgårdens vård- och omsorgsboende',
      }
    : {
        chef: 'johan.wikstrom@exempelstad.se',
        member: 'nadia.haddad@exempelstad.se',
        unit: 'Enheten för ekonomiskt bistånd',
      };

/**
 * The chef plans an APT today at 06:00, before any other meeting of the day, so it is the unit's
 * next APT whatever the demo or other flows have planned, on any day of the year.
 */
async function planTodaysMeeting(page: Page, unit: string) {
  await open(page, '/');
  await page.getByRole('link', { name: unit }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(unit) })).toBeVisible();
  await open(page, `${new URL(page.url()).pathname}?ar=${THIS_YEAR}`);
  const create = page.getByRole('button', { name: 'Skapa från årshjulet' });
  if (await create.isVisible()) await create.click();
  const form = page.getByRole('region', { name: 'Lägg till APT' });
  await form.getByLabel('Datum').fill(TODAY);
  await form.getByLabel('Starttid').fill('06:00');
  await form.getByLabel('Sluttid').fill('07:00');
  await form.getByLabel('Plats').fill('Rum Linden');
  await form.getByRole('button', { name: 'Lägg till APT' }).click();
  const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
    'september', 'oktober', 'november', 'december'];
  const [y, m, d] = TODAY.split('-').map(Number);
  const day = `${d} ${months[m - 1]} ${y}`;
  await expect(page.getByRole('link', { name: new RegExp(`^Dagordning .*${day}`) }).first()).toBeVisible();
  await open(page, '/nasta-apt');
}

/** The chef composes the next APT's agenda with one item of their own and sends the notice. */
async function sendNextAgenda(page: Page, who: ReturnType<typeof unitFor>, itemTitle: string) {
  await signIn(page, who.chef);
  await planTodaysMeeting(page, who.unit);
  await expect(page.getByRole('heading', { level: 1, name: 'Nästa APT' })).toBeVisible();
  await page.getByRole('region', { name: who.unit }).getByRole('link', { name: 'Öppna dagordningen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Dagordning/ })).toBeVisible();
  await hydrated(page);
  await page.getByRole('button', { name: 'Skapa dagordning från planen' }).click();
  await expect(page.getByRole('region', { name: 'Löpande punkter' })).toBeVisible();
  const add = page.getByRole('region', { name: 'Ny punkt', exact: true });
  await add.getByLabel('Rubrik').fill(itemTitle);
  await add.getByLabel('Minuter').fill('10');
  await add.getByRole('button', { name: 'Lägg till punkt' }).click();
  await expect(page.getByRole('heading', { level: 3, name: itemTitle })).toBeVisible();

  const notice = page.getByRole('region', { name: 'Kallelse', exact: true });
  await notice.getByRole('button', { name: 'Skicka kallelse' }).click();
  // Close to the meeting the notice is late, and the chef confirms sending it anyway.
  await expect(notice.getByText(/Kallelsen är skickad|Kryssa i rutan för att skicka ändå/)).toBeVisible();
  const late = notice.getByLabel('Jag vet att kallelsen är sen och vill skicka den ändå');
  if (await late.isVisible()) {
    await late.check();
    await notice.getByRole('button', { name: 'Skicka kallelse' }).click();
  }
  await expect(notice.getByText(/Kallelsen är skickad till \d+ mottagare\./)).toBeVisible();
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
}

test('an employee reads the next agenda offline; a session ended elsewhere or signing out forgets it', async ({ page, context, browser }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'the service worker needs JavaScript');
  const who = unitFor(project);
  const itemTitle = `Skyddsronden ${project}`;
  await sendNextAgenda(page, who, itemTitle);

  // Online: the employee opens the page once; the service worker keeps it.
  await signIn(page, who.member);
  await page.getByRole('link', { name: 'Nästa APT' }).click();
  const unit = page.getByRole('region', { name: who.unit });
  await expect(unit.getByRole('heading', { level: 4, name: itemTitle })).toBeVisible();
  await expect(unit.getByRole('heading', { level: 3, name: 'Löpande punkter' })).toBeVisible();
  await expect(page.getByText(/^Offline – sparad/)).toBeHidden();
  await expectAccessible(page);
  // This one visit is enough: once the worker is active it saves the page in the background.
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/nasta-apt')))).toBe(true);

  // Offline: the same page, from the phone, says it is a saved copy and from when.
  await context.setOffline(true);
  const offline = await page.goto('/nasta-apt');
  await expect(page.getByText(/^Offline – sparad \d{2}:\d{2}$/)).toBeVisible();
  await expect(page.getByRole('region', { name: who.unit }).getByRole('heading', { level: 4, name: itemTitle })).toBeVisible();
  // The copy is served with the policy it was saved with (its scripts carry that nonce).
  expect(offline?.headers()['content-security-policy']).toContain("'nonce-");
  await expectAccessible(page);

  // The person ends their other sessions from another browser: the phone's next page online
  // finds its session gone, and the copy goes with it.
  await context.setOffline(false);
  const elsewhere = await browser.newContext();
  const laptop = await elsewhere.newPage();
  await signIn(laptop, who.member);
  await open(laptop, '/konto');
  await laptop.getByRole('button', { name: 'Logga ut från alla andra enheter' }).click();
  await expect(laptop.getByText('Du är inte inloggad någon annanstans.')).toBeVisible();
  await elsewhere.close();
  await page.goto('/');
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/nasta-apt')))).toBe(false);
  await context.setOffline(true);
  await page.goto('/nasta-apt').catch(() => undefined);
  await expect(page.getByText(itemTitle)).toHaveCount(0);
  await context.setOffline(false);

  // Signed in again, the page is saved again.
  await signIn(page, who.member);
  await open(page, '/nasta-apt');
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/nasta-apt')))).toBe(true);

  // Online again: signing out drops the copy, so the next person on the phone finds nothing.
  await context.setOffline(false);
  await open(page, '/nasta-apt');
  await expect(page.getByText(/^Offline – sparad/)).toBeHidden();
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/nasta-apt')))).toBe(false);
  await context.setOffline(true);
  await page.goto('/nasta-apt').catch(() => undefined);
  await expect(page.getByText(itemTitle)).toHaveCount(0);
  await context.setOffline(false);
});

test('the next APT page reads without JavaScript, and other units are not on it @ssr', async ({ page }) => {
  const who = unitFor('desktop');
  await signIn(page, who.member);
  // The page is HTML and style alone: it loads no wasm and none of the app's scripts.
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await open(page, '/nasta-apt');
  await expect(page.getByRole('heading', { level: 1, name: 'Nästa APT' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: who.unit })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
  expect(loaded.filter((path) => path.endsWith('.wasm') || /^\/pkg\/.*\.js$/.test(path))).toEqual([]);
  expect(await page.locator('script[type="module"], link[rel="modulepreload"]').count()).toBe(0);
  await expect(page.getByText(/^Offline – sparad/)).toBeHidden();
  await expectAccessible(page);
});

test('the service worker is served for this build and keeps only its own files', async ({ request }) => {
  const response = await request.get('/sw.js');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('javascript');
  expect(response.headers()['cache-control']).toBe('no-cache');
  const text = await response.text();
  expect(text).toMatch(/const CACHE = "arshjul-[0-9a-f]{16}";/);
  const assets: string[] = JSON.parse(text.match(/const ASSETS = (\[.*\]);/)![1]);
  // The page is plain HTML without islands: the style is the only build file it needs.
  expect(assets.filter((a) => a.startsWith('/pkg/'))).toEqual([expect.stringMatching(/^\/pkg\/arshjul\.[^/]+\.css$/)]);
  for (const asset of assets) expect((await request.get(asset)).status(), asset).toBe(200);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.start_url).toBe('/nasta-apt');
  expect(manifest.display).toBe('standalone');
  // Installable: a 192 and a 512 pixel icon, both served.
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i: { sizes: string }) => i.sizes === size);
    expect((await request.get(icon.src)).headers()['content-type']).toBe('image/png');
  }
});
