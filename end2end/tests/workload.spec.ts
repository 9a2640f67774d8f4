// The workload check: the chef opens anonymous voting; members vote from their phones; while
// voting is open nobody sees a tally or an exact count; once the chef closes it, the result shows
// to whoever may read it and has five votes besides their own (here HR, who did not vote), also
// in the year's trend; voting closed over a result never opens again.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, open, ownYear, people, signIn } from './helpers';

test.describe.configure({ timeout: 240_000 });

const hemtjanstNorr = [
  'anna.lindqvist@exempelstad.se',
  'amina.hassan@exempelstad.se',
  'mehmet.yilmaz@exempelstad.se',
  'sofia.bergstrom@exempelstad.se',
  'andre.ekholm@exempelstad.se',
];

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
}

test('members vote anonymously and the result shows once voting is closed, never a single vote', async ({ page }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'the JavaScript flow');
  const year = ownYear('workload');
  await signIn(page, people.chef);
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  const planUrl = `${new URL(page.url()).pathname}?ar=${year}`;
  await open(page, planUrl);
  await page.getByRole('button', { name: 'Skapa från årshjulet' }).click();
  const form = page.getByRole('region', { name: 'Lägg till APT' });
  await form.getByLabel('Datum').fill(`${year}-05-05`);
  await form.getByLabel('Starttid').fill('13:00');
  await form.getByLabel('Sluttid').fill('14:00');
  await form.getByLabel('Plats').fill('Eken');
  await form.getByRole('button', { name: 'Lägg till APT' }).click();
  await page.getByRole('link', { name: new RegExp(`^Dagordning .*5 maj ${year}`) }).click();
  await page.getByRole('link', { name: 'Avstämning av arbetsbelastning' }).click();
  const checkUrl = page.url();
  await expect(page.getByText('Chefen har inte öppnat röstningen ännu.')).toBeVisible();
  await page.getByLabel('Trafikljus: rött, gult eller grönt').check();
  await page.getByRole('button', { name: 'Öppna röstningen' }).click();
  await expect(page.getByText('Röstningen är öppen. Har röstat: färre än 5.')).toBeVisible();
  await expectAccessible(page);

  const choices = ['Rött – ohållbar, något behöver ändras', 'Grönt – hanterbar', 'Gult – ansträngd men hanterbar', 'Grönt – hanterbar', 'Grönt – hanterbar'];
  for (const [i, email] of hemtjanstNorr.entries()) {
    if (i > 0) {
      await signOut(page);
      await signIn(page, email);
      await open(page, checkUrl);
    }
    const vote = page.getByRole('region', { name: 'Din röst' });
    if (i === 1) {
      // A vote without a choice is refused beside the question.
      await vote.getByRole('button', { name: 'Rösta' }).click();
      await expect(vote.getByText('Välj rött, gult eller grönt.')).toBeVisible();
    }
    await vote.getByLabel(choices[i]).check();
    await vote.getByRole('button', { name: 'Rösta' }).click();
    await expect(page.getByText('Tack! Din röst är registrerad.', { exact: false })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Din röst' })).toHaveCount(0);
    // While voting is open the count says only which side of five it is, and no tally shows.
    const result = page.getByRole('region', { name: 'Resultat' });
    const count = i < 4 ? 'färre än 5' : '5 eller fler';
    await expect(page.getByText(`Röstningen är öppen. Har röstat: ${count}.`)).toBeVisible();
    await expect(result.getByText(`Resultatet visas när röstningen är stängd och minst 5 har röstat, din egen röst oräknad, så att ingen enskild röst kan spåras. Har röstat: ${count}.`)).toBeVisible();
    await expect(result.getByText(/Rött: /)).toHaveCount(0);
  }
  await expectAccessible(page);

  // A second vote by the same person is refused.
  const again = await page.request.post('/api/avstamning/rosta', {
    form: { unit_id: checkUrl.match(/enhet\/(\d+)/)![1], meeting_id: checkUrl.match(/mote\/(\d+)/)![1], light: 'red' },
  });
  expect(again.status()).toBe(409);
  // Nor does the server function give a tally or a count while open.
  const ids = { unit_id: checkUrl.match(/enhet\/(\d+)/)![1], meeting_id: checkUrl.match(/mote\/(\d+)/)![1] };
  const polled = await (await page.request.post('/api/avstamning', { form: ids })).json();
  expect(polled.result).toBeNull();
  expect(polled.votes).toEqual({ AtLeast: 5 });

  // The chef, who voted too, closes voting: five votes are four besides her own, so she sees
  // the count but no result, and voting cannot open again.
  await signOut(page);
  await signIn(page, people.chef);
  await open(page, checkUrl);
  await page.getByRole('button', { name: 'Stäng röstningen' }).click();
  await expect(page.getByText('Röstningen är stängd. Röstade: 5.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Resultat' }).getByText(/Rött: /)).toHaveCount(0);
  await expect(page.getByText('Röstningen är avslutad. Den öppnas inte igen', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Öppna röstningen' })).toHaveCount(0);
  const reopen = await page.request.post('/api/avstamning/rostning', { form: { ...ids, method: 'traffic_light', open: 'true' } });
  expect(reopen.status()).toBe(409);

  // HR, who reads the unit and did not vote, sees the result.
  await signOut(page);
  await signIn(page, people.hr);
  await open(page, checkUrl);
  await expect(page.getByRole('region', { name: 'Resultat' }).getByText('Rött: 1, gult: 1, grönt: 3.')).toBeVisible();
  await expectAccessible(page);

  // The year's trend on the unit's page.
  await open(page, planUrl);
  const trend = page.getByRole('region', { name: 'Arbetsbelastning under året' });
  await expect(trend.getByRole('row').filter({ hasText: `5 maj ${year}` })).toContainText('Rött: 1, gult: 1, grönt: 3.');
  await expect(trend.getByRole('cell', { name: 'Röster' })).toBeVisible();
});
