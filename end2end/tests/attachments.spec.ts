// Attachments of an agenda: the chef uploads a file (a wrong type, a file whose content is not
// what its name says, and one over the size limit are refused with a message beside the field),
// the notice links it, a member downloads it, a person of another unit is refused, and the chef
// removes it. Each project works on its own year.
import { expect, test } from '@playwright/test';
import { expectAccessible, type Mail, MAIL_SINK, open, ownYear, people, planWithTwoMeetings, signIn, signOut } from './helpers';

test.describe.configure({ timeout: 180_000 });


/** A small but real PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

test('a chef attaches a file that the notice links and members download @ssr', async ({ page }) => {
  const project = test.info().project.name;
  const year = ownYear('attachments');
  const fileName = `Ordningsregler ${year}.pdf`;
  await planWithTwoMeetings(page, year, 1);
  await page.getByRole('link', { name: new RegExp(`^Dagordning .*10 mars ${year}`) }).click();
  await page.getByRole('button', { name: 'Skapa dagordning från planen' }).click();
  const agendaUrl = new URL(page.url()).pathname;
  const files = page.getByRole('region', { name: 'Bilagor' });
  await expect(files.getByText('Inga bilagor ännu.')).toBeVisible();

  // Refused, each with its reason beside the field; nothing is stored.
  const field = files.getByLabel('Fil att bifoga');
  const upload = async (name: string, buffer: Buffer, mimeType = 'application/pdf') => {
    await files.getByLabel('Fil att bifoga').setInputFiles({ name, mimeType, buffer });
    await files.getByRole('button', { name: 'Ladda upp bilaga' }).click();
  };
  await upload('installera.exe', Buffer.from('MZ\x90\x00not really a program'), 'application/octet-stream');
  await expect(files.getByText(/Den filtypen kan inte bifogas\./)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await upload('faktura.pdf', Buffer.from('MZ\x90\x00a program named as a PDF'));
  await expect(files.getByText(/Filens innehåll stämmer inte med filtypen i namnet\./)).toBeVisible();
  await upload('stor.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]));
  await expect(files.getByText('Filen är för stor. Bilagor får vara högst 10 MB.')).toBeVisible();
  await expect(files.getByText('Inga bilagor ännu.')).toBeVisible();

  // A real PDF is kept and listed.
  await upload(fileName, PDF);
  await expect(files.getByText('Bilagan är sparad.')).toBeVisible();
  const link = files.getByRole('link', { name: fileName });
  await expect(link).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expectAccessible(page);
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/bilagor\/\d+$/);

  // The notice links it.
  const notice = page.getByRole('region', { name: 'Kallelse', exact: true });
  await notice.getByRole('button', { name: 'Skicka kallelse' }).click();
  await expect(notice.getByText(/Skickad .*, i tid\./)).toBeVisible();
  const subject = new RegExp(`^Kallelse: APT Hemtjänst Norr \\S+ 10 mars ${year}$`);
  await expect
    .poll(async () => ((await (await page.request.get(MAIL_SINK)).json()) as Mail[]).filter((m) => subject.test(m.subject)).length)
    .toBeGreaterThan(0);
  const mail = ((await (await page.request.get(MAIL_SINK)).json()) as Mail[]).find((m) => subject.test(m.subject))!;
  expect(mail.text).toContain(`${fileName}: http://127.0.0.1`);
  expect(mail.text).toContain(href);
  await signOut(page);

  // A member downloads it exactly as uploaded.
  await signIn(page, people.medarbetare);
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toContain('attachment;');
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.compare(await download.body(), PDF)).toBe(0);
  await signOut(page);

  // A person of another unit is answered as if there were no such file.
  await signIn(page, people.otherChef);
  expect((await page.request.get(href)).status()).toBe(404);
  await signOut(page);

  // The chef removes it.
  await signIn(page, people.chef);
  await open(page, agendaUrl);
  const again = page.getByRole('region', { name: 'Bilagor' });
  await again.getByRole('button', { name: `Ta bort bilagan ${fileName}` }).click();
  await expect(again.getByText('Inga bilagor ännu.')).toBeVisible();
  expect((await page.request.get(href)).status()).toBe(404);
});

test('a meeting holds at most 20 attachments, and the chef is told why beside the field @ssr', async ({ page }) => {
  const year = ownYear('attachments', 1);
  await planWithTwoMeetings(page, year, 1);
  await page.getByRole('link', { name: new RegExp(`^Dagordning .*10 mars ${year}`) }).click();
  await page.getByRole('button', { name: 'Skapa dagordning från planen' }).click();
  const agendaUrl = new URL(page.url()).pathname;
  const [, unit, meeting] = agendaUrl.match(/^\/enhet\/(\d+)\/mote\/(\d+)\//)!;

  // Twenty files as the upload form sends them, then the twenty-first through the page.
  for (let i = 1; i <= 20; i++) {
    const sent = await page.request.post(`/enhet/${unit}/mote/${meeting}/bilagor`, {
      multipart: { fil: { name: `Underlag ${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Underlag ${i}`) } },
      maxRedirects: 0,
    });
    expect(sent.status()).toBe(303);
    expect(sent.headers()['location']).toContain('bilaga=sparad');
  }
  await open(page, agendaUrl);
  const files = page.getByRole('region', { name: 'Bilagor' });
  await expect(files.getByRole('link', { name: /^Underlag \d+\.txt$/ })).toHaveCount(20);
  const field = files.getByLabel('Fil att bifoga');
  const upload = async (name: string) => {
    await field.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    await files.getByRole('button', { name: 'Ladda upp bilaga' }).click();
  };
  await upload('En till.pdf');
  await expect(files.getByText(/Mötet har redan så många bilagor som det får ha \(20 filer/)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(files.getByRole('link', { name: 'En till.pdf' })).toHaveCount(0);
  await expectAccessible(page);

  // With one removed there is room again.
  await files.getByRole('button', { name: 'Ta bort bilagan Underlag 1.txt' }).click();
  await expect(files.getByRole('link', { name: /^Underlag \d+\.txt$/ })).toHaveCount(19);
  await upload('En till.pdf');
  await expect(files.getByText('Bilagan är sparad.')).toBeVisible();
  await expect(files.getByRole('link', { name: 'En till.pdf' })).toBeVisible();
});
