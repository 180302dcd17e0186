import { LockOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Modal, Popconfirm, Row, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { download, get, post, uploadFile } from '@ui/api';
import { errorText, formatTime, PageHeader } from '@ui/components';
import { StepButtons } from '@ui/StepButtons';
import { PageError } from '@ui/PageResult';
import { RefusalAlert, useShowRefusal } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { labelOptions } from '@ui/forms';
import type { Aid } from '../../shared/aid.schema';
import { FILE_KIND_LABELS, NOTICE_ITEMS } from '../../shared/hardship.schema';
import { yuan } from '../components/AssessmentFields';
import { noticeOptions } from '../components/ApplyDialog';
import { StepDialog, type OpenStep } from '../components/StepDialog';
import { CATEGORY_COLORS, STATUS_COLORS, type CaseDetail, type Finances } from '../types';

interface Revealed {
  assessments: { id: number; finances: Finances }[];
  notes: { eventId: number; note: string }[];
}
interface Notice {
  title: string;
  lines: { label: string; value: string }[];
  text: string;
}

const DETAIL_LABELS: Record<string, string> = { visitedOn: '入户日期', visitors: '入户人员', startsOn: '公示开始', endsOn: '公示结束', exitReasonLabel: '退出原因', monthsAbove: '连续高于低保（月）', reviewedOn: '复核日期', name: '文件' };

function FinancesView({ f }: { f: Finances }) {
  return (
    <>
      <Alert type="info" showIcon message={f.explanation} style={{ marginBottom: 12 }} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Table size="small" pagination={false} rowKey={(r) => r.kind + r.annualFen} dataSource={f.incomes} scroll={{ x: 'max-content' }} title={() => `家庭年收入 合计 ${yuan(f.annualIncomeFen)}`} columns={[{ title: '类别', dataIndex: 'label' }, { title: '金额', dataIndex: 'annualFen', render: yuan }]} />
        </Col>
        <Col xs={24} md={12}>
          <Table size="small" pagination={false} rowKey={(r) => r.kind + r.annualFen} dataSource={f.expenses} scroll={{ x: 'max-content' }} locale={{ emptyText: '无' }} title={() => `刚性支出 合计 ${yuan(f.rigidExpensesFen)}`} columns={[{ title: '类别', dataIndex: 'label' }, { title: '金额', dataIndex: 'annualFen', render: yuan }]} />
        </Col>
      </Row>
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey={(r) => r.name + r.relation}
        dataSource={f.members} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '未填写家庭成员' }}
        title={() => `家庭成员（共同生活 ${f.householdSize} 人）；本年意外、灾害或重病支出 ${yuan(f.accidentLossFen)}`}
        columns={[{ title: '姓名', dataIndex: 'name' }, { title: '关系', dataIndex: 'relation' }, { title: '健康状况', dataIndex: 'healthLabel' }, { title: '备注', dataIndex: 'note', render: (v) => v ?? '—' }]}
      />
    </>
  );
}

