import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'];

/** The LibreOffice binary when installed (PDF export is optional: `apt-get install libreoffice-writer-nogui`). */
export function findSoffice(): string | null {
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/** Converts a .docx to PDF with headless LibreOffice, in a private profile so conversions can run side by side. */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    fs.writeFileSync(input, docx);
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: 60_000 },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    return fs.readFileSync(path.join(dir, 'report.pdf'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
