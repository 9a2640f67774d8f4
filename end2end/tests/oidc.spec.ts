// Signing in through the organisation's OpenID provider: a real provider (npm oidc-provider,
// started by start-server.sh) with its development login and consent pages. People are matched
// by their identity at the provider (its `sub`), at the first sign-in by the verified e-mail
// address; anything else ends on the sign-in page with a plain Swedish reason.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, norrvik, open, people, signIn, signOut } from './helpers';

const PROVIDER_BUTTON = 'Logga in med Exempelstads konto';

/** Leaves Årshjul for the provider and signs in there with `login` (taken as the e-mail). */
async function signInAtProvider(page: Page, login: string) {
  await open(page, '/logga-in');
  await page.getByRole('link', { name: PROVIDER_BUTTON }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3190\//);
  await page.getByRole('textbox', { name: 'Enter any login' }).fill(login);
  await page.getByPlaceholder('and password').fill('vad-som-helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/** Gives consent at the provider (asked once per browser session there). */
async function consent(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a person signs in through the provider and sees how in their sessions @ssr', async ({ page }) => {
  await open(page, '/logga-in');
  await expect(page.getByRole('link', { name: PROVIDER_BUTTON })).toBeVisible();
  await expect(page.getByLabel('E-postadress')).toBeVisible();
  await expectAccessible(page);
  // Nothing on the page is wider than the screen (the demo table scrolls inside its panel).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await signInAtProvider(page, people.medarbetare);
  await consent(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Inloggad som Mehmet Yilmaz/ })).toBeVisible();

  await open(page, '/konto');
  const current = page.getByRole('region', { name: 'Inloggningar' }).getByRole('listitem').first();
  await expect(current).toContainText('Den här enheten');
  await expect(current).toContainText('Organisationens inloggning');
});

test('an address with no account in Årshjul is refused with a plain message @ssr', async ({ page }) => {
  await signInAtProvider(page, 'okand.person@exempelstad.se');
  await consent(page);
  await expect(page).toHaveURL(/\/logga-in\?fel=okand$/);
  await expect(page.getByRole('alert')).toContainText(
    'Det finns inget aktivt konto i Årshjul med e-postadressen från inloggningen.',
  );
  await expectAccessible(page);
  await open(page, '/');
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('an address the provider has not verified is refused @ssr', async ({ page }) => {
  await signInAtProvider(page, `overifierad:${people.medarbetare}`);
  await consent(page);
  await expect(page).toHaveURL(/\/logga-in\?fel=overifierad$/);
  await expect(page.getByRole('alert')).toContainText('har inte bekräftat din e-postadress');
  await open(page, '/');
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('cancelling at the provider returns to the sign-in page @ssr', async ({ page }) => {
  await open(page, '/logga-in');
  await page.getByRole('link', { name: PROVIDER_BUTTON }).click();
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(page).toHaveURL(/\/logga-in\?fel=avbruten$/);
  await expect(page.getByRole('alert')).toContainText('Inloggningen avbröts.');
});

test('a way back that this browser did not start is refused @ssr', async ({ page }) => {
  // A forged or replayed answer: no sign-in under way in this session, so the state cannot match.
  await open(page, '/oidc/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/logga-in\?fel=utgangen$/);
  await expect(page.getByRole('alert')).toContainText('Inloggningen tog för lång tid');
  await open(page, '/');
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('open sign-up gives a person of the organisation an account without roles, and says whom to ask @ssr', async ({ page }) => {
  // Norrvik (the demo's organisation for organisation-wide flows) opens sign-up for its domain;
  // Exempelstad stays closed, so the refusal above still holds there.
  const p = test.info().project.name;
  await signIn(page, norrvik.hr);
  await open(page, '/kom-igang');
  const step = page.getByRole('region', { name: /Bestäm hur personerna loggar in/ });
  await step.getByLabel('Organisationens e-postdomäner').fill('norrvik.se');
  await step.getByLabel(/Öppen inloggning/).check();
  await step.getByLabel('Vem ska den som saknar roll fråga?').fill('HR-enheten i Norrvik, hr@norrvik.se');
  await step.getByRole('button', { name: 'Spara' }).click();
  if (test.info().project.use.javaScriptEnabled !== false) {
    await expect(step.getByText('Inställningarna är sparade.')).toBeVisible();
  }
  await open(page, '/kom-igang');
  await expect(step.getByLabel('Organisationens e-postdomäner')).toHaveValue('norrvik.se');
  await expect(step.getByLabel(/Öppen inloggning/)).toBeChecked();
  await signOut(page);

  await signInAtProvider(page, `ny.${p}@norrvik.se`);
  await consent(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina enheter' })).toBeVisible();
  const none = page.getByRole('region', { name: 'Du har ingen roll än' });
  await expect(none).toContainText('HR-enheten i Norrvik, hr@norrvik.se');
  await expect(page.getByRole('link', { name: /Inloggad som Ny / })).toBeVisible();
  await expectAccessible(page);
});

/** Signs in at the provider as `login` in a browser of its own (no session there yet). */
async function freshProviderSignIn(browser: Browser, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAtProvider(page, login);
  await consent(page);
  return { page, close: () => context.close() };
}

test('an account tied to one identity at the provider refuses another with the same address until HR releases it @ssr', async ({ page, browser }) => {
  const p = test.info().project.name;
  const email = `lina.${p}@norrvik.se`;
  const name = `Lina Länk ${p}`;
  await signIn(page, norrvik.hr);
  await open(page, '/organisation');
  await page.getByRole('link', { name: 'Kultur- och fritidsförvaltningen' }).click();
  await page.getByRole('link', { name: norrvik.unit }).click();
  await expect(page.getByRole('heading', { level: 1, name: norrvik.unit })).toBeVisible();
  const giving = page.getByRole('region', { name: 'Ge en person en roll' });
  await giving.getByLabel('E-post').fill(email);
  await giving.getByLabel('Namn', { exact: true }).fill(name);
  await giving.getByLabel('Roll', { exact: true }).selectOption({ label: 'Medarbetare' });
  await giving.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.getByRole('region', { name: 'Personer och roller här' }).getByRole('listitem').filter({ hasText: `${name} – Medarbetare` })).toBeVisible();

  // The first sign-in through the provider ties the account to that identity.
  const first = await freshProviderSignIn(browser, email);
  await expect(first.page.getByRole('link', { name: new RegExp(`Inloggad som ${name}`) })).toBeVisible();
  await first.close();

  // Another identity at the provider with the same address is refused.
  const other = await freshProviderSignIn(browser, `annan:${email}`);
  await expect(other.page).toHaveURL(/\/logga-in\?fel=annan-identitet$/);
  await expect(other.page.getByRole('alert')).toContainText('används redan av en annan inloggning');
  await other.close();

  // HR sees the tie and releases it; the next identity is then matched by the address again.
  await open(page, `/konton?sok=${encodeURIComponent(email)}`);
  const account = page.getByRole('listitem').filter({ hasText: email });
  await expect(account).toContainText('Kopplat till en inloggning hos organisationens inloggningstjänst.');
  await expectAccessible(page);
  await account.getByRole('button', { name: `Koppla loss inloggningen ${name}` }).click();
  await expect(account).not.toContainText('Kopplat till en inloggning');
  const again = await freshProviderSignIn(browser, `annan:${email}`);
  await expect(again.page.getByRole('link', { name: new RegExp(`Inloggad som ${name}`) })).toBeVisible();
  await again.close();
});
