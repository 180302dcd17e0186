/**
 * Uploads as people have them: which kind of file an upload is (by its leading bytes, never by what the
 * uploader says), and .csv read in UTF-8 (with or without a byte-order mark) or in GB18030/GBK — what Excel on
 * a Chinese Windows writes — detected, not asked. Pure: the parse worker loads it.
 */

export type UploadFormat = 'xlsx' | 'xls' | 'csv';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A zip archive (an .xlsx workbook, whoever wrote it: Excel, WPS, LibreOffice). */
export function isZip(file: Uint8Array): boolean {
  return file.length > 4 && file[0] === 0x50 && file[1] === 0x4b;
}

/** The format of an upload by its leading bytes: a zip (.xlsx), an OLE2 compound file (.xls) or text (.csv); null otherwise. */
export function detectUploadFormat(file: Uint8Array): UploadFormat | null {
  if (isZip(file)) return 'xlsx';
  if (file.length >= 8 && OLE2.every((b, i) => file[i] === b)) return 'xls';
  return decodeText(file) === null ? null : 'csv';
}

/**
 * The text of a text file: UTF-16 or UTF-8 by their byte-order mark; else UTF-8 when the bytes are valid
 * UTF-8, else GB18030 (a superset of GBK and GB2312) when they are valid there. Null for bytes that are no
 * text in any of them (control characters other than tab and line ends are taken as binary).
 */
export function decodeText(file: Uint8Array): string | null {
  let text: string | null;
  if (file[0] === 0xff && file[1] === 0xfe) text = tryDecode('utf-16le', file.subarray(2));
  else if (file[0] === 0xfe && file[1] === 0xff) text = tryDecode('utf-16be', file.subarray(2));
  else if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) text = tryDecode('utf-8', file.subarray(3));
  else text = tryDecode('utf-8', file) ?? tryDecode('gb18030', file);
  // eslint-disable-next-line no-control-regex
  if (text === null || /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The records of a CSV text (RFC 4180: fields in double quotes may hold commas, line breaks and doubled
 * quotes; lines end in CRLF, LF or CR). The separator is a comma, or a tab when the first line has tabs and no
 * commas (Excel's 文本文件(制表符分隔)). Yields each record with its 1-based number and the text offset reached.
 */
export function* parseCsv(text: string): Generator<{ rowNo: number; cells: string[]; offset: number }> {
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let rowNo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            cell += text.slice(i);
            i = n;
            break;
          }
          cell += text.slice(i, q);
          i = q + 1;
          if (text[i] === '"') {
            cell += '"';
            i++;
          } else break;
        }
        // Anything between the closing quote and the separator is kept, as spreadsheet programs do.
        const end = nextBreak(text, i, sep);
        cell += text.slice(i, end);
        i = end;
      } else {
        const end = nextBreak(text, i, sep);
        cell = text.slice(i, end);
        i = end;
      }
      cells.push(cell);
      if (text[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < n) i++;
    rowNo++;
    yield { rowNo, cells, offset: i };
  }
}

/** The position of the next separator or line end from `i` (or the end of the text). */
function nextBreak(text: string, i: number, sep: string): number {
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === sep || c === '\n' || c === '\r') return j;
  }
  return text.length;
}
