// Nothing lost when two people edit the same thing: the later of two edits made on the same
// version is refused with a plain message, and what its writer typed stays in the fields. The
// plan (edit-plan.spec.ts), agenda (agenda.spec.ts) and minutes (minutes.spec.ts) have their
// own; here the checklist answer and the action in the action plan. Each project works in its
// own year and action, so parallel runs never share them.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, open, ownYear, people, signIn } from './helpers';

const SAM = 'Checklista för årlig uppföljning';
const Q1 = '1. Är stadens Arbetsmiljöpolicy (tillika Personalpolicyn) känd på arbetsplatsen?';

function listItem(page: Page, heading: string | RegExp) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: heading }) });
}

async function unitPath(page: Page) {
  await open(page, '/');
  await page.getByRole('link', { name: 'Hemtjänst Norr' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hemtjänst Norr/ })).toBeVisible();
  return new URL(page.url()).pathname;
}

test('a checklist answer saved by someone else is not overwritten', async ({ page, context }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'two tabs at once');
  const year = ownYear('stale-edits');
  await signIn(page, people.chef);
  const unit = await unitPath(page);
  await open(page, `${unit}/checklistor?ar=${year}`);
  await page.getByRole('button', { name: `Påbörja ${SAM} ${year}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${SAM} ${year}` })).toBeVisible();
  const other = await context.newPage();
  await open(other, page.url());

  const first = listItem(page, Q1);
  await first.getByLabel('Instämmer helt').check();
  await first.getByRole('button', { name: 'Spara svar' }).click();
  await expect(first.getByText('Svaret är sparat.')).toBeVisible();

  const second = listItem(other, Q1);
  await second.getByLabel('Instämmer inte').check();
  await second.getByLabel('Analys').fill('Ingen känner till policyn.');
  await second.getByRole('button', { name: 'Spara svar' }).click();
  await expect(second.getByText(/Svaret på frågan har ändrats av någon annan efter att du öppnade sidan/)).toBeVisible();
  await expect(second.getByLabel('Analys')).toHaveValue('Ingen känner till policyn.');
  await expectAccessible(other);

  await open(other, page.url());
  await expect(listItem(other, Q1).getByLabel('Instämmer helt')).toBeChecked();
});

test('an action changed by someone else is not overwritten', async ({ page, context }) => {
  const project = test.info().project.name;
  test.skip(project === 'no-js', 'two tabs at once');
  const title = `Se över larmrutinen (${project} ${Date.now()})`;
  await signIn(page, people.chef);
  const plan = `${await unitPath(page)}/atgarder`;
  await open(page, plan);
  const form = page.getByRole('group', { name: 'Ny åtgärd' });
  await form.getByText('Ny åtgärd').click();
  await form.getByLabel('Koppling till').selectOption({ label: 'Annat' });
  await form.getByLabel('Beskriv kopplingen').fill('Tillbud i november');
  await form.getByLabel('Åtgärd', { exact: true }).fill(title);
  await form.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await expect(listItem(page, title)).toBeVisible();
  const other = await context.newPage();
  await open(other, plan);

  const edit = async (p: Page, comment: string) => {
    const item = listItem(p, title);
    await item.getByText('Ändra åtgärd').click();
    await item.getByLabel('Kommentar (vad som gjorts, uppföljning)').fill(comment);
    await item.getByRole('button', { name: 'Spara ändringar' }).click();
    return item;
  };
  const first = await edit(page, 'Rutinen är utskickad.');
  await expect(first.getByRole('paragraph').filter({ hasText: 'Rutinen är utskickad.' })).toBeVisible();

  const second = await edit(other, 'Väntar på larmföretaget.');
  await expect(second.getByText(/Åtgärden har ändrats av någon annan efter att du öppnade sidan/)).toBeVisible();
  await expect(second.getByLabel('Kommentar (vad som gjorts, uppföljning)')).toHaveValue('Väntar på larmföretaget.');
  await expectAccessible(other);
});
