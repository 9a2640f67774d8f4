// The safety net as a browser meets it: security headers and a Content-Security-Policy that the
// hydrated app runs under without a single violation, cross-site posts refused, sign-in attempts
// limited per account, a person's own list of sign-ins (ending one ends it at once), and HR
// disabling an account, which ends its sessions.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, open, people, signIn } from './helpers';

/** Demo people no other flow signs in as, one per project, so ending sessions disturbs nobody. */
function spare(kind: 'sessions' | 'disabled'): string {
  const project = test.info().project.name;
  const sessions: Record<string, string> = {
    desktop: 'erik.sandberg@exempelstad.se',
    phone: 'maja.oberg@exempelstad.se',
    'no-js': 'ahmed.farah@exempelstad.se',
  };
  const disabled: Record<string, string> = {
    desktop: 'tomasz.nowak@exempelstad.se',
    phone: 'gabriel.mendoza@exempelstad.se',
    'no-js': 'oskar.lundgren@exempelstad.se',
  };
  return (kind === 'sessions' ? sessions : disabled)[project] ?? sessions.desktop;
}

/** Collects Content-Security-Policy violations the page reports. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('pages carry the security headers and the app runs under its policy', async ({ page }) => {
  const violations = await watchPolicy(page);
  const response = await open(page, '/logga-in');
  const headers = response!.headers();
  const policy = headers['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{16,}' 'wasm-unsafe-eval'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['cache-control']).toBe('no-store');
  // Each render has its own nonce, and the hydration script carries it.
  const nonce = policy.match(/'nonce-([^']+)'/)![1];
  await expect(page.locator(`script[nonce]`).first()).toBeAttached();
  const second = (await page.request.get('/logga-in')).headers()['content-security-policy'];
  expect(second).not.toContain(nonce);

  await signIn(page, people.chef);
  await open(page, '/nasta-apt');
  await open(page, '/');
  expect(await violations()).toEqual([]);

  // Files and data answers allow nothing to run.
  const css = await page.request.get('/favicon.svg');
  expect(css.headers()['content-security-policy']).toContain("default-src 'none'");
});

test('a form posted from another site is refused with a Swedish message', async ({ page, baseURL }) => {
  // A page on another site that posts a sign-out form to Årshjul, as a forged request would.
  await page.route('https://annan-webbplats.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="sv"><title>Annan</title><body>
        <form method="post" action="${baseURL}/api/logga-in">
          <input name="email" value="${people.chef}"><input name="password" value="x">
          <button>Skicka</button>
        </form></body></html>`,
    }),
  );
  await page.goto('https://annan-webbplats.example/forfalskad');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/logga-in')),
    page.getByRole('button', { name: 'Skicka' }).click(),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.getByText('Begäran kom från en annan webbplats och stoppades.')).toBeVisible();

  // The same post from Årshjul's own page works (the wrong password is the answer).
  await open(page, '/logga-in');
  await page.getByLabel('E-postadress').fill(people.chef);
  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord');
});

test('an account that keeps getting the password wrong is stopped for a while @ssr', async ({ page }) => {
  const email = `gissning-${test.info().project.name}@exempelstad.se`;
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await page.request.post('/api/logga-in', {
      form: { email, password: `gissning-${attempt}` },
    });
    expect(response.status(), `attempt ${attempt + 1}`).toBe(401);
  }
  await open(page, '/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill('ännu-en-gissning');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText(/För många inloggningsförsök\. Vänta \d+ minuter/);
  await expectAccessible(page);
});

async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: test.info().project.use.viewport,
    javaScriptEnabled: test.info().project.use.javaScriptEnabled,
  });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test('a person sees where they are signed in and ends another sign-in @ssr', async ({ page, browser }) => {
  const email = spare('sessions');
  const other = await signedInContext(browser, email);
  await signIn(page, email);

  await page.getByRole('link', { name: /Inloggad som/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await hydrated(page);
  const list = page.getByRole('region', { name: 'Inloggningar' });
  const items = list.getByRole('listitem');
  await expect(items.first()).toContainText('Den här enheten');
  expect(await items.count()).toBeGreaterThanOrEqual(2);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Logga ut från alla andra enheter' }).click();
  await expect(page.getByText('Du är inte inloggad någon annanstans.')).toBeVisible();
  await expect(items).toHaveCount(1);

  // The other browser's next request finds its sign-in ended.
  await open(other.page, '/');
  await expect(other.page).toHaveURL(/\/logga-in$/);
  await other.context.close();

  // This one is still signed in.
  await open(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
});

test('HR disables an account, which ends its sessions, and enables it again @ssr', async ({ page, browser }) => {
  const email = spare('disabled');
  const person = await signedInContext(browser, email);

  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Konton' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Konton' })).toBeVisible();
  await hydrated(page);
  // HR finds the account by its address: the list is searched and paged on the server.
  await page.getByLabel('Sök på namn eller e-postadress').fill(email);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(/\/konton\?sok=/);
  await expect(page.getByRole('status').filter({ hasText: 'Visar 1–1 av 1 konton.' })).toBeVisible();
  await hydrated(page);
  const item = page.getByRole('listitem').filter({ hasText: email });
  await expect(item.getByText('Aktivt')).toBeVisible();
  await expectAccessible(page);
  await item.getByRole('button', { name: 'Stäng av kontot' }).click();
  await expect(item.getByText('Avstängt')).toBeVisible();

  // Their open page is signed out, and they cannot sign in again.
  await open(person.page, '/');
  await expect(person.page).toHaveURL(/\/logga-in$/);
  await person.page.getByLabel('E-postadress').fill(email);
  await person.page.getByLabel('Lösenord').fill('demo1234');
  await person.page.getByRole('button', { name: 'Logga in' }).click();
  await expect(person.page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord');

  await item.getByRole('button', { name: 'Aktivera kontot' }).click();
  await expect(item.getByText('Aktivt')).toBeVisible();
  await signIn(person.page, email);
  await person.context.close();

  // HR cannot turn its own account off, and an employee cannot see the list.
  await page.getByLabel('Sök på namn eller e-postadress').fill(people.hr);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: people.hr })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: people.hr }).getByRole('button')).toHaveCount(0);
  // A search that finds nobody says so.
  await page.getByLabel('Sök på namn eller e-postadress').fill('ingen-sådan-person');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByText('Inga konton hittades.')).toBeVisible();
  const employee = await signedInContext(browser, people.medarbetare);
  const refused = await employee.page.request.post('/api/konton/aktiv', {
    form: { person_id: '1', active: 'false' },
  });
  expect(refused.status()).toBe(403);
  await employee.context.close();
});
