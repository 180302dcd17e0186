import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@ui/components';
import { ChecklistsTab } from '../components/ChecklistsTab';
import { HonoursTab } from '../components/HonoursTab';
import { ProgressTab } from '../components/ProgressTab';

/** 规范化建设: yearly self-assessment progress, the standards themselves, and honours held. */
export function StandardsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'progress';
  return (
    <>
      <PageHeader title="规范化建设" help="基层工会对照“六有”“六好”等标准逐项自评并上传佐证材料，上级工会审核评定等级；荣誉记录职工之家、职工小家等命名。" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'progress', label: '自评与审核', children: <ProgressTab /> },
          { key: 'checklists', label: '检查标准', children: <ChecklistsTab /> },
          { key: 'honours', label: '荣誉', children: <HonoursTab /> },
        ]}
      />
    </>
  );
}
