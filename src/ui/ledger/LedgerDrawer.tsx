import { useQuery } from '@tanstack/react-query';
import { Drawer, Result, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import type { AttachmentSpec } from '@platform/ledger/attachments';
import type { LedgerColumn } from '@platform/ledger/columns';
import { ApiError, get } from '../api';
import { errorText, useIsPhone } from '../components';
import { Attachments } from './Attachments';
import { LedgerDetails, type CellRenderers } from './LedgerDetails';

/**
 * A ledger record's detail drawer: loads the record (`url(id)`), shows its fields from the column list, the
 * page's actions (`extra`), anything more the ledger shows (`children`: history) and, when the ledger declares
 * attachments, the record's papers (`attachments`). Out of scope
 * or gone answers 404 on the server and says so here; loading shows a skeleton.
 */
export function LedgerDrawer<T>({
  id,
  url,
  queryKey,
  title,
  columns,
  render,
  extra,
  children,
  attachments,
  onClose,
}: {
  id: string | null;
  url(id: string): string;
  queryKey: string;
  title: string | ((row: T) => string);
  /** The fields shown (the column list's `detail` columns); a ledger whose record is a history may show only `children`. */
  columns?: LedgerColumn<T>[];
  render?: CellRenderers<T>;
  extra?(row: T): ReactNode;
  children?(row: T): ReactNode;
  /** The record's papers when the ledger declares attachments: their URL for this row (null: none to show). */
  attachments?: { spec: AttachmentSpec; url(row: T): string | null; canWrite: boolean; title?: string };
  onClose(): void;
}) {
  const phone = useIsPhone();
  const record = useQuery({ queryKey: [queryKey, 'record', id], enabled: id !== null, queryFn: () => get<T>(url(id!)), retry: false });
  const row = record.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={typeof title === 'string' ? title : row ? title(row) : '记录详情'} size={phone ? '100%' : 560} destroyOnHidden extra={row && extra ? <Space wrap>{extra(row)}</Space> : undefined}>
      {record.isLoading && <Skeleton active aria-label="正在加载" />}
      {record.error && (
        <Result
          status={record.error instanceof ApiError && record.error.status === 404 ? '404' : 'error'}
          title="无法打开这条记录"
          subTitle={errorText(record.error)}
        />
      )}
      {row && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {columns && <LedgerDetails columns={columns} row={row} render={render} />}
          {children?.(row)}
          {attachments && <RecordAttachments row={row} {...attachments} />}
        </Space>
      )}
    </Drawer>
  );
}

function RecordAttachments<T>({ row, spec, url, canWrite, title }: { row: T; spec: AttachmentSpec; url(row: T): string | null; canWrite: boolean; title?: string }) {
  const at = url(row);
  return at ? <Attachments spec={spec} url={at} canWrite={canWrite} title={title} /> : null;
}
