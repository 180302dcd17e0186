import { Segmented } from 'antd';
import { useNavigate } from 'react-router';

/** Legal education events and legal service cases, one click apart. */
export function LegalTabs({ current }: { current: '/legal' | '/legal/cases' }) {
  const navigate = useNavigate();
  return (
    <div style={{ marginBottom: 12 }}>
      <Segmented
        aria-label="普法和法律服务"
        value={current}
        onChange={(v) => navigate(v)}
        options={[
          { value: '/legal', label: '普法活动' },
          { value: '/legal/cases', label: '法律服务案件' },
        ]}
      />
    </div>
  );
}
