import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { useNavigate } from 'react-router';
import { get } from '@ui/api';
import { PageHeader } from '@ui/components';
import { DueList } from '@ui/DueList';
import { useMe } from '@ui/session';
import type { HomeTile } from '@ui/web-module';
import { webModules } from '../modules';

const tiles = webModules.flatMap((m) => m.homeTiles ?? []);
const sections = webModules.flatMap((m) => (m.home ? [{ name: m.name, ...m.home }] : []));

function Tile({ tile }: { tile: HomeTile }) {
  const navigate = useNavigate();
  const url = tile.totalUrl();
  const total = useQuery({ queryKey: ['total', url], queryFn: () => get<{ total: number }>(url) });
  return (
    <Col xs={12} md={6}>
      <Card hoverable onClick={() => navigate(tile.to)}>
        <Statistic title={tile.title} value={total.data?.total ?? '—'} prefix={tile.icon} />
      </Card>
    </Col>
  );
}

/** The landing page: who you are, what you administer, and where to go next. */
export function HomePage() {
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p);
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
      <DueList />
      <Row gutter={[16, 16]}>
        {tiles.filter((x) => can(x.permission)).map((x) => (
          <Tile key={x.to} tile={x} />
        ))}
      </Row>
      {sections
        .filter((s) => can(s.permission))
        .map((s) => (
          <Suspense key={s.name} fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
            <s.component />
          </Suspense>
        ))}
    </>
  );
}
