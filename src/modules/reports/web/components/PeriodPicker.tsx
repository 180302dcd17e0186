import { DatePicker, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

type Kind = 'year' | 'quarter' | 'month';

/** Period id from a picked date: `2024`, `2024Q1` or `202401`. */
export function periodIdOf(kind: Kind, d: Dayjs): string {
  if (kind === 'year') return String(d.year());
  if (kind === 'quarter') return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
  return `${d.year()}${String(d.month() + 1).padStart(2, '0')}`;
}

function dateOf(id: string): { kind: Kind; date: Dayjs } {
  if (/^\d{4}Q[1-4]$/.test(id)) return { kind: 'quarter', date: dayjs(`${id.slice(0, 4)}-${(Number(id[5]) - 1) * 3 + 1}-01`) };
  if (/^\d{6}$/.test(id)) return { kind: 'month', date: dayjs(`${id.slice(0, 4)}-${id.slice(4)}-01`) };
  return { kind: 'year', date: dayjs(`${id.slice(0, 4)}-01-01`) };
}

/** Chooses a statistical period: a year, a quarter or a month. */
export function PeriodPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { kind, date } = dateOf(value ?? String(new Date().getFullYear()));
  return (
    <Space.Compact>
      <Segmented<Kind>
        value={kind}
        onChange={(k) => onChange?.(periodIdOf(k, date))}
        options={[
          { value: 'year', label: '年度' },
          { value: 'quarter', label: '季度' },
          { value: 'month', label: '月度' },
        ]}
      />
      <DatePicker
        aria-label="统计期"
        picker={kind}
        value={date}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs().endOf('year'))}
        onChange={(d) => d && onChange?.(periodIdOf(kind, d))}
        style={{ width: 130 }}
      />
    </Space.Compact>
  );
}
