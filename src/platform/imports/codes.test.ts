import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codedField, normaliseCodeText, yesNoField } from './codes';
import { decodeText, detectUploadFormat, parseCsv } from './csv';

describe('coded columns with synonyms', () => {
  const level = codedField('学历', [
    { value: '大学本科', label: '大学本科', synonyms: ['本科'] },
    { value: '研究生', label: '研究生', synonyms: ['硕士研究生'] },
  ]);

  it('matches the label and its synonyms whatever their width, spacing and case, storing the standard value', () => {
    expect(level.parse('本科')).toEqual({ value: '大学本科' });
    expect(level.parse(' 硕士 研究生\u3000')).toEqual({ value: '研究生' });
    expect(level.parse('')).toEqual({ value: null });
    expect(normaliseCodeText('ＹＥＳ Ｎo')).toBe('yesno');
    const yes = yesNoField('是否农民工');
    for (const t of ['是', 'Y', 'ｙ', '√', '1', '１', 'TRUE']) expect(yes.parse(t)).toEqual({ value: true });
    for (const t of ['否', 'N', 'n', '×', '0', 'False']) expect(yes.parse(t)).toEqual({ value: false });
  });

  it('reports an unknown value with the field and the accepted values in Chinese', () => {
    expect(level.parse('小本')).toEqual({ error: '学历“小本”无法识别，应填写：大学本科、研究生（常见写法见模板“填写说明”）' });
    expect(level.synonymLines()).toEqual([
      { label: '大学本科', synonyms: ['本科'] },
      { label: '研究生', synonyms: ['硕士研究生'] },
    ]);
  });

  it('refuses a table that maps one spelling to two values', () => {
    expect(() => codedField('x', [{ value: 1, label: '甲' }, { value: 2, label: '乙', synonyms: [' 甲 '] }])).toThrow(/two values/);
  });
});

describe('CSV uploads', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  // What Excel on a Chinese Windows writes: GB18030 (GBK) bytes, encoded by the system's iconv.
  const gb18030 = (s: string) => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: s }));

  it('detects the format by the leading bytes', () => {
    expect(detectUploadFormat(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBe('xlsx');
    expect(detectUploadFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('xls');
    expect(detectUploadFormat(utf8('姓名,居民身份证号码\n'))).toBe('csv');
    expect(detectUploadFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBeNull();
  });

  it('reads UTF-8 with and without a byte-order mark, and GB18030, without being told', () => {
    const text = '姓名,民族,学历\n张伟,汉,本科\n';
    expect(decodeText(utf8(text))).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe(text);
    const gbk = gb18030(text);
    expect(gbk.length).toBeLessThan(utf8(text).length);
    expect(decodeText(gbk)).toBe(text);
    expect(decodeText(gb18030('𠀀,䶮\n'))).toBe('𠀀,䶮\n');
  });

  it('parses quoted fields holding commas, doubled quotes and line breaks, and any line ending', () => {
    const rows = [...parseCsv('姓名,备注\r\n张伟,"住址：北京市,朝阳区"\r\n李娜,"第一行\n第二行，说“好”"""\n王芳,\n\n赵敏,"a""b"')].map((r) => [r.rowNo, r.cells]);
    expect(rows).toEqual([
      [1, ['姓名', '备注']],
      [2, ['张伟', '住址：北京市,朝阳区']],
      [3, ['李娜', '第一行\n第二行，说“好”"']],
      [4, ['王芳', '']],
      [5, ['']],
      [6, ['赵敏', 'a"b']],
    ]);
    expect([...parseCsv('姓名\t学历\n张伟\t本科,硕士\n')].map((r) => r.cells)).toEqual([
      ['姓名', '学历'],
      ['张伟', '本科,硕士'],
    ]);
  });
});
