import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';

/** Home-page due work of free health checks in scope, by programme: results to record, bookings past their date. */
export function HealthCheckDueCard() {
  const navigate = useNavigate();
  const due = useQuery({ queryKey: ['due', 'health-checks'], queryFn: () => get<{ programmeId: number; name: string; results: number; overdue: number }[]>('/api/health-checks/due') });
  const rows = due.data ?? [];
  return (
    <Card size="small" title="免费体检" loading={due.isLoading}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">没有待登记的体检结果，也没有过期未体检的预约</Typography.Text>
      ) : (
        rows.map((r) => (
          <div key={r.programmeId}>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, marginTop: 4 }} title={r.name}>
              {r.name}
            </Typography.Text>
            <List size="small">
              <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/health-checks?programme=${r.programmeId}&due=results`)} extra={<Badge count={r.results} showZero color="orange" />}>
                已体检待登记结果
              </List.Item>
              <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/health-checks?programme=${r.programmeId}&due=overdue`)} extra={<Badge count={r.overdue} showZero color="gray" />}>
                过了预约日期未体检
              </List.Item>
            </List>
          </div>
        ))
      )}
    </Card>
  );
}
