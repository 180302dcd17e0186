import { EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '@ui/api';
import { errorText } from '@ui/components';
import { Panel } from '@ui/Panel';
import { FACILITY_KIND } from '../shared/facility.ledger';
import { distanceText, mapLink, type Nearby } from '../shared/public-facilities';

type Where = { state: 'asking' } | { state: 'found'; lat: number; lng: number } | { state: 'refused'; why: string };

/** The phone's position, asked once on opening (and again on demand); a refusal or no GPS falls back to the list by name. */
function usePosition(): [Where, () => void] {
  const [where, setWhere] = useState<Where>({ state: 'asking' });
  const ask = () => {
    if (!('geolocation' in navigator)) return setWhere({ state: 'refused', why: '这台设备不能定位' });
    setWhere({ state: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (p) => setWhere({ state: 'found', lat: p.coords.latitude, lng: p.coords.longitude }),
      (e) => setWhere({ state: 'refused', why: e.code === e.PERMISSION_DENIED ? '没有得到定位权限' : '暂时无法定位' }),
      { enableHighAccuracy: false, timeout: 8000, maximumAge: 300_000 },
    );
  };
  useEffect(ask, []);
  return [where, ask];
}

/**
 * /nearby, for an outdoor worker or a mother on a phone without an account: the open 爱心驿站 and 母婴室 nearest to
 * the phone's location, with opening hours and a link that opens the phone's map app. No map tiles are loaded.
 */
export function NearbyPage() {
  const [where, ask] = usePosition();
  const [kind, setKind] = useState('all');
  const at = where.state === 'found' ? `&lat=${where.lat.toFixed(5)}&lng=${where.lng.toFixed(5)}` : '';
  const list = useQuery({ queryKey: ['public-nearby', kind, at], enabled: where.state !== 'asking', queryFn: () => get<Nearby>(`/api/public/facilities/nearby?kind=${kind}${at}`) });
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 12 }}>
      <main style={{ maxWidth: 640, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ textAlign: 'center', margin: '16px 0', fontSize: 24 }}>
          附近的爱心驿站和母婴室
        </Typography.Title>
        <Segmented block aria-label="类型" value={kind} onChange={(v) => setKind(String(v))} options={[{ value: 'all', label: '全部' }, { value: 'rest_station', label: '爱心驿站' }, { value: 'nursing_room', label: '母婴室' }]} style={{ marginBottom: 12 }} />
        {where.state === 'asking' && <Skeleton active paragraph={{ rows: 4 }} aria-label="正在定位" />}
        {where.state === 'refused' && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${where.why}，下面按名称列出全部站点`} action={<Button size="small" onClick={ask}>重新定位</Button>} />
        )}
        {list.isLoading && where.state !== 'asking' && <Skeleton active paragraph={{ rows: 6 }} aria-label="正在加载站点" />}
        {list.error && <Alert type="error" showIcon title="无法加载站点" description={errorText(list.error)} />}
        {list.data && (
          <Panel size="small" title={list.data.located ? `离您最近的 ${list.data.items.length} 个` : `共 ${list.data.items.length} 个`}>
            {list.data.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂时没有开放的站点" />
            ) : (
              <ul aria-label="站点" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {list.data.items.map((f) => (
                  <li key={f.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                      <strong>{f.name}</strong>
                      {f.metres != null && <span style={{ color: '#0958d9' }}>{distanceText(f.metres)}</span>}
                    </div>
                    <div style={{ overflowWrap: 'anywhere' }}>
                      <Tag>{FACILITY_KIND.label(f.kind)}</Tag>
                      {f.address ?? ''}
                    </div>
                    <Typography.Text type="secondary">
                      开放时间：{f.openingHours ?? '请咨询'} · {f.orgName}
                    </Typography.Text>
                    <div>
                      <a href={mapLink(f)} target="_blank" rel="noreferrer">
                        <EnvironmentOutlined /> 在地图中打开并导航
                      </a>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        )}
      </main>
    </div>
  );
}
