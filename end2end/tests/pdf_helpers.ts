// Reading the documents the app makes as PDF: a link's file, fetched as the signed-in person, and
// its text as poppler's pdftotext reads it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The text of a PDF, as pdftotext reads it: laid out as on the page, or (`flowing`) in the order
 * it was written with every run of white space one space, so a phrase that wraps in a narrow
 * table cell is still found whole.
 */
export function pdfText(pdf: Buffer, { flowing = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  const file = join(dir, 'document.pdf');
  writeFileSync(file, pdf);
  try {
    const text = execFileSync('pdftotext', [flowing ? '-raw' : '-layout', file, '-'], { encoding: 'utf8' });
    return flowing ? text.replace(/\s+/g, ' ') : text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fetches the PDF behind `link` as the page's signed-in person; its flowing text. */
export async function linkedPdfText(page: Page, link: Locator) {
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  return pdfText(await response.body(), { flowing: true });
}
