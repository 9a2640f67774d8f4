// The HR import: the administrator (HR at the root of Norrvik, the demo's organisation for
// organisation-wide flows) uploads the HR system's export, is told what is wrong with a file of
// the wrong shape, previews a real one (what it adds, and every rejected row with why), applies
// it, finds the units and people in the tree, and sees that the same file again changes
// nothing. The import speaks for the whole organisation, so only the desktop run applies it;
// the phone run previews the same file, which changes nothing.
import { expect, test } from '@playwright/test';
import { expectAccessible, norrvik, open, signIn } from './helpers';

const UNITS = `Enhetskod;Överordnad kod;Namn;Typ
NV-K;;Kultur och fritid;Förvaltning
NV-K1;NV-K;Simhallen;Enhet
NV-K2;NV-K;Ungdomens hus;Enhet
NV-X;NV-SAKNAS;Föräldralösa enheten;Enhet
`;
const PEOPLE = `Anställningsnummer;E-post;Namn;Titel;Enhetskod;Roll;Fackförbund
9001;tove.bad@norrvik.se;Tove Bad;Badmästare;NV-K1;Chef;
9002;lars.sim@norrvik.se;Lars Sim;Simlärare;NV-K1;Medarbetare;
9002;lars.sim@norrvik.se;Lars Sim;Simlärare;NV-K1;Skyddsombud;
9003;nora.ung@norrvik.se;Nora Ung;Fritidsledare;NV-K2;Rektor;
9004;utan.roll@norrvik.se;Utan Roll;;NV-K2;Kung;
`;

async function upload(page: import('@playwright/test').Page, files: { name: string; text: string }[]) {
  await open(page, '/organisation/import');
  await page.getByLabel('Excel-arbetsbok (.xlsx) eller två CSV-filer').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text, 'utf-8') })),
  );
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
}

test('The administrator previews and applies an HR export', async ({ page }) => {
  const desktop = test.info().project.name === 'desktop';
  await signIn(page, norrvik.hr);
  await page.getByRole('link', { name: 'Organisation och personer' }).click();
  await page.getByRole('link', { name: 'Importera från HR-systemet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera från HR-systemet' })).toBeVisible();
  await expectAccessible(page);

  // A file of the wrong shape is refused with what is missing.
  await upload(page, [{ name: 'enheter.csv', text: 'Kod;Namn\nK;Kommun\n' }]);
  await expect(page.getByText('Enheterna saknas.', { exact: false })).toBeVisible();

  await upload(page, [{ name: 'enheter.csv', text: UNITS }, { name: 'personer.csv', text: PEOPLE }]);
  await expect(page.getByRole('heading', { level: 1, name: 'Förhandsgranskning av importen' })).toBeVisible();
  const rejected = page.getByRole('region', { name: 'Rader som inte läses in (2)' });
  await expect(rejected.getByRole('row').filter({ hasText: 'Överordnad kod NV-SAKNAS finns inte bland enheterna i filen.' })).toBeVisible();
  await expect(rejected.getByRole('row').filter({ hasText: 'Okänd roll "Kung".' })).toBeVisible();
  await expectAccessible(page);
  if (!desktop) return;

  const changes = page.getByRole('region', { name: 'Det här ändras' });
  await changes.getByText('Nya enheter: 3').click();
  await expect(changes.getByText('NV-K1 Simhallen (under NV-K)')).toBeVisible();
  await expect(changes.getByText('Nya personer: 3')).toBeVisible();
  await expect(changes.getByText('Nya roller: 4')).toBeVisible();
  await page.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(page.getByText('Importen är genomförd: 10 ändringar.')).toBeVisible();
  await expect(page.getByText('Genomförd', { exact: true })).toBeVisible();

  // The units and people are in the tree, with the roles from the file.
  await page.getByRole('link', { name: 'Till organisationen' }).click();
  await page.getByRole('link', { name: 'Kultur och fritid' }).click();
  await page.getByRole('link', { name: 'Simhallen' }).click();
  const staff = page.getByRole('region', { name: 'Personer och roller här' });
  await expect(staff.getByRole('listitem').filter({ hasText: 'Tove Bad – Chef' })).toContainText('Från HR-systemet');
  await expect(staff.getByRole('listitem').filter({ hasText: 'Lars Sim – Skyddsombud' })).toBeVisible();

  // The same file again changes nothing.
  await upload(page, [{ name: 'enheter.csv', text: UNITS }, { name: 'personer.csv', text: PEOPLE }]);
  await expect(page.getByText('Filen stämmer redan med organisationen. Inget behöver ändras.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Genomför importen' })).toHaveCount(0);
});

test('Only HR at the root imports', async ({ page }) => {
  await signIn(page, 'fredrik.holmqvist@exempelstad.se'); // HR at a förvaltning
  await open(page, '/organisation/import/1');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
});
