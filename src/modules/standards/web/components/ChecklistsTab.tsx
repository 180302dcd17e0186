import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Descriptions, Empty, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { del, get, post, put } from '@ui/api';
import { errorText } from '@ui/components';
import { useMe } from '@ui/session';
import type { Checklist } from '../types';
import { ChecklistEditor } from './ChecklistEditor';

const STATUS_COLORS = { draft: 'blue', published: 'green', retired: 'default' } as const;

/** The standards with their versions; the district edits drafts, publishes them and starts new versions. */
export function ChecklistsTab() {
  const me = useMe();
  const manage = me.permissions.includes('standard.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Checklist | null | 'new'>(null);
  const list = useQuery({ queryKey: ['standards', 'checklists'], queryFn: () => get<Checklist[]>('/api/standards/checklists') });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['standards'] });
  const act = useMutation({
    mutationFn: ({ url, method }: { url: string; method: 'POST' | 'DELETE'; done: string }) => (method === 'POST' ? post(url) : del(url)),
    onSuccess: (_, v) => (refresh(), void message.success(v.done)),
    onError: (e) => void message.error(errorText(e)),
  });
  if (list.isLoading) return <Spin />;
  const bySeries = new Map<string, Checklist[]>();
  for (const c of list.data ?? []) bySeries.set(c.series, [...(bySeries.get(c.series) ?? []), c]);
  return (
    <>
      {manage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          新建检查标准
        </Button>
      )}
      {bySeries.size === 0 && <Empty description={manage ? '还没有检查标准，可从“六有”“六好”模板开始' : '区总工会还没有发布检查标准'} />}
      {[...bySeries.values()].map((versions) => {
        const head = versions.find((v) => v.status === 'published') ?? versions[0]!;
        return (
          <Card key={head.series} size="small" style={{ marginBottom: 12 }} title={head.name} extra={<Typography.Text type="secondary">共 {versions.length} 个版本</Typography.Text>}>
            <Collapse
              size="small"
              defaultActiveKey={[String(head.id)]}
              items={versions.map((c) => ({
                key: String(c.id),
                label: (
                  <Space wrap>
                    <span>第 {c.version} 版</span>
                    <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
                    <Typography.Text type="secondary">
                      生效 {c.effectiveFrom} · {c.items.length} 项 · 满分 {c.totalScore} · 已有 {c.assessments} 份自评
                    </Typography.Text>
                  </Space>
                ),
                extra: manage && (
                  <Space size={4} onClick={(e) => e.stopPropagation()}>
                    {c.status === 'draft' && (
                      <>
                        <Button size="small" onClick={() => setEditing(c)}>
                          编辑
                        </Button>
                        <Popconfirm title="发布后不能再修改，上一版本停用（已有自评仍按原版本）。确定发布？" onConfirm={() => act.mutate({ url: `/api/standards/checklists/${c.id}/publish`, method: 'POST', done: '已发布' })}>
                          <Button size="small" type="primary">
                            发布
                          </Button>
                        </Popconfirm>
                        <Popconfirm title="删除这份草稿？" onConfirm={() => act.mutate({ url: `/api/standards/checklists/${c.id}`, method: 'DELETE', done: '已删除草稿' })}>
                          <Button size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </>
                    )}
                    {c.status === 'published' && (
                      <Button size="small" onClick={() => act.mutate({ url: `/api/standards/checklists/${c.id}/versions`, method: 'POST', done: '已新建下一版本草稿' })}>
                        修订（新建版本）
                      </Button>
                    )}
                  </Space>
                ),
                children: (
                  <>
                    {c.description && <Typography.Paragraph type="secondary">{c.description}</Typography.Paragraph>}
                    <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
                      <Descriptions.Item label="等级">
                        {c.gradeBands.map((b) => `${b.label} ≥ ${b.minScore} 分`).join('；')}；低于 {c.gradeBands.at(-1)?.minScore} 分为不达标
                      </Descriptions.Item>
                    </Descriptions>
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={c.items}
                      scroll={{ x: 'max-content' }}
                      columns={[
                        { title: '序号', dataIndex: 'position', width: 56 },
                        { title: '检查项目', dataIndex: 'title' },
                        { title: '分值', dataIndex: 'maxScore', width: 64, align: 'right' },
                        { title: '评分要点', dataIndex: 'description', render: (v) => v ?? '—' },
                        { title: '佐证材料', dataIndex: 'evidenceHint', render: (v) => v ?? '—' },
                      ]}
                    />
                  </>
                ),
              }))}
            />
          </Card>
        );
      })}
      <ChecklistEditor
        open={editing !== null}
        editing={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSave={async (body) => {
          if (editing === 'new') await post('/api/standards/checklists', body);
          else if (editing) await put(`/api/standards/checklists/${editing.id}`, body);
          refresh();
        }}
      />
    </>
  );
}
