// A department's manager pushes a topic to every unit below it for a year; a unit's chef finds it
// in the plan as required. Each project pushes for its own year, so runs never meet.
import { expect, test } from '@playwright/test';
import { expectAccessible, ownYear, people, signIn, signOut } from './helpers';

const DEPARTMENT_CHEF = 'gunilla.dahlberg@exempelstad.se'; // Avdelningen för äldreomsorg

test('a department pushes a required topic that the units below find in their plan @ssr', async ({ page }) => {
  const year = ownYear('required-topics');
  await signIn(page, DEPARTMENT_CHEF);
  await page.getByRole('link', { name: 'Obligatoriska ämnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Obligatoriska ämnen' })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('region', { name: 'Skicka ett ämne' });
  await form.getByRole('button', { name: 'Skicka till enheterna' }).click();
  await expect(form.getByText('Skriv en rubrik för ämnet.')).toBeVisible();

  await form.getByLabel('Till alla enheter under').selectOption({ label: 'Exempelstad › Socialförvaltningen › Avdelningen för äldreomsorg (2 enheter)' });
  await form.getByLabel('År').fill(String(year));
  await form.getByLabel('Rubrik').fill('Info om nytt verksamhetssystem');
  await form.getByLabel('Månad').selectOption({ label: 'Februari' });
  await form.getByRole('button', { name: 'Skicka till enheterna' }).click();
  await expect(page.getByRole('region', { name: 'Skickade ämnen' }).getByText(`Februari ${year}`).first()).toBeVisible();

  // The chef of a unit below starts that year's plan and finds the topic there, required.
  await signOut(page);
  await signIn(page, people.chef);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await page.goto(`${new URL(page.url()).pathname}?ar=${year}`);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const list = page.getByRole('region', { name: 'Månad för månad' });
  await expect(list.getByRole('link', { name: 'Info om nytt verksamhetssystem' })).toBeVisible();
  await expect(list.getByText('Obligatoriskt från Avdelningen för äldreomsorg')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Planens status' }).getByText('29 av 29 ämnen är inte placerade i något möte.')).toBeVisible();
});

test('a unit\'s chef cannot push topics', async ({ page }) => {
  await signIn(page, people.chef);
  await expect(page.getByRole('link', { name: 'Obligatoriska ämnen' })).toHaveCount(0);
  const response = await page.request.post('/api/obligatoriska-amnen/ny', {
    form: { node_id: '1', year: '2040', 'topic[title]': 'Förfalskat', 'topic[month]': '3', 'topic[guidance]': '' },
  });
  expect(response.status()).toBe(403);
});
