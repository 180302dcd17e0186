import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Modal, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { download, uploadFile } from '@ui/api';
import { useShowRefusal } from '@ui/ServerForm';
import { labelOptions } from '@ui/forms';
import { useMe } from '@ui/session';
import { CLAIM_FILE_KIND_LABELS, type Claim } from '../../shared/mutual-aid.schema';

/** A claim's documents: names for everyone who sees the claim, download with the sensitive-data permission. */
export function ClaimFilesDialog({ claim, onClose, onChanged }: { claim: Claim | null; onClose(): void; onChanged(): void }) {
  const me = useMe();
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const [kind, setKind] = useState<string>('diagnosis');
  const canUpload = me.permissions.includes('mutualaid.write') && !!claim && (claim.status === 'submitted' || claim.status === 'approved');
  const canOpen = me.permissions.includes('mutualaid.sensitive');
  return (
    <Modal title={claim ? `理赔材料：${claim.memberName}` : ''} open={!!claim} footer={null} onCancel={onClose} destroyOnHidden>
      {claim && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">材料加密保存；下载需要查看敏感信息的权限，每次下载都记入审计。</Typography.Text>
          {claim.files.length === 0 ? (
            <Empty description="还没有材料。请上传诊断证明、费用发票和清单、出院小结" />
          ) : (
            <List
              size="small"
              dataSource={claim.files}
              renderItem={(f) => (
                <List.Item
                  extra={
                    canOpen && (
                      <Button type="link" size="small" onClick={() => void download(`/api/mutual-aid/claim-files/${f.id}`, f.name).catch((e) => showRefusal(e, '未能下载'))}>
                        下载
                      </Button>
                    )
                  }
                >
                  {f.kindLabel}：{f.name}
                </List.Item>
              )}
            />
          )}
          {canUpload && (
            <Space wrap>
              <Select value={kind} onChange={setKind} style={{ width: 200 }} options={labelOptions(CLAIM_FILE_KIND_LABELS)} aria-label="材料类别" />
              <Upload
                showUploadList={false}
                accept=".pdf,.jpg,.jpeg,.png"
                customRequest={async ({ file }) => {
                  try {
                    const f = file as File;
                    await uploadFile(`/api/mutual-aid/claims/${claim.id}/files?kind=${kind}&fileName=${encodeURIComponent(f.name)}`, f, 'application/octet-stream');
                    void message.success('已上传');
                    onChanged();
                  } catch (e) {
                    showRefusal(e, `未能上传「${(file as File).name}」`);
                  }
                }}
              >
                <Button icon={<UploadOutlined />}>上传材料</Button>
              </Upload>
            </Space>
          )}
        </Space>
      )}
    </Modal>
  );
}
