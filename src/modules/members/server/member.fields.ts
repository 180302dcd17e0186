import type { FieldCipher, FieldContext } from '@platform/crypto';
// The light module, not the engine: the import's row check loads this file on the parse worker.
import { SealedValue } from '@platform/imports/sealed';
import { maskIdNumber, maskPhone } from '@platform/privacy';
import { normaliseCode, parseIdNumber, parseUscc } from '@platform/validation';
import { gigKindOfWorker, MEMBER_CODES, SEX_LABELS, WORKER_KINDS, workerKindOf, type Sex } from '../shared/member-codes';

/** A member's fields after every rule has passed: what is stored (before sealing ID and phone). */
export interface MemberValue {
  name: string;
  sex: Sex;
  birthDate: string;
  ethnicity: string | null;
  idNumber: string;
  phone: string | null;
  education: string | null;
  politicalStatus: string | null;
  occupation: string | null;
  /** 从业类别 (shared/member-codes.ts WORKER_KINDS); null when not recorded. */
  workerKind: string | null;
  gigKind: string | null;
  /** null when not given (an update then keeps the stored value). */
  migrantWorker: boolean | null;
  employerUscc: string | null;
  remark: string | null;
}

export interface RawMemberFields {
  name: string;
  sex?: string | null;
  ethnicity?: string | null;
  idNumber: string;
  phone?: string | null;
  education?: string | null;
  politicalStatus?: string | null;
  occupation?: string | null;
  /** A worker-kind code or template value; when absent, the occupation is read as one if it names one exactly. */
  workerKind?: string | null;
  migrantWorker?: string | boolean | null;
  employerUscc?: string | null;
  remark?: string | null;
}

const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
// Every CJK unified ideograph, the extensions beyond the basic plane included (GB 18030-2022): a name with a rare
// character (生僻字) is a real name. Counted in characters, not UTF-16 units.
const NAME_RE = /^[\u3400-\u4dbf\u4e00-\u9fff\u{20000}-\u{323af}A-Za-z·•.\s]{2,30}$/u;

export function normalisePhone(raw: string): string {
  return normaliseCode(raw).replace(/^\+?86/, '').replace(/-/g, '');
}

/** What the ID number says about its holder, when it passed its checks (kept even when other fields fail). */
export interface IdFacts {
  idNumber: string;
  birthDate: string;
  sex: Sex;
}

/**
 * Checks a member's fields against the register's rules; returns every problem, each naming its field. Coded
 * fields accept the spellings of their table in MEMBER_CODES (本科, 党员, 汉, √ …) and store the standard value.
 * On errors, `id` still carries what a valid ID number implies, so cross-field checks (joined before birth)
 * and lookups by ID number can report their own errors for the same row.
 */
export function checkMemberFields(raw: RawMemberFields, today: string): { value: MemberValue } | { errors: string[]; id: IdFacts | null } {
  const errors: string[] = [];
  const name = (raw.name ?? '').replace(/\s+/g, ' ').trim();
  if (!name) errors.push('姓名不能为空');
  else if (!NAME_RE.test(name)) errors.push('姓名应为 2–30 个汉字或字母');

  let id: IdFacts | null = null;
  if (!blank(raw.idNumber)) errors.push('居民身份证号码不能为空');
  else {
    const parsed = parseIdNumber(raw.idNumber, today);
    if ('error' in parsed) errors.push(/e\+/i.test(raw.idNumber) ? '居民身份证号码被 Excel 转成了科学计数法，请把该列设为文本格式后重新填写' : parsed.error);
    else id = { idNumber: parsed.idNumber, birthDate: parsed.birthDate, sex: parsed.sex };
  }
  /** A coded field's stored value (null when empty); an unknown spelling is an error listing the accepted ones. */
  const coded = <T>(field: { parse(text: string | null | undefined): { value: T | null } | { error: string } }, text: string | null | undefined): T | null => {
    const r = field.parse(text);
    if ('error' in r) {
      errors.push(r.error);
      return null;
    }
    return r.value;
  };
  const given = coded(MEMBER_CODES.sex, raw.sex);
  if (given && id && given !== id.sex) errors.push(`性别与居民身份证号码不符（号码显示为${SEX_LABELS[id.sex]}）`);
  const ethnicity = coded(MEMBER_CODES.ethnicity, raw.ethnicity);
  let phone = blank(raw.phone);
  if (phone) {
    phone = normalisePhone(phone);
    if (!/^1[3-9]\d{9}$/.test(phone)) errors.push('手机号码应为 11 位，以 1 开头');
  }
  const education = coded(MEMBER_CODES.education, raw.education);
  const politicalStatus = coded(MEMBER_CODES.politicalStatus, raw.politicalStatus);
  const occupation = blank(raw.occupation);
  if (occupation && occupation.length > 30) errors.push('职业不能超过 30 个字');
  const kindText = blank(raw.workerKind);
  const workerKind = kindText ? workerKindOf(kindText) : workerKindOf(occupation);
  if (kindText && !workerKind) errors.push(`从业类别应为：${Object.values(WORKER_KINDS).join('、')}`);
  const migrantWorker = typeof raw.migrantWorker === 'boolean' ? raw.migrantWorker : coded(MEMBER_CODES.migrantWorker, raw.migrantWorker);
  let employerUscc = blank(raw.employerUscc);
  if (employerUscc) {
    const u = parseUscc(employerUscc);
    if ('error' in u) errors.push(`工作单位${u.error}`);
    else employerUscc = u.uscc;
  }
  const remark = blank(raw.remark);
  if (remark && remark.length > 200) errors.push('备注不能超过 200 个字');
  if (errors.length || !id) return { errors, id };
  return {
    value: {
      name,
      sex: id.sex,
      birthDate: id.birthDate,
      ethnicity,
      idNumber: id.idNumber,
      phone,
      education,
      politicalStatus,
      occupation,
      workerKind,
      gigKind: gigKindOfWorker(workerKind),
      migrantWorker,
      employerUscc,
      remark,
    },
  };
}

