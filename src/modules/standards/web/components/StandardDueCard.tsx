import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List } from 'antd';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';

interface Summary {
  year: number;
  seriesName: string | null;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  reviewed: number;
  awaitingMyReview: number;
}

/** Home-page due work: this year's self-assessments to start, returned ones to fix, and those waiting for my review. */
export function StandardDueCard() {
  const navigate = useNavigate();
  const s = useQuery({ queryKey: ['due', 'standards'], queryFn: () => get<Summary>('/api/standards/summary') });
  const d = s.data;
  return (
    <Card size="small" title={`规范化建设${d?.seriesName ? `（${d.year} 年度）` : ''}`} loading={s.isLoading} onClick={() => navigate('/standards')} hoverable>
      <List size="small">
        <List.Item extra={<Badge count={d?.awaitingMyReview ?? 0} showZero color="gold" />}>待我审核</List.Item>
        <List.Item extra={<Badge count={d?.returned ?? 0} showZero />}>已退回待修改</List.Item>
        <List.Item extra={<Badge count={(d?.notStarted ?? 0) + (d?.draft ?? 0)} showZero color="#999" />}>未提交自评</List.Item>
      </List>
    </Card>
  );
}
