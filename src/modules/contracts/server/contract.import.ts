import { pathInScope, scopeFor } from '@platform/access';
import { reserveSerialIds } from '@platform/db';
import type { ImportColumn, ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell, codedField, numberCell, parseImportDate } from '@platform/imports';
import { addDays, addMonths, chinaToday } from '@platform/periods';
import { parseUscc } from '@platform/validation/china-ids';
import { registerPlacesByUscc } from '@modules/employers/server';
import { unionsOfRows } from '@modules/organisations/server';
import { dueAfter } from '../shared/contract-clocks';
import { CONTRACT_KIND } from '../shared/contract.ledger';
import { ContractPermissions } from '../shared/contracts.module';
import { clockSetup, CONTRACT_EMPLOYER_TARGET, CONTRACT_TARGET, type ClockSetup } from './contract.repository';
import { nextDueOf } from './contract.service';

const KIND_FIELD = codedField('合同类型', CONTRACT_KIND.values.map((value) => ({ value, label: CONTRACT_KIND.labels[value], synonyms: { general: ['综合', '集体合同'], wage: ['工资专项', '工资集体协议', '工资专项集体合同'], women: ['女职工专项', '女职工权益保护专项'], safety: ['安全卫生专项', '劳动安全卫生专项'] }[value] })));

/** The template: one row per contract of one enterprise (regional and industry contracts are entered on screen). */
export const CONTRACT_IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'orgCode', header: '签订工会代码', required: true, note: '签订合同的工会的组织代码', example: '320102001001', width: 16 },
  { key: 'title', header: '合同名称', required: true, example: '××有限公司 2025 年工资专项集体合同', width: 30 },
  { key: 'kind', header: '合同类型', required: true, example: '工资专项', codes: KIND_FIELD.synonymLines(), width: 14 },
  { key: 'session', header: '届次', example: '第三届', width: 8 },
  { key: 'employerName', header: '覆盖企业名称', required: true, example: '××有限公司', width: 24 },
  { key: 'uscc', header: '统一社会信用代码', required: true, example: '91320102MA1XXXXX0X', width: 20 },
  { key: 'workers', header: '覆盖职工人数', required: true, note: '整数', example: '120', width: 10 },
  { key: 'signedOn', header: '签订日期', required: true, example: '2025-03-01', width: 12 },
  { key: 'startsOn', header: '合同期限起', required: true, example: '2025-03-01', width: 12 },
  { key: 'endsOn', header: '合同期限止', required: true, note: '期限 1 至 3 年', example: '2028-02-29', width: 12 },
  { key: 'filedOn', header: '报送日期', note: '报送人社部门审查的日期，未报送不填', example: '2025-03-08', width: 12 },
  { key: 'lateReason', header: '逾期报送理由', note: '签订后超过报送期限报送的必填', width: 20 },
  { key: 'receivedOn', header: '受理日期', example: '2025-03-10', width: 12 },
  { key: 'effectiveOn', header: '生效日期', note: '审查通过的日期；受理后期满无异议自动生效的可不填', width: 12 },
  { key: 'publishedOn', header: '公布日期', note: '向全体职工公布的日期', width: 12 },
];
const TEXT_COLUMNS = ['orgCode', 'uscc'];
const DATES = ['signedOn', 'startsOn', 'endsOn', 'filedOn', 'receivedOn', 'effectiveOn', 'publishedOn'] as const;
const LABEL = Object.fromEntries(CONTRACT_IMPORT_COLUMNS.map((c) => [c.key, c.header]));

/**
 * Collective contracts by Excel: the contract ledger a federation kept in a spreadsheet, each contract where its
 * story stands (signed, filed, received, in effect, published). Deadlines are fixed by the clock rules of their
 * days, as on screen; every row checked, then the contracts and their enterprises COPYed in one transaction.
 */
