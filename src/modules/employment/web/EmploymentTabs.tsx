import { Segmented } from 'antd';
import { useNavigate } from 'react-router';

/** The ledgers of 就业服务, one click apart. */
export function EmploymentTabs({ current }: { current: '/employment' | '/employment/fairs' | '/employment/seekers' }) {
  const navigate = useNavigate();
  return (
    <Segmented
      aria-label="就业服务台账"
      value={current}
      onChange={(v) => navigate(v)}
      options={[
        { value: '/employment', label: '企业用工信息' },
        { value: '/employment/fairs', label: '招聘会' },
        { value: '/employment/seekers', label: '就业援助' },
      ]}
      style={{ marginBottom: 12 }}
    />
  );
}
