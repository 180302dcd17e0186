import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, theme as antdTheme, Button, Empty, Flex, Popconfirm, Select, Skeleton, Tag, Typography, Upload } from 'antd';
import { useId, useState } from 'react';
import type { AttachmentList, AttachmentSpec } from '@platform/ledger/attachments';
import { del, download, get, uploadFile } from '../api';
import { errorText } from '../components';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const timeText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * A record's papers (the ledger kit's attachments): kind, name, size, uploader and time; upload with a kind,
 * download, delete after confirmation. The server checks type and size; its refusal stays on screen (an
 * alert beside the upload button) until the next try or until closed, not a fading message.
 */
export function Attachments({ spec, url, canWrite, title = '材料' }: { spec: AttachmentSpec; url: string; canWrite: boolean; title?: string }) {
  const qc = useQueryClient();
  const { token } = antdTheme.useToken();
  const headingId = useId();
  // The kind offered is the first paper still missing, until the user picks one; after an upload it
  // moves on to the next missing paper.
  const [chosen, setChosen] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ title: string; text: string } | null>(null);
  const key = ['attachments', url];
  const list = useQuery({ queryKey: key, queryFn: () => get<AttachmentList>(url), retry: false });
  const done = (data: AttachmentList) => (setRefusal(null), setChosen(null), qc.setQueryData(key, data));
  const d = list.data;
  const kind = chosen ?? d?.missing[0]?.kind ?? spec.kinds.values[0];
  const upload = useMutation({
    mutationFn: (f: File) => uploadFile<AttachmentList>(`${url}?kind=${encodeURIComponent(kind)}&fileName=${encodeURIComponent(f.name)}`, f, 'application/octet-stream'),
    onSuccess: done,
    onError: (e, f) => setRefusal({ title: `未能上传“${f.name}”`, text: errorText(e) }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => del<AttachmentList>(`${url}/${id}`),
    onSuccess: done,
    onError: (e) => setRefusal({ title: '未能删除材料', text: errorText(e) }),
  });
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={5} id={headingId} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {list.isLoading && <Skeleton active paragraph={{ rows: 2 }} aria-label="正在加载材料" />}
      {list.error && <Alert type="error" showIcon title="无法加载材料" description={errorText(list.error)} />}
      {d && (
        <Flex vertical gap={12}>
          {d.missing.length > 0 && <Alert type="warning" showIcon title={`尚缺：${d.missing.map((m) => m.label).join('、')}`} />}
          {d.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无材料" />
          ) : (
            <ul aria-label={`${title}列表`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {d.items.map((a) => (
                <li key={a.id} style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorSplit}` }}>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                      <span style={{ overflowWrap: 'anywhere' }}>
                        <Tag>{a.kindLabel}</Tag>
                        {a.name}
                      </span>
                      <Typography.Text type="secondary">
                        {sizeText(a.size)} · {a.uploadedBy} · {timeText(a.createdAt)}
                      </Typography.Text>
                    </Flex>
                    <Flex gap={4}>
                      <Button size="small" icon={<DownloadOutlined />} aria-label={`下载 ${a.name}`} onClick={() => void download(`${url}/${a.id}`, a.name).catch((e) => setRefusal({ title: '未能下载材料', text: errorText(e) }))}>
                        下载
                      </Button>
                      {canWrite && (
                        <Popconfirm title="删除这份材料？" description={`${a.kindLabel}“${a.name}”删除后不能恢复。`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutateAsync(a.id).catch(() => undefined)}>
                          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${a.name}`}>
                            删除
                          </Button>
                        </Popconfirm>
                      )}
                    </Flex>
                  </Flex>
                </li>
              ))}
            </ul>
          )}
          {refusal && <Alert type="error" showIcon role="alert" title={refusal.title} description={refusal.text} closable={{ 'aria-label': '关闭' }} onClose={() => setRefusal(null)} />}
          {canWrite && d.items.length < d.maxFiles && (
            <Flex gap={8} wrap align="center">
              <Select aria-label="材料类别" value={kind} onChange={setChosen} options={spec.kinds.options()} style={{ minWidth: 160 }} />
              <Upload
                accept={ACCEPT}
                showUploadList={false}
                customRequest={({ file }) => {
                  upload.mutate(file as File);
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  上传材料
                </Button>
              </Upload>
            </Flex>
          )}
          {canWrite && (
            <Typography.Text type="secondary">
              可上传 PDF、JPG、PNG、Word 或 Excel 文件，单个不超过 {d.maxMb} MB{d.sealed ? '；材料加密保存' : ''}；上传、下载和删除都记入审计。
            </Typography.Text>
          )}
        </Flex>
      )}
    </section>
  );
}
