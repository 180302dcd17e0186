import { CopyOutlined, EditOutlined, FilePdfOutlined, FileWordOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { download, get, patch, post } from '@ui/api';
import { PageHeader, errorText, formatTime } from '@ui/components';
import { PageError } from '@ui/PageResult';
import { useShowRefusal } from '@ui/ServerForm';
import { useCan } from '@ui/session';
import type { ReportSection } from '../../shared/default-template';
import type { IndicatorDefinitionDto } from '../../shared/indicator.schema';
import type { RenderedReport, RenderedToken } from '../../shared/report.schema';
import { useIndicatorDefinitions } from '../api';
import { RecordsDrawer } from '../components/RecordsDrawer';

const formatFigure = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

function Tokens({ tokens, compare, flagZero, onOpen }: { tokens: RenderedToken[]; compare: boolean; flagZero: boolean; onOpen(code: string): void }) {
  return (
    <>
      {tokens.map((t, i): ReactNode => {
        if (t.type === 'text') return <span key={i}>{t.text}</span>;
        if (t.missing) {
          return (
            <Tooltip key={i} title="尚无台账可以计算这个数字：请在相应模块录入后使用，或改写这句话">
              <Tag color="red" style={{ marginInline: 2, textIndent: 0 }}>
                缺：{t.name}
              </Tag>
            </Tooltip>
          );
        }
        const zero = flagZero && t.value === 0;
        return (
          <span key={i}>
            <Tooltip title={`${t.name}：${zero ? '计算为 0，请核对台账；' : ''}点击查看明细记录；上年同期 ${formatFigure(t.lastYearValue)}`}>
              <Typography.Link onClick={() => onOpen(t.code!)} strong style={zero ? { background: '#fff7e6', outline: '1px dashed #fa8c16', paddingInline: 2 } : undefined}>
                {t.text}
              </Typography.Link>
            </Tooltip>
            {compare && <Typography.Text type="secondary">（上年 {formatFigure(t.lastYearValue)}）</Typography.Text>}
          </span>
        );
      })}
    </>
  );
}

/** Edits headings and paragraphs; figures are written as {指标名称}. */
function Editor({ sections, onChange, names }: { sections: ReportSection[]; onChange(s: ReportSection[]): void; names: string[] }) {
  const set = (i: number, patchSection: Partial<ReportSection>) => onChange(sections.map((s, j) => (i === j ? { ...s, ...patchSection } : s)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Alert
        type="info"
        showIcon
        title="用 {指标名称} 插入由台账计算的数字，如 {新建工会组织数}；{组织名称}、{统计期} 自动填入。"
        description={
          <span>
            可用的数字：
            {names.map((n) => (
              <Typography.Text key={n} copyable={{ text: `{${n}}` }} code>
                {n}
              </Typography.Text>
            ))}
          </span>
        }
      />
      {sections.map((s, i) => (
        <Card key={i} size="small" title={<Input value={s.heading} placeholder="本节标题（可为空）" onChange={(e) => set(i, { heading: e.target.value })} aria-label={`第${i + 1}节标题`} />}>
          {s.paragraphs.map((p, j) => (
            <Input.TextArea
              key={j}
              value={p}
              autoSize={{ minRows: 2 }}
              style={{ marginBottom: 8 }}
              aria-label={`第${i + 1}节第${j + 1}段`}
              onChange={(e) => set(i, { paragraphs: s.paragraphs.map((x, k) => (k === j ? e.target.value : x)) })}
            />
          ))}
          <Button size="small" onClick={() => set(i, { paragraphs: [...s.paragraphs, ''] })}>
            添加段落
          </Button>
        </Card>
      ))}
    </Space>
  );
}

export function ReportPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canWrite = useCan('report.write');
  const { message, modal } = App.useApp();
  const [compare, setCompare] = useState(false);
  // A PDF goes through LibreOffice and takes seconds: its button spins and says so until the file arrives.
  const [exporting, setExporting] = useState<'docx' | 'pdf' | null>(null);
  const showRefusal = useShowRefusal();
  const [editing, setEditing] = useState<{ title: string; sections: ReportSection[] } | null>(null);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const defs = useIndicatorDefinitions();
  const report = useQuery({ queryKey: ['reports', 'one', id], queryFn: () => get<RenderedReport>(`/api/reports/${id}`) });
  const caps = useQuery({ queryKey: ['reports', 'caps'], queryFn: () => get<{ pdf: boolean }>('/api/reports/capabilities'), staleTime: Infinity });
  const done = (r: RenderedReport) => qc.setQueryData(['reports', 'one', String(r.report.id)], r);
  const save = useMutation({ mutationFn: (body: unknown) => patch<RenderedReport>(`/api/reports/${id}`, body), onSuccess: done });
  const finalise = useMutation({ mutationFn: () => post<RenderedReport>(`/api/reports/${id}/finalise`), onSuccess: done });

  if (report.isLoading) return <Card loading />;
  if (report.isError || !report.data) return <PageError error={report.error} />;
  const r = report.data;
  const final = r.report.status === 'final';
  const indicator: IndicatorDefinitionDto | null = openCode ? (defs.data?.find((d) => d.code === openCode) ?? null) : null;

  const exportDoc = async (kind: 'docx' | 'pdf') => {
    setExporting(kind);
    try {
      await download(`/api/reports/${id}/export.${kind}`, `${r.report.title}.${kind}`);
    } catch (e) {
      showRefusal(e, '未能导出');
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title={r.report.title}
        help={
          <>
            {r.report.orgName} · {r.report.periodLabel} ·{' '}
            {final ? (
              <Tag color="green" icon={<LockOutlined />}>
                已定稿 {formatTime(r.report.finalisedAt)}（{r.report.finalisedBy}），数字已固化
              </Tag>
            ) : (
              <Tag color="blue">草稿：数字按台账实时计算</Tag>
            )}
          </>
        }
        extra={
          editing ? (
            <>
              <Button onClick={() => setEditing(null)}>取消</Button>
              <Button
                type="primary"
                loading={save.isPending}
                onClick={async () => {
                  try {
                    await save.mutateAsync(editing);
                    setEditing(null);
                    void message.success('已保存');
                  } catch (e) {
                    void message.error(errorText(e));
                  }
                }}
              >
                保存
              </Button>
            </>
          ) : (
            <>
              <Space>
                <Switch checked={compare} onChange={setCompare} aria-label="对比上年" />
                <span>对比{r.lastYearPeriodLabel}</span>
              </Space>
              <Button icon={<FileWordOutlined />} loading={exporting === 'docx'} disabled={exporting !== null && exporting !== 'docx'} onClick={() => exportDoc('docx')}>
                {exporting === 'docx' ? '正在生成 Word…' : '导出 Word'}
              </Button>
              {caps.data?.pdf && (
                <Button icon={<FilePdfOutlined />} loading={exporting === 'pdf'} disabled={exporting !== null && exporting !== 'pdf'} onClick={() => exportDoc('pdf')}>
                  {exporting === 'pdf' ? '正在生成 PDF…' : '导出 PDF'}
                </Button>
              )}
              {canWrite && !final && (
                <>
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ title: r.report.title, sections: r.report.sections })}>
                    编辑正文
                  </Button>
                  <Tooltip title={r.finaliseBlockers.length ? `暂不能定稿：${r.finaliseBlockers.join('；')}` : undefined}>
                    <Button
                      type="primary"
                      icon={<LockOutlined />}
                      disabled={r.finaliseBlockers.length > 0}
                      aria-describedby={r.finaliseBlockers.length ? 'finalise-blockers' : undefined}
                      onClick={() =>
                        modal.confirm({
                          title: '定稿这份报告？',
                          content: (
                            <>
                              {r.zeroFigures.length > 0 && (
                                <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`以下数字为 0，请核对台账是否已录入：${r.zeroFigures.join('、')}`} />
                              )}
                              定稿后正文、每个数字和指标口径都将固化保存，此后新增的台账记录不再改变它；如需修改，可以它为基础新建草稿。
                            </>
                          ),
                          okText: '确认定稿',
                          onOk: async () => {
                            try {
                              await finalise.mutateAsync();
                              void message.success('已定稿');
                            } catch (e) {
                              showRefusal(e, '未能定稿');
                            }
                          },
                        })
                      }
                    >
                      定稿
                    </Button>
                  </Tooltip>
                </>
              )}
              {canWrite && final && (
                <Button
                  icon={<CopyOutlined />}
                  onClick={async () => {
                    try {
                      const copy = await post<RenderedReport>(`/api/reports/${id}/copy`);
                      navigate(`/reports/${copy.report.id}`);
                    } catch (e) {
                      void message.error(errorText(e));
                    }
                  }}
                >
                  以此为基础新建草稿
                </Button>
              )}
            </>
          )
        }
      />
      {!final && r.missing.length > 0 && !editing && (
        <Alert
          id="finalise-blockers"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`暂不能定稿：有 ${r.missing.length} 个数字尚无台账可以计算（红色标出），请删除或改写：${r.missing.join('、')}`}
        />
      )}
      {!final && r.zeroFigures.length > 0 && !editing && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`以下数字计算为 0（橙色标出），定稿前请核对相应台账是否已录入：${r.zeroFigures.join('、')}`} />
      )}
      {editing ? (
        <>
          <Input value={editing.title} onChange={(e) => setEditing({ ...editing, title: e.target.value })} style={{ marginBottom: 16 }} aria-label="报告标题" />
          <Editor sections={editing.sections} onChange={(sections) => setEditing({ ...editing, sections })} names={(defs.data ?? []).map((d) => d.name)} />
        </>
      ) : (
        <Card>
          <article style={{ maxWidth: 820, margin: '0 auto', fontSize: 16, lineHeight: 2 }}>
            <Typography.Title level={3} style={{ textAlign: 'center' }}>
              {r.report.title}
            </Typography.Title>
            {r.sections.map((s, i) => (
              <section key={i}>
                {s.heading.length > 0 && (
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    <Tokens tokens={s.heading} compare={compare} flagZero={!final} onOpen={setOpenCode} />
                  </Typography.Title>
                )}
                {s.paragraphs.map((p, j) => (
                  <p key={j} style={{ textIndent: '2em', margin: '4px 0' }}>
                    <Tokens tokens={p} compare={compare} flagZero={!final} onOpen={setOpenCode} />
                  </p>
                ))}
              </section>
            ))}
          </article>
        </Card>
      )}
      <RecordsDrawer indicator={indicator} scope={{ orgId: r.report.orgId, period: r.report.period }} onClose={() => setOpenCode(null)} />
    </>
  );
}
