import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { DueItemSchema, DuePageSchema } from '@platform/due/schema';
import { get, query } from './api';
import { errorText } from './components';

type DueItemDto = z.infer<typeof DueItemSchema>;
type DuePage = z.infer<typeof DuePageSchema>;

const PAGE_SIZE = 8;

// Colours come from the theme (@ui/theme), chosen there for WCAG 2.1 AA contrast.

function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today in China time (the server's dates are China dates). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function Deadline({ item, today }: { item: DueItemDto; today: string }) {
  if (!item.deadline) return <Typography.Text type="secondary">无期限</Typography.Text>;
  const days = daysFrom(today, item.deadline);
  if (item.overdue) {
    return (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        已逾期{days < 0 ? ` ${-days} 天` : ''} · {item.deadline}
      </Tag>
    );
  }
  return (
    <Tag color={days <= 7 ? 'gold' : undefined} style={{ marginInlineEnd: 0 }}>
      {days === 0 ? '今天到期' : `${days} 天后到期`} · {item.deadline}
    </Tag>
  );
}

/**
 * The one 待办 list of the home page: every module's due work the user may act on, overdue first, then by
 * deadline; a summary row of counts per module that also filters the list; each item opens its record.
 */
export function DueList() {
  const [module, setModule] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const headingId = useId();
  const due = useQuery({
    queryKey: ['due', module ?? 'all', page],
    queryFn: () => get<DuePage>(`/api/due${query({ module, page, pageSize: PAGE_SIZE })}`),
    placeholderData: (prev) => prev,
  });
  const d = due.data;
  const today = chinaToday();
  const labelOf = (m: string) => d?.counts.find((c) => c.module === m)?.label ?? m;
  const all = d?.counts.reduce((n, c) => n + c.count, 0) ?? 0;
  const choose = (m: string | undefined) => {
    setModule(m);
    setPage(1);
  };

  // No module's due work applies to this account (a 会员): no list at all.
  if (d && d.counts.length === 0) return null;
  return (
    <Card
      size="small"
      className="due-list"
      style={{ marginBottom: 16 }}
      title={
        <span id={headingId} role="heading" aria-level={2}>
          待办{d ? `（${all}）` : ''}
        </span>
      }
    >
      {due.isError ? (
        <Alert type="error" showIcon message="待办加载失败" description={errorText(due.error)} />
      ) : !d ? (
        <div role="status" aria-live="polite" style={{ padding: 24, textAlign: 'center' }}>
          <Spin />
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">正在加载待办…</Typography.Text>
          </div>
        </div>
      ) : (
        <>
          {d.counts.length > 0 && (
            <Space wrap size={[8, 8]} role="group" aria-label="按业务模块筛选待办" style={{ marginBottom: 8 }}>
              <Button size="small" type={!module ? 'primary' : 'default'} aria-pressed={!module} onClick={() => choose(undefined)}>
                全部 {all}
              </Button>
              {d.counts.map((c) => (
                <Button
                  key={c.module}
                  size="small"
                  type={module === c.module ? 'primary' : 'default'}
                  aria-pressed={module === c.module}
                  onClick={() => choose(c.module)}
                >
                  {c.label} {c.count}
                  {c.overdue > 0 && (
                    module === c.module ? <span>（逾期 {c.overdue}）</span> : <Typography.Text type="danger">（逾期 {c.overdue}）</Typography.Text>
                  )}
                </Button>
              ))}
            </Space>
          )}
          {d.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={module ? `「${labelOf(module)}」暂无待办` : '暂无待办'} />
          ) : (
            <List
              aria-labelledby={headingId}
              aria-busy={due.isFetching}
              size="small"
              dataSource={d.items}
              renderItem={(item) => (
                <List.Item key={`${item.module}-${item.kind}-${item.href}-${item.title}`} style={{ flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
                  <div style={{ flex: '1 1 240px', minWidth: 0 }}>
                    <Link to={item.href} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                        {item.action} · {item.orgName}
                        {!module && ` · ${labelOf(item.module)}`}
                      </Typography.Text>
                    </div>
                  </div>
                  <Deadline item={item} today={today} />
                </List.Item>
              )}
            />
          )}
          {d.total > PAGE_SIZE && (
            <Pagination
              size="small"
              align="end"
              style={{ marginTop: 8 }}
              current={page}
              pageSize={PAGE_SIZE}
              total={d.total}
              showSizeChanger={false}
              showTotal={(t) => `共 ${t} 项`}
              onChange={setPage}
            />
          )}
        </>
      )}
    </Card>
  );
}
