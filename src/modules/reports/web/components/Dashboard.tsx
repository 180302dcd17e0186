import { Card, Col, Empty, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Chart } from '@ui/Chart';
import { useMe } from '@ui/session';
import { DASHBOARD_TREND_DEFAULT, KEY_FIGURES } from '../../shared/dashboard';
import type { IndicatorDefinitionDto } from '../../shared/indicator.schema';
import { formatValue, useBreakdown, useIndicatorDefinitions, useIndicatorValues, useTrend, type Scope } from '../api';
import { RecordsDrawer } from './RecordsDrawer';

function changeText(value: number | null, last: number | null, unit: string) {
  if (value === null || last === null) return '上年无数据';
  const d = Math.round((value - last) * 100) / 100;
  if (d === 0) return '与上年持平';
  return `比上年${d > 0 ? '增加' : '减少'} ${Math.abs(d).toLocaleString('zh-CN')}${unit === '%' ? ' 个百分点' : ` ${unit}`}`;
}


/**
 * The home page of district and intermediate users: key figures of this year with the change from last
 * year, a five-year trend, and a breakdown by subordinate union. Every number, point and bar opens its records.
 */
export function Dashboard() {
  const me = useMe();
  const year = String(new Date().getFullYear());
  const [drill, setDrill] = useState<{ indicator: IndicatorDefinitionDto; scope: Scope } | null>(null);
  const defs = useIndicatorDefinitions();
  // Only the key figures: the catalogue page asks for the rest.
  const values = useIndicatorValues({ orgId: me.account.orgId, period: year }, KEY_FIGURES);
  const [code, setCode] = useState(DASHBOARD_TREND_DEFAULT);
  const chosen = defs.data?.find((d) => d.code === code);
  const trend = useTrend(code, me.account.orgId);
  const breakdown = useBreakdown(code, { orgId: me.account.orgId, period: year });

  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: trend.data?.points.map((p) => p.label) ?? [] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', data: trend.data?.points.map((p) => p.value) ?? [], smooth: true, symbolSize: 10, name: chosen?.name, itemStyle: { color: '#c8161d' }, lineStyle: { color: '#c8161d' } }],
    }),
    [trend.data, chosen?.name],
  );
  const items = breakdown.data?.items ?? [];
  const breakdownOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.orgName), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [{ type: 'bar', data: items.map((i) => i.value), itemStyle: { color: '#c8161d' }, name: chosen?.name }],
    }),
    [items, chosen?.name],
  );

  if (!defs.data?.length) return null;
  const open = (indicator: IndicatorDefinitionDto | undefined, scope: Scope) => indicator && setDrill({ indicator, scope });

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {values.data?.org.name} · {year}年主要数据 <Typography.Link href="/indicators" style={{ fontSize: 13, fontWeight: 'normal' }}>全部指标</Typography.Link>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {defs.data.filter((d) => KEY_FIGURES.includes(d.code)).map((d) => {
          const v = values.data?.values.find((x) => x.code === d.code);
          return (
            <Col xs={12} md={8} xl={6} key={d.code}>
              <Card hoverable size="small" onClick={() => open(d, { orgId: me.account.orgId, period: year })} aria-label={values.isLoading ? `${d.name}：计算中` : `${d.name}：${formatValue(v?.value, d.unit)}`}>
                <Statistic title={d.name} value={formatValue(v?.value, d.unit)} loading={values.isLoading} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v ? changeText(v.value, v.lastYearValue, d.unit) : values.isError ? '无法计算，请刷新重试' : ' '}
                </Typography.Text>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title="趋势与分布"
        extra={<Select value={code} onChange={setCode} style={{ width: 220 }} options={defs.data.filter((d) => d.kind !== 'rate').map((d) => ({ value: d.code, label: d.name }))} aria-label="选择指标" />}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={items.length ? 12 : 24}>
            <Typography.Text strong>近五年{chosen?.name}</Typography.Text>
            {trend.isLoading ? (
              <Skeleton active paragraph={{ rows: 5 }} style={{ height: 260 }} />
            ) : (
              <Chart
                option={trendOption}
                ariaLabel={`近五年${chosen?.name ?? ''}趋势`}
                onClick={(i) => open(chosen, { orgId: me.account.orgId, period: trend.data!.points[i]!.period })}
              />
            )}
          </Col>
          {items.length > 0 && (
            <Col xs={24} lg={12}>
              <Typography.Text strong>按下一级组织（{year}年）</Typography.Text>
              {items.every((i) => !i.value) ? (
                <Empty description="今年各下级组织均为 0" />
              ) : (
                <Chart
                  option={breakdownOption}
                  height={Math.max(200, Math.min(items.length, 20) * 26)}
                  ariaLabel={`${chosen?.name ?? ''}按下一级组织分布`}
                  onClick={(i) => open(chosen, { orgId: items[i]!.orgId, period: year })}
                />
              )}
            </Col>
          )}
        </Row>
      </Card>
      <RecordsDrawer indicator={drill?.indicator ?? null} scope={drill?.scope ?? { period: year }} onClose={() => setDrill(null)} />
    </>
  );
}
