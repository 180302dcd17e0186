import { Segmented } from 'antd';
import { useNavigate } from 'react-router';

/** The register and its standards, one click apart. */
export function FacilityTabs({ current }: { current: '/facilities' | '/facilities/standards' }) {
  const navigate = useNavigate();
  return (
    <div>
      <Segmented
      aria-label="服务阵地"
      value={current}
      onChange={(v) => navigate(v)}
      options={[
        { value: '/facilities', label: '阵地台账' },
        { value: '/facilities/standards', label: '建设标准' },
      ]}
        style={{ marginBottom: 12 }}
      />
    </div>
  );
}
