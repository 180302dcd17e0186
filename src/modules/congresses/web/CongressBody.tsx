import { CheckCircleFilled, CloseCircleFilled, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, InputNumber, List, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { post } from '@ui/api';
import type { FieldRows } from '@ui/FormFields';
import { MemberPicker } from '@ui/MemberPicker';
import { LedgerFormDrawer, LedgerTable } from '@ui/ledger';
import { DELEGATE_CATEGORY, DELEGATE_COLUMNS, DIRECTOR_ROLE, REPORT_RATING, SESSION_KIND, SEX, type CongressDetail, type Delegate, type Director } from '../shared/congress.ledger';
import { KEY } from './keys';
import { VotesInput } from './VotesInput';

const notAfterToday = (d: dayjs.Dayjs) => d.isAfter(dayjs());
const today = () => dayjs().format('YYYY-MM-DD');
const DELEGATE_FIELDS: FieldRows = [
  { name: 'memberId', label: '会员（可选）', extra: '选了会员，代表能在手机上提交提案；不选则填写姓名', input: <MemberPicker /> },
  { name: 'name', label: '姓名', input: <Input maxLength={30} /> },
  [
    { name: 'sex', label: '性别', required: '请选择性别', input: <Select options={SEX.options()} style={{ width: 90 }} /> },
    { name: 'category', label: '代表类别', required: '请选择代表类别', input: <Select options={DELEGATE_CATEGORY.options()} style={{ width: 180 }} /> },
  ],
  [
    { name: 'dept', label: '所在部门或车间', input: <Input maxLength={40} /> },
    { name: 'electedOn', label: '当选日期', required: '请选择当选日期', input: <DatePicker disabledDate={notAfterToday} /> },
  ],
];
const SESSION_FIELDS: FieldRows = [
  [
    { name: 'kind', label: '会议类型', required: '请选择会议类型', input: <Select options={SESSION_KIND.options()} style={{ width: 120 }} /> },
    { name: 'sessionNo', label: '本届第几次会议', required: '请填写会次', input: <InputNumber min={1} max={99} precision={0} addonBefore="第" addonAfter="次" style={{ width: 140 }} /> },
    { name: 'heldOn', label: '会议日期', required: '请选择会议日期', input: <DatePicker disabledDate={notAfterToday} /> },
  ],
  { name: 'present', label: '出席人数', required: '请填写出席人数', extra: '应不少于全体代表（职工大会为全体职工）的三分之二', input: <InputNumber min={1} precision={0} addonAfter="人" /> },
  { name: 'agenda', label: '会议议程', required: '请填写会议议程', input: <Input.TextArea rows={2} maxLength={1000} /> },
  { name: 'votes', label: '表决事项', extra: '赞成票超过全体代表半数的事项为通过', input: <VotesInput /> },
  { name: 'resolutions', label: '会议决议', input: <Input.TextArea rows={2} maxLength={2000} /> },
];
const DIRECTOR_FIELDS: FieldRows = [
  [
    { name: 'role', label: '类别', required: '请选择类别', input: <Select options={DIRECTOR_ROLE.options()} style={{ width: 120 }} /> },
    { name: 'name', label: '姓名', required: '请填写姓名', input: <Input maxLength={30} /> },
  ],
  { name: 'board', label: '董事会或监事会', required: '请填写任职的董事会或监事会', input: <Input maxLength={60} placeholder="如 ××有限公司董事会" /> },
  [
    { name: 'electedOn', label: '选举日期', required: '请选择选举日期', input: <DatePicker disabledDate={notAfterToday} /> },
    { name: 'votesFor', label: '得票数', required: '请填写得票数', extra: '须超过全体职工代表的半数', input: <InputNumber min={0} precision={0} addonAfter="票" /> },
    { name: 'termEndsOn', label: '任期届满', required: '请选择任期届满日期', input: <DatePicker /> },
  ],
];
const REPORT_FIELDS: FieldRows = [
  [
    { name: 'year', label: '述职年度', required: '请填写述职年度', input: <InputNumber min={2000} max={2100} precision={0} addonAfter="年度" /> },
    { name: 'on', label: '述职日期', required: '请选择述职日期', input: <DatePicker disabledDate={notAfterToday} /> },
  ],
  { name: 'rating', label: '职代会评议', required: '请选择评议结果', input: <Select options={REPORT_RATING.options()} style={{ width: 140 }} /> },
];

type Dialog = { kind: 'delegate' } | { kind: 'session' } | { kind: 'director' } | { kind: 'leave'; d: Delegate } | { kind: 'report' | 'end'; w: Director } | null;

/** A congress's drawer: the make-up checks, the roster, the sessions and the worker directors, with their forms. */
export function CongressBody({ r }: { r: CongressDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showLeft, setShowLeft] = useState(false);
  const base = `/api/congresses/${r.id}`;
  const roster = r.delegateList.filter((d) => showLeft || !d.leftOn);
  const close = () => setDialog(null);
  const form = (title: string, fields: FieldRows, initial: Record<string, unknown>, dates: string[], url: string, intro?: string, map: (b: Record<string, unknown>) => unknown = (b) => b) => (
    <LedgerFormDrawer<CongressDetail> open title={title} intro={intro} fields={fields} initial={initial} dates={dates} queryKey={KEY} save={(body) => post<CongressDetail>(url, map(body))} onClose={close} onSaved={close} />
  );
  return (
    <>
      <section aria-label="代表构成检查">
        <Typography.Title level={5}>代表构成检查</Typography.Title>
        {r.lawful ? <Alert type="success" showIcon title="符合规定：可以登记依法召开的会议" /> : <Alert type="error" showIcon title="不符合规定：改正前会议不能作为依法召开登记" />}
        <List
          size="small"
          dataSource={r.checks}
          renderItem={(c) => (
            <List.Item>
              <Space align="start">
                {c.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="符合" /> : <CloseCircleFilled style={{ color: '#cf1322' }} aria-label="不符合" />}
                <span>
                  <Typography.Text strong>{c.label}</Typography.Text>：{c.detail}
                </span>
              </Space>
            </List.Item>
          )}
        />
        {r.directorMissing && <Alert type="warning" showIcon title="国有独资或国有控股公司依法应设职工董事，目前没有在任的职工董事" />}
      </section>
      <section aria-label="会议">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>会议</Typography.Title>
          {r.canWrite && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'session' })}>
              登记会议
            </Button>
          )}
        </Space>
        <List
          size="small"
          locale={{ emptyText: '还没有登记会议' }}
          dataSource={r.sessions}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={`${s.heldOn} 第${s.termNo}届第${s.sessionNo}次${SESSION_KIND.label(s.kind)}（应到 ${s.total} 人，实到 ${s.present} 人）`}
                description={
                  <>
                    <div>{s.agenda}</div>
                    {s.votes.map((v) => (
                      <div key={v.matter}>{`${v.matter}：赞成 ${v.votesFor}，反对 ${v.votesAgainst}，弃权 ${v.abstain} — ${v.passed ? '通过' : '未通过'}`}</div>
                    ))}
                    {s.resolutions && <div>{`决议：${s.resolutions}`}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </section>
      <section aria-label="职工董事和职工监事">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>职工董事、职工监事</Typography.Title>
          {r.canWrite && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'director' })}>
              登记选举结果
            </Button>
          )}
        </Space>
        <LedgerTable<Director>
          columns={[
            { key: 'role', header: '类别', value: (w) => w.role, codes: DIRECTOR_ROLE },
            { key: 'name', header: '姓名', value: (w) => w.name },
            { key: 'board', header: '董事会或监事会', value: (w) => w.board },
            { key: 'vote', header: '选举', value: (w) => `${w.electedOn}，${w.votesFor}/${w.delegatesTotal} 票` },
            { key: 'termEndsOn', header: '任期届满', value: (w) => w.termEndsOn },
            { key: 'reports', header: '述职', value: (w) => (w.reports.length ? w.reports.map((x) => `${x.year}年度${REPORT_RATING.label(x.rating)}`).join('；') : '—') },
            { key: 'endedOn', header: '离任', value: (w) => w.endedOn },
          ]}
          rows={r.directorList}
          rowKey="id"
          empty="还没有职工董事或职工监事"
          actions={
            r.canWrite
              ? (w) =>
                  w.endedOn ? null : (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => setDialog({ kind: 'report', w })}>
                        述职
                      </Button>
                      <Button size="small" type="link" danger onClick={() => setDialog({ kind: 'end', w })}>
                        离任
                      </Button>
                    </Space>
                  )
              : undefined
          }
        />
      </section>
      <section aria-label="代表名册">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>{`代表名册（在任 ${r.delegates} 人，其中女代表 ${r.women} 人）`}</Typography.Title>
          <Space>
            <Button size="small" onClick={() => setShowLeft(!showLeft)}>
              {showLeft ? '只看在任' : '含已退出'}
            </Button>
            {r.canWrite && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'delegate' })}>
                登记代表
              </Button>
            )}
          </Space>
        </Space>
        <LedgerTable<Delegate> columns={DELEGATE_COLUMNS as never} rows={roster} rowKey="id" empty="还没有登记职工代表：逐个登记，或在列表页导入代表名册" actions={r.canWrite ? (d) => (d.leftOn ? null : <Button size="small" type="link" onClick={() => setDialog({ kind: 'leave', d })}>退出</Button>) : undefined} />
      </section>
      {dialog?.kind === 'delegate' && form('登记职工代表', DELEGATE_FIELDS, { sex: 'male', category: 'frontline', electedOn: r.termStartsOn }, ['electedOn'], `${base}/delegates`, '代表由职工选举产生；登记后代表构成检查立即更新。')}
      {dialog?.kind === 'session' && form('登记职代会会议', SESSION_FIELDS, { kind: 'plenary', sessionNo: r.sessions.filter((s) => s.termNo === r.termNo).length + 1, heldOn: today(), votes: [] }, ['heldOn'], `${base}/sessions`, r.lawful ? `应到 ${r.form === 'assembly' ? r.staff : r.delegates} 人，出席须达到三分之二。` : '代表构成不符合规定，会议不能登记：请先改正代表名册。')}
      {dialog?.kind === 'director' && form('登记职工董事、职工监事选举结果', DIRECTOR_FIELDS, { role: 'director', electedOn: today(), termEndsOn: dayjs().add(3, 'year').subtract(1, 'day').format('YYYY-MM-DD') }, ['electedOn', 'termEndsOn'], `${base}/directors`, '由职代会差额选举产生，得票须超过全体职工代表的半数。')}
      {dialog?.kind === 'leave' && form(`职工代表退出：${dialog.d.name}`, [{ name: 'leftOn', label: '退出日期', required: '请选择退出日期', input: <DatePicker disabledDate={notAfterToday} /> }], { leftOn: today() }, ['leftOn'], `${base}/delegates/${dialog.d.id}/leave`, '调离、辞职或被罢免的代表退出名册；代表构成检查随之更新。')}
      {dialog?.kind === 'report' && form(`向职代会述职：${dialog.w.name}`, REPORT_FIELDS, { year: dayjs().year(), on: today(), rating: 'good' }, ['on'], `${base}/directors/${dialog.w.id}`, undefined, (b) => ({ ...b, action: 'report' }))}
      {dialog?.kind === 'end' && form(`离任：${dialog.w.name}`, [{ name: 'on', label: '离任日期', required: '请选择离任日期', input: <DatePicker disabledDate={notAfterToday} /> }], { on: today() }, ['on'], `${base}/directors/${dialog.w.id}`, undefined, (b) => ({ ...b, action: 'end' }))}
    </>
  );
}
