// HR keeps the organisation's template: bad input gets a message beside the field, a new topic
// reaches existing plans only when their chef takes it in, and a retired one leaves the wheel.
// These flows change what every new plan of the organisation gets, so they run in the demo's
// second organisation, Norrvik, which no other flow uses; the chef's plan is of the flow's own
// year, and the desktop and phone runs each add a topic of their own.
import { expect, test } from '@playwright/test';
import { expectAccessible, norrvik, open, ownYear, planWithTwoMeetings, signIn } from './helpers';

const HR = norrvik.hr;

test('HR adds a topic; a chef sees it as new in an existing plan and takes it in', async ({ page, browser }) => {
  const project = test.info().project.name;
  const title = `Info om friskvårdsbidraget (${project})`;

  // The chef's plan of the flow's own year exists before the topic does.
  const year = ownYear('template');
  const chefContext = await browser.newContext({ viewport: page.viewportSize()! });
  const chef = await chefContext.newPage();
  const planUrl = await planWithTwoMeetings(chef, year, 2, norrvik);

  await signIn(page, HR);
  await page.getByRole('link', { name: 'Årshjulets mall' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Årshjulets mall' })).toBeVisible();
  await expectAccessible(page);

  // Bad input: a message beside the field, nothing saved.
  const rules = page.getByRole('region', { name: 'Regler' });
  const minimum = rules.getByLabel('Minsta antal APT per år');
  const kept = await minimum.inputValue();
  await minimum.fill('0');
  await rules.getByRole('button', { name: 'Spara regler' }).click();
  await expect(rules.getByText('Skriv ett antal mellan 1 och 52 APT per år.')).toBeVisible();
  await rules.getByLabel('Minsta antal APT per år').fill(kept);
  await rules.getByLabel('Dagar efter APT då minnesanteckningarna ska vara publicerade').fill('95');
  await rules.getByRole('button', { name: 'Spara regler' }).click();
  await expect(rules.getByText('Skriv ett antal dagar mellan 0 och 90.')).toBeVisible();
  await expect(rules.getByLabel('Dagar efter APT då minnesanteckningarna ska vara publicerade')).toHaveValue('95');
  const add = page.getByRole('region', { name: 'Lägg till ämne i årshjulet' });
  await add.getByRole('button', { name: 'Lägg till ämne' }).click();
  await expect(add.getByText('Skriv en rubrik för ämnet.')).toBeVisible();

  await add.getByLabel('Rubrik').fill(title);
  await add.getByLabel('Månad', { exact: true }).selectOption({ label: 'April' });
  await add.getByLabel('Typ').selectOption({ label: 'Information' });
  await add.getByLabel('Vägledning').fill('Påminn om friskvårdsbidraget och hur det söks.');
  await add.getByRole('button', { name: 'Lägg till ämne' }).click();
  await expect(page.getByRole('region', { name: 'Ämnen i årshjulet' }).getByRole('link', { name: title })).toBeVisible();

  // The chef's existing plan is unchanged until she takes the topic in.
  await open(chef, planUrl);
  const news = chef.getByRole('region', { name: 'Nytt i årshjulet' });
  await expect(news.getByText(title)).toBeVisible();
  const list = chef.getByRole('region', { name: 'Månad för månad' });
  await expect(list.getByRole('link', { name: title })).toHaveCount(0);
  await expectAccessible(chef);
  await news.getByRole('button', { name: `Ta in ${title}` }).click();
  await expect(list.getByRole('link', { name: title })).toBeVisible();
  // The other viewport's run may have added a topic of its own meanwhile: only ours is taken in.
  await expect(chef.getByRole('region', { name: 'Nytt i årshjulet' }).getByText(title)).toHaveCount(0);
  await chefContext.close();

  // HR takes it out of the wheel again; the plan that took it in keeps it.
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ta bort ur årshjulet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Årshjulets mall' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});

test('an employee cannot open or change the template', async ({ page }) => {
  await signIn(page, norrvik.medarbetare);
  await expect(page.getByRole('link', { name: 'Årshjulets mall' })).toHaveCount(0);
  await open(page, '/mall');
  await expect(page.getByRole('heading', { level: 1, name: /behörighet/i })).toBeVisible();
  const response = await page.request.post('/api/mall/punkt/ny', { form: { title: 'Förfalskad punkt' } });
  expect(response.status()).toBe(403);
});