/** One case file: its facts, the steps open to this user, finances behind an audited reveal, documents, history. */
export function CasePage() {
  const id = Number(useParams().id);
  const me = useMe();
  const canWrite = me.permissions.includes('hardship.write');
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const c = useQuery({ queryKey: ['hardship', 'case', id], queryFn: () => get<CaseDetail>(`/api/hardship/cases/${id}`) });
  const aid = useQuery({
    queryKey: ['aid', 'member', c.data?.memberId],
    queryFn: () => get<{ items: Aid[] }>(`/api/aid?memberId=${c.data!.memberId}&pageSize=50`),
    enabled: !!c.data,
  });
  const [step, setStep] = useState<OpenStep | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [consent, setConsent] = useState<string[] | null>(null);
  const [consentRefusal, setConsentRefusal] = useState<string | null>(null);
  const [fileKind, setFileKind] = useState('authorization');
  const update = (d: CaseDetail) => {
    qc.setQueryData(['hardship', 'case', id], d);
    void qc.invalidateQueries({ queryKey: ['hardship', 'cases'] });
    setRevealed(null);
  };
  if (c.isLoading) return <Card loading />;
  if (!c.data) return <PageError error={c.error} />;
  const d = c.data;
  const note = (eventId: number) => revealed?.notes.find((n) => n.eventId === eventId)?.note;
  const current = d.assessments.find((a) => a.current);
  const consentEditable = canWrite && !['notice', 'rejected', 'withdrawn'].includes(d.status);
  return (
    <>
      <PageHeader
        title={`困难职工档案 ${d.caseNo}`}
        help={
          <Space wrap>
            <Link to="/hardship">返回档案列表</Link>
            <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag>
            {d.categoryLabel && <Tag color={CATEGORY_COLORS[d.category ?? 'none']}>{d.categoryLabel}</Tag>}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <StepButtons
            steps={d.steps}
            onStep={setStep}
            primary={['first_review', 'file', 'end_notice', 'record_visit', 'start_notice', 'review']}
            danger={['reject']}
            empty={d.status === 'rejected' || d.status === 'withdrawn' ? '档案已办结' : '当前没有您可以办理的步骤'}
          />
          {consentEditable && <Button onClick={() => setConsent(d.noticeConsentCovers)}>登记公示同意</Button>}
          {d.noticeConsentAt && (
            <Button
              onClick={async () => {
                try {
                  setNotice(await get<Notice>(`/api/hardship/cases/${id}/notice`));
                } catch (e) {
                  showRefusal(e, '未能打开公示内容');
                }
              }}
            >
              公示内容
            </Button>
          )}
        </Space>
      </Card>
      <Card size="small" title="基本情况" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="姓名">{d.memberName}</Descriptions.Item>
          <Descriptions.Item label="身份证号码">{d.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="所在工会">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="主要致困原因">{d.primaryCauseLabel}</Descriptions.Item>
          <Descriptions.Item label="次要致困原因">{d.secondaryCauseLabels.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="申请渠道">{d.channel === 'online' ? '会员网上申请' : '工会登记'}</Descriptions.Item>
          <Descriptions.Item label="公示同意">{d.noticeConsentAt ? d.noticeConsentCovers.map((k) => NOTICE_ITEMS[k as keyof typeof NOTICE_ITEMS]).join('、') : '未登记'}</Descriptions.Item>
          <Descriptions.Item label="公示期">{d.noticeStartsOn ? `${d.noticeStartsOn} 至 ${d.noticeEndsOn}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="建档日期">{d.filedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="下次回头看">{d.nextReviewOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="退出">{d.exitReasonLabel ? `${d.exitedOn} ${d.exitReasonLabel}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="防返困监测">{d.watchUntil ? `至 ${d.watchUntil}，下次回访 ${d.nextWatchVisitOn ?? '—'}` : '—'}</Descriptions.Item>
          {d.relapses > 0 && <Descriptions.Item label="返困次数">{d.relapses}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title="家庭经济状况核定"
        style={{ marginBottom: 12 }}
        extra={
          d.canRevealFinances && !revealed ? (
            <Popconfirm
              title="查看家庭收支和健康等敏感信息"
              description="本次查看将记入审计日志。"
              okText="查看"
              cancelText="取消"
              onConfirm={async () => {
                try {
                  setRevealed(await post<Revealed>(`/api/hardship/cases/${id}/finances`));
                } catch (e) {
                  showRefusal(e, '未能查看');
                }
              }}
            >
              <Button size="small" icon={<LockOutlined />}>
                查看收支明细
              </Button>
            </Popconfirm>
          ) : null
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.assessments}
          columns={[
            { title: '核定日期', dataIndex: 'assessedOn' },
            { title: '环节', dataIndex: 'kindLabel' },
            { title: '家庭人口', dataIndex: 'householdSize', render: (v) => `${v} 人` },
            { title: '当时低保标准', dataIndex: 'minimumLivingFen', render: (v: number) => `${yuan(v)}/人/月` },
            { title: '困难类别', dataIndex: 'categoryLabel', render: (v, r) => <Tag color={CATEGORY_COLORS[r.category]}>{v}</Tag> },
            { title: '', dataIndex: 'current', render: (v) => (v ? <Tag color="blue">现行</Tag> : <Typography.Text type="secondary">已被替代</Typography.Text>) },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          {revealed && current ? (
            <FinancesView f={revealed.assessments.find((a) => a.id === current.id)!.finances} />
          ) : (
            <Typography.Text type="secondary">
              <LockOutlined /> 家庭收入、支出、家庭成员健康状况属于敏感个人信息，已加密保存、默认隐藏{d.canRevealFinances ? '；点击“查看收支明细”查看（记入审计）。' : '；您的角色没有查看权限。'}
            </Typography.Text>
          )}
        </div>
      </Card>
      <Card size="small" title="档案材料" style={{ marginBottom: 12 }}>
        {canWrite && (
          <Space wrap>
            <Select aria-label="材料类别" size="small" value={fileKind} onChange={setFileKind} style={{ width: 230 }} options={labelOptions(FILE_KIND_LABELS)} />
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
              customRequest={async ({ file }) => {
                try {
                  const f = file as File;
                  update(await uploadFile<CaseDetail>(`/api/hardship/cases/${id}/files?kind=${fileKind}&fileName=${encodeURIComponent(f.name)}`, f, 'application/octet-stream'));
                  void message.success('已上传（加密保存）');
                } catch (e) {
                  showRefusal(e, `未能上传「${(file as File).name}」`);
                }
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                上传
              </Button>
            </Upload>
          </Space>
        )}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.files}
          scroll={{ x: 'max-content' }}
          style={{ marginTop: canWrite ? 8 : 0 }}
          locale={{ emptyText: '还没有材料。入户调查前须上传申请人签字的授权委托书' }}
          columns={[
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '文件', dataIndex: 'name' },
            { title: '大小', dataIndex: 'size', render: (v: number) => `${Math.max(1, Math.round(v / 1024))} KB` },
            { title: '上传时间', dataIndex: 'createdAt', render: formatTime },
            {
              title: '',
              render: (_, f) =>
                d.canRevealFinances ? (
                  <Button type="link" size="small" onClick={() => download(`/api/hardship/files/${f.id}`, f.name).catch((e) => showRefusal(e, '未能下载'))}>
                    下载
                  </Button>
                ) : (
                  <Typography.Text type="secondary">无权下载</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="帮扶记录" style={{ marginBottom: 12 }} extra={<Link to={`/hardship?tab=aid`}>全部帮扶记录</Link>}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={aid.isLoading}
          dataSource={aid.data?.items}
          locale={{ emptyText: '还没有帮扶记录' }}
          columns={[
            { title: '发放日期', dataIndex: 'givenOn' },
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '金额', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
            { title: '资金来源', dataIndex: 'fundSourceLabel' },
            { title: '活动', dataIndex: 'campaignName', render: (v) => v ?? '—' },
            { title: '状态', dataIndex: 'statusLabel' },
          ]}
        />
      </Card>
      <Card size="small" title="办理记录">
        <Timeline
          items={d.events.map((e) => ({
            color: e.action === 'reject' ? 'red' : e.action === 'file' ? 'green' : 'blue',
            children: (
              <>
                <div>
                  <Typography.Text strong>{e.actionLabel}</Typography.Text>
                  {e.fromStatusLabel && e.fromStatusLabel !== e.toStatusLabel ? `（${e.fromStatusLabel} → ${e.toStatusLabel}）` : ''}
                  <Typography.Text type="secondary">
                    {' '}
                    {formatTime(e.at)} · {e.actorName}
                  </Typography.Text>
                </div>
                {Object.keys(DETAIL_LABELS)
                  .filter((k) => e.detail[k] !== undefined && e.detail[k] !== null)
                  .map((k) => [k, e.detail[k]] as const)
                  .map(([k, v]) => (
                    <div key={k} style={{ color: '#666' }}>
                      {DETAIL_LABELS[k]}：{String(v)}
                    </div>
                  ))}
                {e.opinion && <div>意见：{e.opinion}</div>}
                {e.noteHidden && <div style={{ color: '#666' }}>调查情况：{note(e.id) ?? '（已加密隐藏）'}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <StepDialog caseId={id} step={step} onClose={() => setStep(null)} onDone={(u) => (setStep(null), update(u))} />
      <Modal title={notice?.title} open={!!notice} footer={null} onCancel={() => setNotice(null)}>
        {notice && (
          <>
            <Descriptions size="small" column={1} bordered items={notice.lines.map((l) => ({ key: l.label, label: l.label, children: l.value }))} />
            <Typography.Paragraph style={{ marginTop: 12 }}>{notice.text}</Typography.Paragraph>
          </>
        )}
      </Modal>
      <Modal
        title="登记申请人同意公示的内容"
        open={consent !== null}
        okText="保存"
        onCancel={() => (setConsent(null), setConsentRefusal(null))}
        onOk={async () => {
          if (!consent?.length) return setConsentRefusal('请至少选择一项同意公示的内容');
          try {
            update(await post<CaseDetail>(`/api/hardship/cases/${id}/consent`, { covers: consent }));
            setConsent(null);
            setConsentRefusal(null);
            void message.success('已登记公示同意');
          } catch (e) {
            setConsentRefusal(errorText(e));
          }
        }}
      >
        <Typography.Paragraph type="secondary">按申请人签字的同意书勾选；公示时身份证号码始终隐去，未勾选姓名的只显示姓氏。</Typography.Paragraph>
        <Checkbox.Group options={noticeOptions} value={consent ?? []} onChange={(v) => setConsent(v as string[])} />
        <RefusalAlert text={consentRefusal} onClose={() => setConsentRefusal(null)} />
      </Modal>
    </>
  );
}
