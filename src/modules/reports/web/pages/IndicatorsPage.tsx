import { Button, Card, Empty, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { OrgTreeSelect } from '@modules/organisations/web';
import { PageHeader, errorText, useIsPhone } from '@ui/components';
import { useMe } from '@ui/session';
import type { IndicatorDefinitionDto, IndicatorValueDto } from '../../shared/indicator.schema';
import { formatValue, useIndicatorDefinitions, useIndicatorValues, type Scope } from '../api';
import { PeriodPicker } from '../components/PeriodPicker';
import { RecordsDrawer } from '../components/RecordsDrawer';

type Row = IndicatorDefinitionDto & { v?: IndicatorValueDto };

function change(v: IndicatorValueDto | undefined, unit: string) {
  if (!v || v.value === null || v.lastYearValue === null) return '—';
  const d = Math.round((v.value - v.lastYearValue) * 100) / 100;
  if (d === 0) return '持平';
  const text = unit === '%' ? `${Math.abs(d)} 个百分点` : `${Math.abs(d).toLocaleString('zh-CN')} ${unit}`;
  return d > 0 ? `增加 ${text}` : `减少 ${text}`;
}

/** Every figure the platform computes, its definition, its value for a scope and period, and its records. */
export function IndicatorsPage() {
  const me = useMe();
  const phone = useIsPhone();
  const [scope, setScope] = useState<Scope>({ orgId: me.account.orgId, period: String(new Date().getFullYear()) });
  const [open, setOpen] = useState<IndicatorDefinitionDto | null>(null);
  const defs = useIndicatorDefinitions();
  const values = useIndicatorValues(scope);
  const rows: Row[] = useMemo(
    () => (defs.data ?? []).map((d) => ({ ...d, v: values.data?.values.find((v) => v.code === d.code) })),
    [defs.data, values.data],
  );

  return (
    <>
      <PageHeader
        title="统计指标"
        help="每个数字都由台账计算，点击数值可查看背后的每一条记录并导出。"
        extra={
          <>
            <div style={{ width: phone ? '100%' : 260 }}>
              <OrgTreeSelect value={scope.orgId} onChange={(orgId) => orgId && setScope((s) => ({ ...s, orgId }))} placeholder="统计范围" />
            </div>
            <PeriodPicker value={scope.period} onChange={(period) => setScope((s) => ({ ...s, period }))} />
          </>
        }
      />
      <Card size="small" title={values.data ? `${values.data.org.name} · ${values.data.period.label}` : ' '}>
        {values.isError && <Typography.Text type="danger">{errorText(values.error)}</Typography.Text>}
        <Table<Row>
          rowKey="code"
          size="middle"
          loading={defs.isLoading || values.isFetching}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty description="暂无指标" /> }}
          columns={[
            ...(phone
              ? []
              : [
                  {
                    title: '类别',
                    dataIndex: 'section',
                    width: 100,
                    onCell: (r: Row, i?: number) => ({
                      rowSpan: i && rows[i - 1]?.section === r.section ? 0 : rows.filter((x) => x.section === r.section).length,
                    }),
                  },
                ]),
            {
              title: '指标',
              dataIndex: 'name',
              render: (name: string, r) => (
                <Tooltip title={r.definition}>
                  <span>{name}</span>
                </Tooltip>
              ),
            },
            ...(phone ? [] : [{ title: '口径', dataIndex: 'definition', ellipsis: { showTitle: true } }]),
            {
              title: '数值',
              key: 'value',
              width: phone ? 90 : 130,
              align: 'right' as const,
              render: (_: unknown, r: Row) => (
                // The name starts with the figure shown, so a voice user can say what they see (WCAG 2.5.3).
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)} aria-label={`${formatValue(r.v?.value, r.unit)}，${r.name}明细`}>
                  {formatValue(r.v?.value, r.unit)}
                </Button>
              ),
            },
            ...(phone
              ? []
              : [{ title: '上年同期', key: 'last', width: 110, align: 'right' as const, render: (_: unknown, r: Row) => formatValue(r.v?.lastYearValue, r.unit) }]),
            { title: '比上年', key: 'change', width: phone ? 90 : 120, render: (_: unknown, r: Row) => change(r.v, r.unit) },
          ]}
        />
      </Card>
      <RecordsDrawer indicator={open} scope={scope} onClose={() => setOpen(null)} />
    </>
  );
}
