/**
 * The roster import's row check: every rule of a row that needs no database (names, ID number check digit and
 * the birth date and sex it implies, phone, codes, dates) and the blind indexes the database lookups use.
 * The import engine runs it on the parse worker (ImportSpec.check), so a 100,000-row file costs the server's
 * event loop none of it. Kept free of database imports: the worker loads this file.
 */
import { createBlindIndex } from '@platform/crypto';
import { parseImportDate } from '@platform/imports/cells';
import { checkMemberFields, ID_INDEX_PURPOSE, PHONE_INDEX_PURPOSE, type MemberValue } from './member.fields';

export interface RosterRowCheck {
  errors: string[];
  /** The member's fields when they passed (the row may still have other errors). */
  value: MemberValue | null;
  /** Blind index of the ID number ('' when it is wrong, even if other fields are wrong too) and of the phone. */
  idx: string;
  phoneIdx: string | null;
  /** The union code with spaces removed and full-width digits made half-width. */
  orgCode: string;
  joinedOn: string;
}

export interface RosterCheckInput {
  today: string;
  blindIndexKey: Uint8Array;
}

const fullWidthDigits = (s: string) => s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function checkRosterRow(values: Record<string, string>, today: string, blindIndex: (value: string, purpose: string) => string): RosterRowCheck {
  const errors: string[] = [];
  const fields = checkMemberFields(
    {
      name: values.name ?? '',
      sex: values.sex,
      ethnicity: values.ethnicity,
      idNumber: values.idNumber ?? '',
      phone: values.phone,
      education: values.education,
      politicalStatus: values.politicalStatus,
      occupation: values.occupation,
      migrantWorker: values.migrantWorker,
      employerUscc: values.employerUscc,
      remark: values.remark,
    },
    today,
  );
  if ('errors' in fields) errors.push(...fields.errors);
  const value = 'value' in fields ? fields.value : null;
  // What a valid ID number implies, even when another field of the row is wrong: every error of the row is told.
  const id = value ?? ('id' in fields ? fields.id : null);
  const orgCode = fullWidthDigits((values.orgCode ?? '').replace(/\s+/g, ''));
  if (!orgCode) errors.push('所属工会代码不能为空');
  let joinedOn = today;
  if (values.joinedOn) {
    const d = parseImportDate(values.joinedOn);
    if (!d) errors.push('入会日期格式不对，应为 2024-03-05 这样的日期');
    else if (d > today) errors.push('入会日期不能晚于今天');
    else joinedOn = d;
  }
  if (id && joinedOn < id.birthDate) errors.push(`入会日期不能早于出生日期（身份证号码显示为 ${id.birthDate}）`);
  const idx = id ? blindIndex(id.idNumber, ID_INDEX_PURPOSE) : '';
  const phoneIdx = value?.phone ? blindIndex(value.phone, PHONE_INDEX_PURPOSE) : null;
  return { errors, value, idx, phoneIdx, orgCode, joinedOn };
}

/** The worker's entry (RowCheckModule). */
export function createRowCheck(input: RosterCheckInput): (values: Record<string, string>) => RosterRowCheck {
  const blindIndex = createBlindIndex(input.blindIndexKey);
  return (values) => checkRosterRow(values, input.today, blindIndex);
}
