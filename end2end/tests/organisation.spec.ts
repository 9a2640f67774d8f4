// Keeping the organisation: the administrator (HR at the root) builds a part of the tree, gives
// people roles in it (a new chef, a huvudskyddsombud, a union representative with the union's
// name), is stopped with a message beside the field on bad input (an empty name, a taken code,
// a move under itself, a missing union, closing a part with open parts below) and closes a unit,
// which stays readable. HR of another part of the tree and a chef are refused. Each project
// builds its own part, named after itself, so the flows run in parallel.
import { expect, test } from '@playwright/test';
import { expectAccessible, open, people, signIn } from './helpers';

const ADMIN = 'elif.demir@exempelstad.se'; // HR at the root, Exempelstad

test('The administrator builds a part of the tree and gives people roles in it', async ({ page }) => {
  const p = test.info().project.name;
  const dept = `Kulturförvaltningen ${p}`;
  const library = `Biblioteket ${p}`;
  const museum = `Museet ${p}`;
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Organisation och personer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exempelstad' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Socialförvaltningen' })).toBeVisible();
  await expectAccessible(page);

  // The organisation's own kinds: a new one with its chef's title; a name taken is refused.
  const kinds = page.getByRole('region', { name: 'Typer av delar' });
  await kinds.getByLabel('Typens namn').last().fill('Skola');
  await kinds.getByLabel('Chefen kallas').last().fill('Rektor');
  await kinds.getByRole('button', { name: 'Spara' }).last().click();
  await expect(kinds.getByText('Det finns redan en typ med det namnet.')).toBeVisible();
  await kinds.getByLabel('Typens namn').last().fill(`Gymnasium ${p}`);
  await kinds.getByRole('button', { name: 'Spara' }).last().click();
  await expect(kinds.getByText(`Gymnasium ${p} – chefen kallas Rektor`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Delar under den här nivån' }).getByLabel('Typ', { exact: true }).getByRole('option', { name: `Gymnasium ${p}` })).toHaveCount(1);

  // Bad input: the message stands beside its field, and what was typed stays.
  const parts = page.getByRole('region', { name: 'Delar under den här nivån' });
  const staff = page.getByRole('region', { name: 'Personer och roller här' });
  const giving = page.getByRole('region', { name: 'Ge en person en roll' });
  const own = page.getByRole('region', { name: 'Den här delen' });
  const add = parts.getByRole('button', { name: 'Lägg till', exact: true });
  await parts.getByLabel('Kod', { exact: true }).fill(`KF-${p}`);
  await add.click();
  await expect(parts.getByText('Skriv ett namn.')).toBeVisible();
  await expect(parts.getByLabel('Kod', { exact: true })).toHaveValue(`KF-${p}`);

  await parts.getByLabel('Namn', { exact: true }).fill(dept);
  await parts.getByLabel('Typ', { exact: true }).selectOption({ label: 'Förvaltning' });
  await add.click();
  await expect(page.getByText('Delen är tillagd.')).toBeVisible();
  await page.getByRole('link', { name: dept }).click();
  await expect(page.getByRole('heading', { level: 1, name: dept })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Platsen i organisationen' }).getByRole('link', { name: 'Exempelstad' })).toBeVisible();

  // Two units below it; a code already taken is refused.
  for (const [name, code] of [[library, `KF-${p}`], [library, `KF-${p}-1`], [museum, `KF-${p}-2`]]) {
    await parts.getByLabel('Namn', { exact: true }).fill(name);
    await parts.getByLabel('Kod', { exact: true }).fill(code);
    await add.click();
    if (code === `KF-${p}`) {
      await expect(page.getByText('En annan del av organisationen har redan den koden.')).toBeVisible();
    } else {
      await expect(page.getByRole('link', { name })).toBeVisible();
    }
  }

  // A huvudskyddsombud over the whole förvaltning: a new person, so name is needed.
  const give = giving.getByRole('button', { name: 'Ge rollen' });
  const safety = `skydd.${p}@exempelstad.se`;
  const safetyName = `Hanna Skyddsdóttir ${p}`;
  await giving.getByLabel('E-post').fill(safety);
  await giving.getByLabel('Roll', { exact: true }).selectOption({ label: 'Huvudskyddsombud' });
  await give.click();
  await expect(staff.getByText('Skriv personens namn.')).toBeVisible();
  await giving.getByLabel('Namn', { exact: true }).fill(safetyName);
  await giving.getByLabel('Titel').fill('Undersköterska');
  await give.click();
  await expect(staff.getByRole('listitem').filter({ hasText: `${safetyName} – Huvudskyddsombud` })).toBeVisible();
  // Giving the same role twice is refused.
  await giving.getByLabel('E-post').fill(safety);
  await giving.getByLabel('Roll', { exact: true }).selectOption({ label: 'Huvudskyddsombud' });
  await give.click();
  await expect(staff.getByText('Personen har redan den rollen här.')).toBeVisible();

  // Moving the förvaltning under its own unit is refused beside the field.
  await own.getByLabel('Ny plats: kod eller namn på delen ovanför').fill(`KF-${p}-1`);
  await own.getByRole('button', { name: 'Flytta', exact: true }).click();
  await expect(page.getByText('En del kan inte flyttas till sig själv eller till en del under sig.')).toBeVisible();
  // Closing it while its units are open is refused.
  await page.getByRole('button', { name: 'Stäng delen' }).click();
  await expect(page.getByText('Stäng eller flytta först de delar som ligger under.')).toBeVisible();
  await expectAccessible(page);

  // A new chef for the library.
  await page.getByRole('link', { name: library }).click();
  await expect(page.getByRole('heading', { level: 1, name: library })).toBeVisible();
  await giving.getByLabel('E-post').fill(`chef.${p}@exempelstad.se`);
  await giving.getByLabel('Namn', { exact: true }).fill(`Bo Biblioteksson ${p}`);
  await giving.getByLabel('Titel').fill('Bibliotekschef');
  await giving.getByLabel('Roll', { exact: true }).selectOption({ label: 'Chef' });
  await give.click();
  await expect(page.getByRole('listitem').filter({ hasText: `Bo Biblioteksson ${p} – Chef` })).toBeVisible();

  // His details change; an address another person has is refused beside the field.
  const bo = staff.getByRole('listitem').filter({ hasText: `Bo Biblioteksson ${p} – Chef` });
  await bo.getByText('Ändra uppgifter').click();
  await bo.getByLabel('E-post').fill(safety);
  await bo.getByRole('button', { name: 'Spara' }).click();
  await expect(bo.getByText('En annan person har redan den e-postadressen.')).toBeVisible();
  await bo.getByLabel('E-post').fill(`bo.${p}@exempelstad.se`);
  await bo.getByLabel('Titel').fill('Bibliotekschef och områdeschef');
  await bo.getByRole('button', { name: 'Spara' }).click();
  await expect(staff.getByRole('listitem').filter({ hasText: `bo.${p}@exempelstad.se, Bibliotekschef och områdeschef` })).toBeVisible();

  // An existing person (by e-mail) as union representative, who must name the union.
  await giving.getByLabel('E-post').fill(safety);
  await giving.getByLabel('Roll', { exact: true }).selectOption({ label: 'Facklig företrädare' });
  await give.click();
  await expect(staff.getByText('Skriv vilket fackförbund den fackliga företrädaren företräder.')).toBeVisible();
  await giving.getByLabel('Fackförbund').fill('Vision');
  await give.click();
  const union = staff.getByRole('listitem').filter({ hasText: `${safetyName} – Facklig företrädare (Vision)` });
  await expect(union).toBeVisible();
  await union.getByRole('button', { name: `Ta bort rollen Facklig företrädare (Vision) för ${safetyName}` }).click();
  await expect(union).toHaveCount(0);

  // The museum closes; it stays, marked, with its records.
  await page.getByRole('navigation', { name: 'Platsen i organisationen' }).getByRole('link', { name: dept }).click();
  await page.getByRole('link', { name: museum }).click();
  await expect(page.getByRole('heading', { level: 1, name: museum })).toBeVisible();
  await page.getByRole('button', { name: 'Stäng delen' }).click();
  await expect(page.getByText(/sedan \d{4}-\d{2}-\d{2}\. Handlingarna finns kvar/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Öppna delen igen' })).toBeVisible();
  await expectAccessible(page);
  // Marked as closed on the start page and in a roll-up's picker.
  await open(page, '/');
  await expect(page.getByRole('heading', { level: 2, name: `${museum} Stängd` })).toBeVisible();
  await open(page, '/uppfoljning');
  await expect(page.getByLabel('Del av organisationen').getByRole('option', { name: `${museum} (stängd)` })).toHaveCount(1);

  // The changes are on record.
  await open(page, '/logg');
  await expect(page.getByRole('listitem').filter({ hasText: 'Lade till en del av organisationen' }).first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Gav en person en roll' }).first()).toBeVisible();
});

test('HR of another part and a chef cannot keep the tree', async ({ page }) => {
  // HR of Socialförvaltningen keeps its own part, not the root.
  await signIn(page, people.hr);
  await page.getByRole('link', { name: 'Organisation och personer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Socialförvaltningen' })).toBeVisible();
  const root = page.getByRole('navigation', { name: 'Platsen i organisationen' }).getByText('Exempelstad');
  await expect(root).toBeVisible();
  await expect(root.getByRole('link')).toHaveCount(0);
  await open(page, '/organisation/1');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();

  await signIn(page, people.chef);
  await expect(page.getByRole('link', { name: 'Organisation och personer' })).toHaveCount(0);
  await open(page, '/organisation');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
});
