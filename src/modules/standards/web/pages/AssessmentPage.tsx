import { ArrowLeftOutlined, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Input, InputNumber, Modal, Popconfirm, Row, Space, Spin, Tag, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { del, download, get, post, put, uploadFile } from '@ui/api';
import { PageHeader, errorText, formatTime } from '@ui/components';
import { PageError } from '@ui/PageResult';
import { gradeOf } from '../../shared/standard.schema';
import { STATUS_COLORS, type Assessment } from '../types';

type Draft = Record<number, { self: number | null; selfNote: string; review: number | null; reviewNote: string }>;

const gradeLabel = (bands: { label: string; minScore: number }[], total: number) => gradeOf(bands, total).label;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

/** One union's yearly assessment: score each item with evidence, submit; the parent scores, approves or returns. */
export function AssessmentPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = ['standards', 'assessment', id];
  const a = useQuery({ queryKey: key, queryFn: () => get<Assessment>(`/api/standards/assessments/${id}`) });
  const [draft, setDraft] = useState<Draft>({});
  const [dirty, setDirty] = useState(false);
  const [returning, setReturning] = useState(false);
  const [opinion, setOpinion] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!a.data || dirty) return;
    setDraft(Object.fromEntries(a.data.items.map((i) => [i.id, { self: i.selfScore, selfNote: i.selfNote ?? '', review: i.reviewScore ?? (a.data.canReview ? i.selfScore : null), reviewNote: i.reviewNote ?? '' }])));
  }, [a.data, dirty]);
  const refresh = async (fresh?: Assessment) => {
    setDirty(false);
    if (fresh) qc.setQueryData(key, fresh);
    else await qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ['standards', 'progress'] });
    void qc.invalidateQueries({ queryKey: ['due'] });
  };
  const set = (itemId: number, patch: Partial<Draft[number]>) => (setDraft((d) => ({ ...d, [itemId]: { ...d[itemId]!, ...patch } })), setDirty(true));
  const selfScores = () => a.data!.items.map((i) => ({ itemId: i.id, score: draft[i.id]?.self ?? null, note: draft[i.id]?.selfNote || null }));
  const save = useMutation({ mutationFn: () => put<Assessment>(`/api/standards/assessments/${id}/self`, { scores: selfScores() }) });
  const submit = useMutation({ mutationFn: () => post<Assessment>(`/api/standards/assessments/${id}/submit`) });
  const review = useMutation({
    mutationFn: (decision: 'approve' | 'return') =>
      post<Assessment>(`/api/standards/assessments/${id}/review`, {
        decision,
        opinion: opinion || null,
        scores: a.data!.items.map((i) => ({ itemId: i.id, score: draft[i.id]?.review ?? null, note: draft[i.id]?.reviewNote || null })),
      }),
  });
  const totals = useMemo(() => {
    const items = a.data?.items ?? [];
    return { self: items.reduce((n, i) => n + (draft[i.id]?.self ?? 0), 0), review: items.reduce((n, i) => n + (draft[i.id]?.review ?? 0), 0) };
  }, [a.data, draft]);

  if (a.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!a.data) return <PageError error={a.error} />;
  const d = a.data;
  // A refusal (items unscored, evidence missing …) stays on the page until the next action: it can list several items.
  const run = async (p: Promise<Assessment>, done: string) => {
    try {
      await refresh(await p);
      setFailure(null);
      void message.success(done);
    } catch (e) {
      setFailure(errorText(e));
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }
  };
  return (
    <>
      <PageHeader
        title={`${d.orgName} · ${d.year} 年度规范化建设`}
        help={`${d.checklistName}（第 ${d.checklistVersion} 版，满分 ${d.totalScore}）${d.parentName ? ` · 上级工会：${d.parentName}` : ''}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/standards')}>
            返回列表
          </Button>
        }
      />
      {failure && <Alert type="error" showIcon closable onClose={() => setFailure(null)} style={{ marginBottom: 12 }} message={failure} />}
      {d.status === 'returned' && d.reviewOpinion && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`上级工会退回：${d.reviewOpinion}`} description="请按意见修改后重新提交。" />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="自评得分">
            {d.canEdit ? totals.self : d.selfTotal} 分（{gradeLabel(d.gradeBands, d.canEdit ? totals.self : d.selfTotal)}）
          </Descriptions.Item>
          <Descriptions.Item label="审核得分">
            {d.canReview ? `${totals.review} 分（${gradeLabel(d.gradeBands, totals.review)}，暂定）` : d.reviewTotal != null ? `${d.reviewTotal} 分` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="评定等级">{d.grade ? <Tag color={d.passed ? 'green' : 'red'}>{d.grade}</Tag> : '—'}</Descriptions.Item>
          <Descriptions.Item label="等级线">{d.gradeBands.map((b) => `${b.label} ${b.minScore}`).join(' / ')}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatTime(d.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="审核人">{d.reviewerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="审核时间">{formatTime(d.reviewedAt)}</Descriptions.Item>
        </Descriptions>
        {d.status === 'reviewed' && d.reviewOpinion && <Typography.Paragraph style={{ marginBottom: 0 }}>审核意见：{d.reviewOpinion}</Typography.Paragraph>}
      </Card>
      {d.items.map((item) => {
        const v = draft[item.id];
        return (
          <Card
            key={item.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                {item.position}. {item.title}（{item.maxScore} 分）
              </Typography.Text>
            }
          >
            {item.description && <Typography.Paragraph type="secondary">{item.description}</Typography.Paragraph>}
            <Row gutter={[16, 8]}>
              <Col xs={12} md={4}>
                <Field label="自评得分">
                  {d.canEdit ? (
                    <InputNumber aria-label={`${item.title} 自评得分`} min={0} max={item.maxScore} precision={0} value={v?.self ?? null} onChange={(x) => set(item.id, { self: x })} addonAfter={`/ ${item.maxScore}`} style={{ width: 130 }} />
                  ) : (
                    <Typography.Text strong>{item.selfScore ?? '—'}</Typography.Text>
                  )}
                </Field>
              </Col>
              <Col xs={24} md={8}>
                <Field label="自评说明">
                  {d.canEdit ? <Input value={v?.selfNote} maxLength={500} onChange={(e) => set(item.id, { selfNote: e.target.value })} placeholder="落实情况" /> : <Typography.Text>{item.selfNote || '—'}</Typography.Text>}
                </Field>
              </Col>
              {(d.canReview || item.reviewScore != null) && (
                <Col xs={12} md={4}>
                  <Field label="审核得分">
                    {d.canReview ? (
                      <InputNumber aria-label={`${item.title} 审核得分`} min={0} max={item.maxScore} precision={0} value={v?.review ?? null} onChange={(x) => set(item.id, { review: x })} addonAfter={`/ ${item.maxScore}`} style={{ width: 130 }} />
                    ) : (
                      <Typography.Text strong>{item.reviewScore}</Typography.Text>
                    )}
                  </Field>
                </Col>
              )}
              {(d.canReview || item.reviewNote) && (
                <Col xs={24} md={8}>
                  <Field label="审核说明">{d.canReview ? <Input value={v?.reviewNote} maxLength={500} onChange={(e) => set(item.id, { reviewNote: e.target.value })} /> : <Typography.Text>{item.reviewNote}</Typography.Text>}</Field>
                </Col>
              )}
            </Row>
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">佐证材料{item.evidenceHint ? `（${item.evidenceHint}）` : ''}：</Typography.Text>
              {item.evidence.length === 0 && <Typography.Text type="secondary">尚未上传</Typography.Text>}
              {item.evidence.map((e) => (
                <Space key={e.id} size={0} style={{ marginRight: 12 }}>
                  <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => download(`/api/standards/evidence/${e.id}/file`, e.name).catch((x) => void message.error(errorText(x)))}>
                    {e.name}
                  </Button>
                  {d.canEdit && (
                    <Popconfirm title={`删除「${e.name}」？`} onConfirm={() => del(`/api/standards/evidence/${e.id}`).then(() => refresh(), (x) => void message.error(errorText(x)))}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${e.name}`} />
                    </Popconfirm>
                  )}
                </Space>
              ))}
              {d.canEdit && (
                <Upload
                  accept={ACCEPT}
                  multiple
                  showUploadList={false}
                  customRequest={async ({ file, onSuccess, onError }) => {
                    const f = file as File;
                    try {
                      await uploadFile(`/api/standards/assessments/${d.id}/items/${item.id}/evidence?fileName=${encodeURIComponent(f.name)}`, f, 'application/octet-stream');
                      onSuccess?.({});
                      void message.success(`已上传「${f.name}」`);
                      await qc.invalidateQueries({ queryKey: key });
                    } catch (x) {
                      onError?.(x as Error);
                      void message.error(`「${f.name}」：${errorText(x)}`);
                    }
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    上传
                  </Button>
                </Upload>
              )}
            </div>
          </Card>
        );
      })}
      {(d.canEdit || d.canReview) && (
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
          {d.canEdit && (
            <Space wrap>
              <Button loading={save.isPending} onClick={() => run(save.mutateAsync(), '已保存')}>
                保存
              </Button>
              <Popconfirm
                title="提交后不能再修改，交上级工会审核。确定提交？"
                onConfirm={() =>
                  void run(
                    save.mutateAsync().then(() => submit.mutateAsync()),
                    '已提交，等待上级工会审核',
                  )
                }
              >
                <Button type="primary" loading={submit.isPending}>
                  提交审核
                </Button>
              </Popconfirm>
              <Typography.Text type="secondary">每项都要打分；得分的项目须上传佐证材料（PDF、图片、Word、Excel）。</Typography.Text>
            </Space>
          )}
          {d.canReview && (
            <Space wrap style={{ width: '100%' }}>
              <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="审核意见（退回时必填）" rows={1} maxLength={1000} style={{ width: 320 }} />
              <Popconfirm title={`审核得分 ${totals.review} 分，评定为「${gradeLabel(d.gradeBands, totals.review)}」。确定通过？`} onConfirm={() => void run(review.mutateAsync('approve'), '已审核通过')}>
                <Button type="primary" loading={review.isPending}>
                  审核通过
                </Button>
              </Popconfirm>
              <Button danger onClick={() => setReturning(true)}>
                退回修改
              </Button>
            </Space>
          )}
        </Card>
      )}
      <Modal
        title="退回修改"
        open={returning}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !opinion.trim() }}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          await run(review.mutateAsync('return'), '已退回');
          setReturning(false);
        }}
      >
        <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} rows={4} maxLength={1000} placeholder="请写明需要修改或补充的内容" aria-label="退回意见" />
      </Modal>
    </>
  );
}
