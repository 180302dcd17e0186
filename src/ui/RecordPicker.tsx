import { Card, Empty, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The card at the top of a page that works on one record of a list at a time (this year's mutual-aid plan, a
 * health-check programme): an empty state saying what to do, or a picker with the record's actions and summary.
 */
export function RecordPicker<T extends { id: number; name: string; statusLabel: string }>({
  label,
  items,
  loading,
  value,
  onChange,
  empty,
  actions,
  children,
}: {
  label: string;
  items: T[] | undefined;
  loading: boolean;
  value: number | undefined;
  onChange(id: number): void;
  /** What the empty state says (who creates the first record, and how). */
  empty: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} loading={loading}>
      {items && items.length === 0 ? (
        <Empty description={empty} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>{label}：</Typography.Text>
            <Select aria-label={label} value={value} onChange={onChange} style={{ minWidth: 320 }} options={items?.map((x) => ({ value: x.id, label: `${x.name}（${x.statusLabel}）` }))} />
            {actions}
          </Space>
          {children}
        </Space>
      )}
    </Card>
  );
}
