import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Input, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '@ui/api';
import { errorText } from '@ui/components';
import { Panel } from '@ui/Panel';
import { FAIR_MODE } from '../shared/fair.ledger';
import { WORK_KIND } from '../shared/hiring.ledger';
import type { PublicJobs } from '../shared/public-jobs';

/**
 * /jobs, for a worker on a phone without an account: the district's open posts (searchable) and the fairs to come.
 * No contact details are published; a post names the union that keeps it, which the worker can ask.
 */
export function PublicJobsPage() {
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
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </>
        )}
      </main>
    </div>
  );
}
