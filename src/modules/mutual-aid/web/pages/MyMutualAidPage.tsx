import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, List, Spin, Tag, Typography } from 'antd';
import { yuan } from '@platform/money';
import { get } from '@ui/api';
import { PageHeader } from '@ui/components';

interface MyEnrolment {
  id: number;
  planName: string;
  productLabel: string;
  coverStart: string;
  coverEnd: string;
  shares: number;
  premiumFen: number;
  paidOn: string;
  status: string;
  statusLabel: string;
  remainingFen: number;
  claims: { id: number; hospital: string; admittedOn: string; claimedFen: number; approvedFen: number | null; status: string; statusLabel: string; opinion: string | null; paidOn: string | null }[];
}

const CLAIM_COLORS: Record<string, string> = { submitted: 'gold', approved: 'blue', paid: 'green', rejected: 'default' };

/** The member's own mutual aid on a phone: what they are enrolled in, what is left, and how their claims stand. */
export function MyMutualAidPage() {
  const mine = useQuery({ queryKey: ['me', 'mutual-aid'], queryFn: () => get<{ enrolments: MyEnrolment[] }>('/api/me/mutual-aid') });
  if (mine.isLoading) return <Spin />;
  const rows = mine.data?.enrolments ?? [];
  return (
    <>
      <PageHeader title="大病互助" help="工会为会员办理的职工大病互助。住院或确诊后，请把诊断证明、费用清单和发票交给所在工会，由工会提交理赔申请。" />
      {rows.length === 0 && <Empty description="您还没有参加大病互助，可向所在工会咨询参保" />}
      {rows.map((e) => (
        <Card key={e.id} size="small" style={{ marginBottom: 12 }} title={e.planName} extra={<Tag color={e.status === 'enrolled' ? 'green' : 'default'}>{e.statusLabel}</Tag>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="类别">{e.productLabel}</Descriptions.Item>
            <Descriptions.Item label="保障期">
              {e.coverStart} 至 {e.coverEnd}
            </Descriptions.Item>
            <Descriptions.Item label="参保">
              {e.shares} 份，{yuan(e.premiumFen)}（{e.paidOn} 缴费）
            </Descriptions.Item>
            {e.status === 'enrolled' && <Descriptions.Item label="本年度还可给付">{yuan(e.remainingFen)}</Descriptions.Item>}
          </Descriptions>
          {e.claims.length > 0 && (
            <>
              <Typography.Text strong>理赔</Typography.Text>
              <List
                size="small"
                dataSource={e.claims}
                renderItem={(c) => (
                  <List.Item>
                    <div style={{ width: '100%' }}>
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                        <span>
                          {c.admittedOn} {c.hospital}
                        </span>
                        <Tag color={CLAIM_COLORS[c.status]}>{c.statusLabel}</Tag>
                      </div>
                      <Typography.Text type="secondary">
                        申请 {yuan(c.claimedFen)}
                        {c.approvedFen !== null && `，核准 ${yuan(c.approvedFen)}`}
                        {c.paidOn && `，${c.paidOn} 已支付`}
                        {c.status === 'rejected' && c.opinion && `；${c.opinion}`}
                      </Typography.Text>
                    </div>
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      ))}
    </>
  );
}
