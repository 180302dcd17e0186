import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Spin, Tag, Timeline } from 'antd';
import { get } from '@ui/api';
import { PageHeader } from '@ui/components';
import type { MemberDetail } from '../api';

/** A member's own record and membership history (phone-friendly). */
export function MyMembershipPage() {
  const me = useQuery({ queryKey: ['me-member'], queryFn: () => get<MemberDetail>('/api/me/member'), retry: false });
  if (me.isLoading) return <Spin />;
  if (!me.data) return <Empty description="您的账号还没有关联会员档案，请联系所在工会" />;
  const m = me.data;
  const open = m.memberships.find((x) => !x.leftOn);
  return (
    <>
      <PageHeader title="我的会籍" help={open ? `您是“${open.orgName}”的会员，自 ${open.joinedOn} 起。` : '您目前没有有效会籍。'} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
          <Descriptions.Item label="身份证号码">{m.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="手机号码">{m.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="职业">
            {m.occupation ?? '—'} {m.gigKindLabel && <Tag color="orange">新就业形态</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="会籍记录">
        <Timeline
          items={m.memberships.map((x) => ({
            color: x.leftOn ? 'gray' : 'green',
            children: (
              <>
                <div>{x.orgName}</div>
                <div style={{ color: '#888' }}>
                  {x.joinedOn} {x.channelLabel}
                  {x.leftOn ? ` — ${x.leftOn} ${x.leaveReasonLabel}` : ' 至今'}
                </div>
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
