import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Pagination, Space, Spin, Tag } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { get, query } from './api';
import { errorText } from './components';

/** One item of GET /api/due. */
export interface DueItemDto {
  module: string;
  kind: string;
  title: string;
  orgName: string;
  deadline: string | null;
  overdue: boolean;
  action: string;
  href: string;
}

interface DuePage {
  items: DueItemDto[];
  total: number;
  page: number;
  pageSize: number;
  counts: { module: string; label: string; count: number; overdue: number }[];
}

const PAGE_SIZE = 8;

// Colours chosen for WCAG 2.1 AA contrast (4.5:1) on their backgrounds; antd's defaults for secondary text, links and
// light tags fall below it.
const SECONDARY = '#595959';
const LINK = '#0958d9';
const OVERDUE = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const SOON = { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' };
const LATER = { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' };

function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today in China time (the server's dates are China dates). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function Deadline({ item, today }: { item: DueItemDto; today: string }) {
  if (!item.deadline) return <span style={{ color: SECONDARY }}>无期限</span>;
  const days = daysFrom(today, item.deadline);
  if (item.overdue) {
    return (
      <Tag style={{ ...OVERDUE, marginInlineEnd: 0 }}>
        已逾期{days < 0 ? ` ${-days} 天` : ''} · {item.deadline}
      </Tag>
    );
  }
  return (
    <Tag style={{ ...(days <= 7 ? SOON : LATER), marginInlineEnd: 0 }}>
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
            <span style={{ color: SECONDARY }}>正在加载待办…</span>
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
                    <span style={{ color: module === c.module ? '#fff' : OVERDUE.color }}>（逾期 {c.overdue}）</span>
                  )}
                </Button>
              ))}
            </Space>
          )}
          {d.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={{ color: SECONDARY }}>{module ? `「${labelOf(module)}」暂无待办` : '暂无待办'}</span>} />
          ) : (
            <List
              aria-labelledby={headingId}
              aria-busy={due.isFetching}
              size="small"
              dataSource={d.items}
              renderItem={(item) => (
                <List.Item key={`${item.module}-${item.kind}-${item.href}-${item.title}`} style={{ flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
                  <div style={{ flex: '1 1 240px', minWidth: 0 }}>
                    <Link to={item.href} style={{ color: LINK, fontWeight: 500, overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Link>
                    <div>
                      <span style={{ color: SECONDARY, fontSize: 13, overflowWrap: 'anywhere' }}>
                        {item.action} · {item.orgName}
                        {!module && ` · ${labelOf(item.module)}`}
                      </span>
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
