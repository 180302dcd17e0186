import { Segmented } from 'antd';
import { useNavigate } from 'react-router';

type Tab = '/congresses' | '/congresses/proposals' | '/congresses/disclosures';

/** The congresses, the delegates' proposals and 厂务公开, one click apart. */
export function CongressTabs({ current }: { current: Tab }) {
  const navigate = useNavigate();
  return (
    <div style={{ marginBottom: 12 }}>
      <Segmented
        aria-label="职代会和民主管理"
        value={current}
        onChange={(v) => navigate(v)}
        options={[
          { value: '/congresses', label: '职代会' },
          { value: '/congresses/proposals', label: '职工代表提案' },
          { value: '/congresses/disclosures', label: '厂务公开' },
        ]}
      />
    </div>
  );
}
