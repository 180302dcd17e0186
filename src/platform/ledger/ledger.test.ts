import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../excel';
import { writeXlsx } from '../excel/xlsx';
import { defineCodes } from './codes';
import { columnsIn, defineColumns, importColumns, importTextColumns, shownCell } from './columns';
import { xlsxColumns } from './export';
import { blanksAsNull } from './fields';
import { defineLedger } from './ledger';

const STATUS = defineCodes({ open: '报名中', closed: '已结束' });
type Row = { name: string; status: string; paid: boolean; code?: string };
const COLUMNS = defineColumns<Row>([
  { key: 'name', header: '名称', value: (r) => r.name, import: { required: true } },
  { key: 'orgCode', header: '工会代码', import: { asText: true, aliases: ['组织代码'] } },
  { key: 'status', header: '状态', value: (r) => r.status, codes: STATUS, in: { list: false } },
  { key: 'paid', header: '已缴费', value: (r) => r.paid, in: { export: false } },
]);

describe('codes', () => {
  it('labels codes, reads a code or its label back, and keeps an unknown code visible', () => {
    expect(STATUS.values).toEqual(['open', 'closed']);
    expect(STATUS.label('closed')).toBe('已结束');
    expect(STATUS.label('gone')).toBe('gone');
    expect(STATUS.label(null)).toBeNull();
    expect(STATUS.of(' 已结束 ')).toBe('closed');
    expect(STATUS.of('open')).toBe('open');
    expect(STATUS.of('关闭')).toBeNull();
    expect(STATUS.options()).toEqual([{ value: 'open', label: '报名中' }, { value: 'closed', label: '已结束' }]);
  });
});

describe('one column list', () => {
  const row: Row = { name: '=HYPERLINK("x")', status: 'open', paid: true };

  it('serves each place its columns, codes as labels and booleans as 是/否', () => {
    expect(columnsIn(COLUMNS, 'list').map((c) => c.key)).toEqual(['name', 'paid']);
    expect(columnsIn(COLUMNS, 'export').map((c) => c.key)).toEqual(['name', 'status']);
    expect(columnsIn(COLUMNS, 'detail').map((c) => c.key)).toEqual(['name', 'status', 'paid']);
    expect(COLUMNS.map((c) => shownCell(c, row))).toEqual(['=HYPERLINK("x")', undefined, '报名中', '是']);
  });

  it('gives the import template its columns, import-only ones included, and its text columns', () => {
    expect(importColumns(COLUMNS)).toEqual([
      { key: 'name', header: '名称', width: undefined, required: true },
      { key: 'orgCode', header: '工会代码', width: undefined, aliases: ['组织代码'] },
    ]);
    expect(importTextColumns(COLUMNS)).toEqual(['orgCode']);
  });

  it('exports formula-safe cells through the Excel writer', async () => {
    const read = await readXlsxRows(await writeXlsx('测试', xlsxColumns(COLUMNS), [row]));
    expect(read).toEqual([['名称', '状态'], [`'=HYPERLINK("x")`, '报名中']]);
  });

  it('opens a record at its list page', () => {
    expect(defineLedger({ name: 'x', label: '测试', path: '/x', columns: COLUMNS }).href(12)).toBe('/x?open=12');
  });
});

describe('optional text fields', () => {
  it('trims them, stores a blank one as null and leaves out what the input leaves out (a patch)', () => {
    const input = { name: '甲', remark: '  ', address: ' 中山路 1 号 ', phone: null, note: undefined };
    expect(blanksAsNull(input, ['remark', 'address', 'phone', 'note'])).toEqual({ remark: null, address: '中山路 1 号', phone: null });
    expect('note' in blanksAsNull(input, ['note'])).toBe(false);
  });
});
