// A chef's reminders: Fritidsgården Vågen's chef (Norrvik; no other flow plans there) adds an
// APT whose notice is due in two or three days (in the phone's run: tomorrow, marked
// brådskande). Her start page then says by when its notice must go out, with a link to the
// agenda where she sends it. Each project adds its own day, counted from the app's today.
import { expect, test } from '@playwright/test';
import { expectAccessible, isoDaysFromToday, open, signIn } from './helpers';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** An ISO day as the reminders write it: "3 juni 2026". */
function inText(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const VAGEN_CHEF = 'marie.lund@norrvik.se';
const VAGEN = 'Fritidsgården Vågen';

test('a chef is reminded of a notice due soon on her start page and goes to send it @ssr', async ({ page }) => {
  const project = test.info().project.name;
  // Norrvik gives seven days' notice: the deadline is 3, 1 or 2 days away.
  const left = ({ desktop: 3, phone: 1 } as Record<string, number>)[project] ?? 2;
  const date = isoDaysFromToday(7 + left);
  const deadline = isoDaysFromToday(left);

  await signIn(page, VAGEN_CHEF);
  await page.getByRole('link', { name: VAGEN, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(VAGEN) })).toBeVisible();
  await open(page, `${new URL(page.url()).pathname}?ar=${date.slice(0, 4)}`);
  // Late in December the APT falls in a year the demo has no plan for yet.
  const create = page.getByRole('button', { name: 'Skapa från årshjulet' });
  if (await create.isVisible()) await create.click();
  const status = page.getByRole('region', { name: 'Planens status' });
  const planned = status.getByText(/^\d+ av minst \d+ APT planerade/);
  const before = Number((await planned.textContent())!.match(/^\d+/)![0]);
  const form = page.getByRole('region', { name: 'Lägg till APT' });
  await form.getByLabel('Datum').fill(date);
  await form.getByLabel('Starttid').fill('09:00');
  await form.getByLabel('Sluttid').fill('10:00');
  await form.getByLabel('Plats').fill('Samlingsrummet');
  await form.getByRole('button', { name: 'Lägg till APT' }).click();
  await expect(status.getByText(new RegExp(`^${before + 1} av minst \\d+ APT planerade`))).toBeVisible();

  await open(page, '/');
  const reminders = page.getByRole('region', { name: 'Påminnelser' });
  const line = reminders.getByRole('listitem').filter({
    hasText: `Kallelsen till APT ${inText(date)} i ${VAGEN} ska skickas senast ${inText(deadline)}.`,
  });
  await expect(line).toBeVisible();
  if (left <= 1) await expect(line.getByText('Brådskande')).toBeVisible();
  else await expect(line.getByText('Brådskande')).toHaveCount(0);
  await expectAccessible(page);

  await line.getByRole('link', { name: 'Skicka kallelsen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Dagordning/ })).toBeVisible();
});
