import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Empty, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '@ui/api';
import { errorText } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields } from '@ui/FormFields';
import { Panel } from '@ui/Panel';
import { FAIR_MODE } from '../shared/fair.ledger';
import { WORK_KIND } from '../shared/hiring.ledger';
import type { PublicJobs } from '../shared/public-jobs';

/**
 * /jobs, for a worker on a phone without an account: the district's open posts (searchable) and the fairs to come.
 * No contact details are published; a post names the union that keeps it, which the worker can ask.
 */
/** 我有意向: the worker's name and phone for the union keeping the post, with consent; refusals shown in the dialog. */
function InterestDialog({ job, onClose }: { job: { id: number; post: string; orgName: string } | null; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  return (
    <FormModal<Record<string, unknown>>
      title={`我有意向：${job?.post ?? ''}`}
      open={job !== null}
      okText="提交"
      form={form}
      intro={<Typography.Paragraph type="secondary">留下姓名和手机号码，{job?.orgName}的工作人员会联系您。</Typography.Paragraph>}
      modalProps={{ destroyOnHidden: true }}
      onCancel={onClose}
      onSubmit={async (v) => {
        const r = await post<{ message: string }>(`/api/public/jobs/${job!.id}/interest`, { ...v, message: v.message || null });
        void message.success(r.message);
        onClose();
      }}
    >
      <FormFields
        fields={[
          { name: 'name', label: '姓名', required: '请填写姓名', input: <Input maxLength={30} autoComplete="name" /> },
          { name: 'phone', label: '手机号码', required: '请填写手机号码', input: <Input maxLength={11} inputMode="tel" autoComplete="tel" /> },
          { name: 'message', label: '留言（可不填）', input: <Input.TextArea rows={2} maxLength={200} placeholder="如 有叉车证、可上夜班" /> },
          {
            name: 'consent',
            checked: true,
            rules: [{ validator: (_: unknown, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error('请阅读并同意后再提交'))) }],
            input: <Checkbox>我同意把姓名和手机号码提供给发布这条岗位的工会，只用于联系我；岗位招满或过期 90 天后自动删除</Checkbox>,
          },
        ]}
      />
    </FormModal>
  );
}

export function PublicJobsPage() {
  const [interested, setInterested] = useState<{ id: number; post: string; orgName: string } | null>(null);
  const jobs = useQuery({ queryKey: ['public-jobs'], queryFn: () => get<PublicJobs>('/api/public/jobs') });
  const [q, setQ] = useState('');
  const posts = (jobs.data?.posts ?? []).filter((p) => !q.trim() || `${p.post}${p.employerName}${p.place ?? ''}`.includes(q.trim()));
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 12 }}>
      <main style={{ maxWidth: 640, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ textAlign: 'center', margin: '16px 0', fontSize: 24 }}>
          工会就业服务：招聘岗位和招聘会
        </Typography.Title>
        {jobs.isLoading && <Skeleton active paragraph={{ rows: 6 }} aria-label="正在加载招聘信息" />}
        {jobs.error && <Alert type="error" showIcon title="无法加载招聘信息" description={errorText(jobs.error)} />}
        {jobs.data && (
          <>
            <Panel size="small" title={`近期招聘会（${jobs.data.fairs.length} 场）`} style={{ marginBottom: 12 }}>
              {jobs.data.fairs.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有招聘会" />
              ) : (
                <ul aria-label="近期招聘会" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {jobs.data.fairs.map((f) => (
                    <li key={f.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                      <strong>{f.name}</strong>
                      <div>
                        <Tag>{FAIR_MODE.label(f.mode)}</Tag>
                        {f.heldOn}
                        {f.venue ? ` · ${f.venue}` : ''}
                      </div>
                      <Typography.Text type="secondary">主办：{f.orgName}</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
            <Panel size="small" title={`招聘岗位（${jobs.data.posts.length} 个）`}>
              <Input.Search aria-label="搜索岗位、单位或地点" placeholder="搜索岗位、单位或地点" allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} />
              {posts.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? '没有符合条件的岗位' : '暂时没有招聘中的岗位'} />
              ) : (
                <ul aria-label="招聘岗位" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {posts.map((p) => (
                    <li key={p.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                        <strong>{p.post}</strong>
                        <span style={{ color: '#cf1322' }}>{p.payText}</span>
                      </div>
                      <div style={{ overflowWrap: 'anywhere' }}>
                        {p.employerName} · 招 {p.headcount} 人 · <Tag style={{ marginInlineEnd: 0 }}>{WORK_KIND.label(p.workKind)}</Tag>
                      </div>
                      {p.requirements && <Typography.Text type="secondary">{p.requirements}</Typography.Text>}
                      <div>
                        <Typography.Text type="secondary">
                          {p.place ? `${p.place} · ` : ''}有效期至 {p.validUntil} · 咨询：{p.orgName}
                        </Typography.Text>
                      </div>
                      <Button size="small" style={{ marginTop: 4 }} onClick={() => setInterested(p)} aria-label={`我有意向：${p.post}（${p.employerName}）`}>
                        我有意向
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </>
        )}
      </main>
      <InterestDialog job={interested} onClose={() => setInterested(null)} />
    </div>
  );
}
