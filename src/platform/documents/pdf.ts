import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'];

/** The LibreOffice binary when installed (PDF export is optional: `apt-get install libreoffice-writer-nogui`). */
export function findSoffice(): string | null {
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/** Converts a .docx to PDF with headless LibreOffice. */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  return convertWithLibreOffice(docx, 'docx', 'pdf');
}

/**
 * Converts a file with headless LibreOffice (`--convert-to`), e.g. a .docx to pdf or an .xls to xlsx (the
 * latter needs LibreOffice Calc), in a private profile so conversions can run side by side. Throws when
 * LibreOffice is not installed or the conversion produced nothing.
 */
export async function convertWithLibreOffice(input: Buffer, fromExt: string, toExt: string): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-office-'));
  try {
    const source = path.join(dir, `input.${fromExt}`);
    const outDir = path.join(dir, 'out');
    fs.writeFileSync(source, input);
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', toExt, '--outdir', outDir, source],
        { timeout: 60_000 },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    const output = path.join(outDir, `input.${toExt}`);
    if (!fs.existsSync(output)) throw new Error(`LibreOffice did not convert the ${fromExt} file to ${toExt}`);
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
