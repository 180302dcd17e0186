import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List } from 'antd';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';

/** Home-page due work: committee terms ending within six months, overdue, or never recorded. */
export function ElectionDueCard() {
  const navigate = useNavigate();
  const s = useQuery({ queryKey: ['due', 'elections'], queryFn: () => get<{ due: number; overdue: number; unregistered: number }>('/api/unions/elections/summary?within=180') });
  return (
    <Card size="small" title="换届提醒" loading={s.isLoading} onClick={() => navigate('/elections')} hoverable>
      <List size="small">
        <List.Item extra={<Badge count={s.data?.due ?? 0} showZero color="gold" />}>半年内届满</List.Item>
        <List.Item extra={<Badge count={s.data?.overdue ?? 0} showZero />}>已逾期未换届</List.Item>
        <List.Item extra={<Badge count={s.data?.unregistered ?? 0} showZero color="#999" />}>未登记届期</List.Item>
      </List>
    </Card>
  );
}