export function contractImportSpec(): ImportSpec {
  return {
    kind: 'contracts',
    label: '集体合同',
    permission: ContractPermissions.write.name,
    columns: CONTRACT_IMPORT_COLUMNS,
    tags: ['集体合同'],
    textColumns: TEXT_COLUMNS,
    targets: [CONTRACT_TARGET, CONTRACT_EMPLOYER_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const scope = scopeFor(ctx.principal, ContractPermissions.write.name);
      const unions = await unionsOfRows(db, scope, rows, '签订工会');
      const places = await registerPlacesByUscc(db, rows.map((r) => (r.values.uscc ?? '').trim().toUpperCase()).filter(Boolean));
      const setups = new Map<string, ClockSetup>();
      const setupOn = async (day: string) => setups.get(day) ?? setups.set(day, await clockSetup(db, day)).get(day)!;
      const todaySetup = await setupOn(today);
      const ids = await reserveSerialIds(db, 'collective_contracts', rows.length);
      const out: PreparedRow[] = [];
      for (const [i, { values: v }] of rows.entries()) {
        const errors: string[] = [];
        const union = unions.of(v.orgCode, errors);
        const kind = KIND_FIELD.parse(v.kind);
        if ('error' in kind) errors.push(kind.error);
        else if (!kind.value) errors.push('合同类型不能为空');
        const title = (v.title ?? '').trim();
        if (title.length < 4 || title.length > 100) errors.push('合同名称应为 4 至 100 个字');
        const employerName = (v.employerName ?? '').trim();
        if (employerName.length < 2) errors.push('覆盖企业名称至少 2 个字');
        const uscc = parseUscc((v.uscc ?? '').trim());
        if ('error' in uscc) errors.push(`统一社会信用代码：${uscc.error}`);
        const place = 'uscc' in uscc ? places.get(uscc.uscc) : undefined;
        if (place && !pathInScope(scope, place.keptBy) && !(place.coveredBy && pathInScope(scope, place.coveredBy))) errors.push(`覆盖企业“${place.name}”登记在${place.keptByName}，不在您的管辖范围内`);
        const workers = numberCell(v.workers);
        if (workers === null || !Number.isInteger(workers) || workers < 1) errors.push('覆盖职工人数应为正整数');
        const d: Record<(typeof DATES)[number], string | null> = { signedOn: null, startsOn: null, endsOn: null, filedOn: null, receivedOn: null, effectiveOn: null, publishedOn: null };
        for (const key of DATES) {
          const text = blankCell(v[key]);
          if (!text) continue;
          const day = parseImportDate(text);
          if (!day) errors.push(`${LABEL[key]}“${text}”不是日期`);
          else if (day > today && key !== 'startsOn' && key !== 'endsOn') errors.push(`${LABEL[key]}不能晚于今天`);
          else d[key] = day;
        }
        for (const key of ['signedOn', 'startsOn', 'endsOn'] as const) if (!blankCell(v[key])) errors.push(`${LABEL[key]}不能为空`);
        if (d.startsOn && d.endsOn && (d.endsOn < addDays(addMonths(d.startsOn, 12), -1) || d.endsOn > addDays(addMonths(d.startsOn, 36), -1))) errors.push(`集体合同期限为 1 至 3 年：${d.startsOn} 起，止于 ${addDays(addMonths(d.startsOn, 12), -1)} 至 ${addDays(addMonths(d.startsOn, 36), -1)} 之间`);
        // The story in order: each step needs the one before, on or after its day.
        const chain = [['signedOn', 'filedOn'], ['filedOn', 'receivedOn'], ['receivedOn', 'effectiveOn'], ['effectiveOn', 'publishedOn']] as const;
        for (const [before, after] of chain) {
          if (d[after] && !d[before]) errors.push(`填写了${LABEL[after]}，也须填写${LABEL[before]}`);
          else if (d[after] && d[before] && d[after]! < d[before]!) errors.push(`${LABEL[after]}不能早于${LABEL[before]}`);
        }
        const filingDueOn = d.signedOn ? dueAfter(d.signedOn, 'filing', (await setupOn(d.signedOn)).rules, (await setupOn(d.signedOn)).cal) : null;
        const lateReason = blankCell(v.lateReason);
        if (d.filedOn && filingDueOn && d.filedOn > filingDueOn && !lateReason) errors.push(`签订于 ${d.signedOn}，最迟应于 ${filingDueOn} 报送；逾期报送须填写理由`);
        const reviewDueOn = d.receivedOn ? dueAfter(d.receivedOn, 'review', (await setupOn(d.receivedOn)).rules, (await setupOn(d.receivedOn)).cal) : null;
        if (d.effectiveOn && reviewDueOn && d.effectiveOn > addDays(reviewDueOn, 1)) errors.push(`受理于 ${d.receivedOn}，审查期到 ${reviewDueOn} 届满，合同已于次日依法生效：生效日期不能晚于 ${addDays(reviewDueOn, 1)}`);
        const key = { key: `${v.orgCode ?? ''}/${title}/${'uscc' in uscc ? uscc.uscc : ''}`, keyLabel: '签订工会、合同名称和统一社会信用代码' };
        if (errors.length || !union || !('value' in kind) || !('uscc' in uscc)) {
          out.push({ ...key, errors });
          continue;
        }
        const status = d.publishedOn ? 'published' : d.effectiveOn ? 'effective' : d.receivedOn ? 'reviewing' : d.filedOn ? 'filed' : 'signed';
        const dates = {
          status, offerOn: d.signedOn!, replyOn: null, firstRoundOn: null, signedOn: d.signedOn, startsOn: d.startsOn, endsOn: d.endsOn, filingDueOn, filedOn: d.filedOn, correctionOn: null, refiledOn: null,
          receivedOn: d.receivedOn, reviewDueOn, objectionOn: null, effectiveOn: d.effectiveOn, publishedOn: d.publishedOn, lastReportOn: null, renewedOn: null, terminatedOn: null,
        };
        const id = ids[i]!;
        out.push({
          ...key,
          outcome: 'inserted',
          stage: [
            [CONTRACT_TARGET.table, [id, union.id, kind.value!, 'single', title, blankCell(v.session), status, d.signedOn!, 'union', d.signedOn, d.startsOn, d.endsOn, filingDueOn, d.filedOn, d.filedOn && filingDueOn && d.filedOn > filingDueOn ? lateReason : null, d.receivedOn, reviewDueOn, d.effectiveOn, d.publishedOn, nextDueOf(dates, today, todaySetup)]],
            [CONTRACT_EMPLOYER_TARGET.table, [id, uscc.uscc, employerName, workers!]],
          ],
        });
      }
      return out;
    },
  };
}
