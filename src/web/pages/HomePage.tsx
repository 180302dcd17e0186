import { AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Dashboard } from '@modules/reports/web';
import { MemberDueCard } from '@modules/members/web';
import { ElectionDueCard } from '@modules/unions/web';
import { StandardDueCard } from '@modules/standards/web';
import { HardshipDueCard } from '@modules/hardship/web';
import { MutualAidDueCard } from '@modules/mutual-aid/web';
import { HealthCheckDueCard } from '@modules/health-checks/web';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';
import { PageHeader } from '@ui/components';
import { useMe } from '@ui/session';

function useTotal(url: string, enabled: boolean) {
  return useQuery({ queryKey: ['total', url], queryFn: () => get<{ total: number }>(url), enabled });
}

/** The landing page: who you are, what you administer, and where to go next. */
export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const can = (p: string) => me.permissions.includes(p);
  const accounts = useTotal('/api/accounts?pageSize=1', can('account.read'));
  const audit = useTotal(`/api/audit?pageSize=1&from=${new Date().toISOString().slice(0, 10)}`, can('audit.read'));
  const card = (title: string, value: number | undefined, icon: React.ReactNode, to: string) => (
    <Col xs={12} md={6}>
      <Card hoverable onClick={() => navigate(to)}>
        <Statistic title={title} value={value ?? '—'} prefix={icon} />
      </Card>
    </Col>
  );
  return (
    <>
      <PageHeader title={`您好，${me.account.displayName}`} help={me.account.orgName} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Text>当前角色：</Typography.Text>
        {me.account.roles.map((r) => (
          <Tag key={r.code} color="blue">
            {r.label}
          </Tag>
        ))}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {me.permissions.includes('org.read')
            ? `您可以查看和管理「${me.account.orgName}」及其全部下级组织的数据。`
            : `您的账号属于「${me.account.orgName}」。`}
          登录后 {me.sessionIdleMinutes} 分钟无操作将自动退出。
        </Typography.Paragraph>
      </Card>
      {(can('member.read') || can('org.read') || can('hardship.read') || can('mutualaid.read') || can('healthcheck.read')) && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {can('member.read') && (
            <Col xs={24} md={12} xl={8}>
              <MemberDueCard />
            </Col>
          )}
          {can('org.read') && (
            <Col xs={24} md={12} xl={8}>
              <ElectionDueCard />
            </Col>
          )}
          {can('org.read') && (
            <Col xs={24} md={12} xl={8}>
              <StandardDueCard />
            </Col>
          )}
          {can('hardship.read') && (
            <Col xs={24} md={12} xl={8}>
              <HardshipDueCard />
            </Col>
          )}
          {can('mutualaid.read') && (
            <Col xs={24} md={12} xl={8}>
              <MutualAidDueCard />
            </Col>
          )}
          {can('healthcheck.read') && (
            <Col xs={24} md={12} xl={8}>
              <HealthCheckDueCard />
            </Col>
          )}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        {can('account.read') && card('账号', accounts.data?.total, <TeamOutlined />, '/accounts')}
        {can('audit.read') && card('今日操作', audit.data?.total, <AuditOutlined />, '/audit')}
      </Row>
      {can('report.read') && (
        <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
          <Dashboard />
        </Suspense>
      )}
    </>
  );
}
