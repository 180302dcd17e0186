import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List } from 'antd';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';

/** Home-page due work: online applications waiting for a decision, and those past the deadline. */
export function MemberDueCard() {
  const navigate = useNavigate();
  const due = useQuery({ queryKey: ['due', 'members'], queryFn: () => get<{ incomingTransfers: number; pendingApplications: number; overdueApplications: number; dueSoon: number }>('/api/members/due') });
  const d = due.data;
  return (
    <Card size="small" title="入会审核" loading={due.isLoading} onClick={() => navigate('/member-applications')} hoverable>
      <List size="small">
        <List.Item extra={<Badge count={d?.pendingApplications ?? 0} showZero color="#1677ff" />}>待审核的入会申请</List.Item>
        <List.Item extra={<Badge count={d?.dueSoon ?? 0} showZero color="gold" />}>明天到期</List.Item>
        <List.Item extra={<Badge count={d?.overdueApplications ?? 0} showZero />}>已超过审核期限</List.Item>
        {!!d?.incomingTransfers && (
          <List.Item extra={<Badge count={d.incomingTransfers} color="#1677ff" />} onClick={(e) => (e.stopPropagation(), navigate('/members/transfers'))}>
            待接收的转会申请
          </List.Item>
        )}
      </List>
    </Card>
  );
}
