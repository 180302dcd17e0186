import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List } from 'antd';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';

/** Home-page due work of mutual-aid claims in scope; each line opens the claims list filtered to it. */
export function MutualAidDueCard() {
  const navigate = useNavigate();
  const due = useQuery({ queryKey: ['due', 'mutual-aid'], queryFn: () => get<{ submitted: number; approved: number }>('/api/mutual-aid/due') });
  const line = (label: string, n: number | undefined, status: string, color: string) => (
    <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/mutual-aid?tab=claims&status=${status}`)} extra={<Badge count={n ?? 0} showZero color={color} />}>
      {label}
    </List.Item>
  );
  return (
    <Card size="small" title="大病互助" loading={due.isLoading}>
      <List size="small">
        {line('待审核的理赔', due.data?.submitted, 'submitted', 'gold')}
        {line('已核准待支付的理赔', due.data?.approved, 'approved', '#1677ff')}
      </List>
    </Card>
  );
}
