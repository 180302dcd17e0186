import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List } from 'antd';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';

interface Due {
  reviews: number;
  visits: number;
  notices: number;
  watch: number;
  pendingFiling: number;
  applied: number;
}

/** Home-page due work of hardship cases in scope; each line opens the list filtered to it. */
export function HardshipDueCard() {
  const navigate = useNavigate();
  const due = useQuery({ queryKey: ['due', 'hardship'], queryFn: () => get<Due>('/api/hardship/due') });
  const d = due.data;
  const line = (label: string, n: number | undefined, to: string, color = '#1677ff') => (
    <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(to)} extra={<Badge count={n ?? 0} showZero color={color} />}>
      {label}
    </List.Item>
  );
  return (
    <Card size="small" title="困难职工帮扶" loading={due.isLoading}>
      <List size="small">
        {line('待初审的申请', d?.applied, '/hardship?status=applied')}
        {line('待入户调查', d?.visits, '/hardship?due=visit')}
        {line('公示 3 天内结束', d?.notices, '/hardship?due=notice', 'purple')}
        {line('待审批建档', d?.pendingFiling, '/hardship?status=pending_filing', 'gold')}
        {line('回头看 30 天内到期', d?.reviews, '/hardship?due=review', 'orange')}
        {line('防返困回访将到期', d?.watch, '/hardship?due=watch', 'gray')}
      </List>
    </Card>
  );
}