export const ID_INDEX_PURPOSE = 'member.id_number';
export const PHONE_INDEX_PURPOSE = 'member.phone';

export interface Sealed {
  enc: string;
  idx: string;
  masked: string;
}

const idContext = (table: string, rowId: number): FieldContext => ({ table, column: 'id_number', rowId });
const phoneContext = (table: string, rowId: number): FieldContext => ({ table, column: 'phone', rowId });

/** Encrypts an ID number for one row and computes its lookup digest and display mask. */
export function sealIdNumber(cipher: FieldCipher, table: string, rowId: number, idNumber: string, idx?: string): Sealed {
  const digest = idx ?? cipher.blindIndex(idNumber, ID_INDEX_PURPOSE);
  return { ...sealIdNumberLater(table, rowId, idNumber, digest), enc: cipher.encrypt(idNumber, idContext(table, rowId)) };
}

export function sealPhone(cipher: FieldCipher, table: string, rowId: number, phone: string): Sealed {
  return { ...sealPhoneLater(table, rowId, phone, cipher.blindIndex(phone, PHONE_INDEX_PURPOSE)), enc: cipher.encrypt(phone, phoneContext(table, rowId)) };
}

/** As sealIdNumber, with the digest given and the encryption left to the import engine (batched on the cipher's worker thread). */
export function sealIdNumberLater(table: string, rowId: number, idNumber: string, idx: string) {
  return { enc: new SealedValue(idNumber, idContext(table, rowId)), idx, masked: maskIdNumber(idNumber)! };
}

export function sealPhoneLater(table: string, rowId: number, phone: string, idx: string) {
  return { enc: new SealedValue(phone, phoneContext(table, rowId)), idx, masked: maskPhone(phone)! };
}

/** The lookup digest of a search term that looks like an ID number or a phone, else null. */
export function searchDigest(cipher: FieldCipher, q: string): { column: 'id' | 'phone'; idx: string } | null {
  const code = normaliseCode(q);
  if (/^\d{17}[\dX]$/.test(code)) return { column: 'id', idx: cipher.blindIndex(code, ID_INDEX_PURPOSE) };
  const phone = normalisePhone(q);
  if (/^1[3-9]\d{9}$/.test(phone)) return { column: 'phone', idx: cipher.blindIndex(phone, PHONE_INDEX_PURPOSE) };
  return null;
}

/** The blind index of a resident ID number after its checks (the key other ledgers look members up by). */
export function idNumberIndex(cipher: FieldCipher, raw: string, today: string): { idx: string } | { error: string } {
  const parsed = parseIdNumber(raw, today);
  if ('error' in parsed) return parsed;
  return { idx: cipher.blindIndex(parsed.idNumber, ID_INDEX_PURPOSE) };
}
