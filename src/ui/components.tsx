import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Grid, Typography } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { ApiError, download } from './api';

/** Page title with an optional line of help and actions on the right (wraps on phones). */
export function PageHeader({ title, extra, help }: { title: string; extra?: ReactNode; help?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {help && <Typography.Text type="secondary">{help}</Typography.Text>}
      </div>
      {extra && <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>{extra}</div>}
    </div>
  );
}

/** 「导出 Excel」: downloads the current filtered list, with a spinner while the file is built. */
export function ExportButton({ url, fileName }: { url: string; fileName: string }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await download(url, fileName);
        } catch (e) {
          void message.error(errorText(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      导出 Excel
    </Button>
  );
}

/** The name in a list row that opens its record (a drawer, a dialog): a link-looking button, so it is reached and
 * pressed from the keyboard too (an `<a onClick>` without `href` is neither). */
export function RecordLink({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="link" size="small" autoInsertSpace={false} onClick={onClick} style={{ padding: 0, height: 'auto' }}>
      {children}
    </Button>
  );
}

/** Hides a text from the eye but not from a screen reader (a label for a control whose placeholder shows it). */
export const VISUALLY_HIDDEN: CSSProperties = { position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 };

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后再试';
}

/** True on phone-width screens (below antd's `md`, 768 px). */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}

/**
 * A list's pagination. `capped`: the server stopped counting at `total` (a search matching more), so the total
 * reads 「200 条以上」 and the pages stop at its last full page.
 */
export const pagination = (total: number, page: number, pageSize: number, onChange: (page: number, pageSize: number) => void, capped = false) => ({
  current: page,
  pageSize,
  total,
  showSizeChanger: true,
  showTotal: (t: number) => (capped ? `${t} 条以上，请输入更多字缩小范围` : `共 ${t} 条`),
  onChange,
  pageSizeOptions: [10, 20, 50, 100],
});

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}
