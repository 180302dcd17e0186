import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@ui/components';
import { AidTab } from '../components/AidTab';
import { CampaignsTab } from '../components/CampaignsTab';
import { CasesTab } from '../components/CasesTab';
import { ParametersTab } from '../components/ParametersTab';
import { ScreeningsTab } from '../components/ScreeningsTab';

/** 困难职工帮扶: the case files and the parameters they are judged by. */
export function HardshipPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'cases';
  return (
    <>
      <PageHeader
        title="困难职工帮扶"
        help="申请 → 基层工会初审 → 入户调查 → 公示 → 区总工会审批建档 → 帮扶 → 定期回头看 → 解困脱困退出 → 防返困监测。困难类别由家庭收支按低保标准自动计算。"
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'cases', label: '困难职工档案', children: <CasesTab /> },
          { key: 'aid', label: '帮扶记录', children: <AidTab /> },
          { key: 'campaigns', label: '送温暖等活动', children: <CampaignsTab /> },
          { key: 'screenings', label: '摸底排查', children: <ScreeningsTab /> },
          { key: 'parameters', label: '低保标准与参数', children: <ParametersTab /> },
        ]}
      />
    </>
  );
}
