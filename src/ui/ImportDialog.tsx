import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Progress, Radio, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { download, get, query, uploadFile } from './api';
import { errorText } from './components';

interface Job {
  id: number;
  status: 'queued' | 'validating' | 'writing' | 'done' | 'invalid' | 'failed';
  statusLabel: string;
  percent: number;
  processedRows: number;
  errorRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  message: string | null;
  hasErrorFile: boolean;
  fileName: string;
}

const FINISHED = ['done', 'invalid', 'failed'];

/**
 * The one import dialog of the platform: download the template, choose add-only or add-or-update, upload,
 * watch the background job's progress, then see the result or download the error report (the uploaded file
 * with a 错误说明 column). Nothing is written unless every row is right.
 */
export function ImportDialog({
  kind,
  title,
  open,
  onClose,
  onImported,
  params,
  addOnly,
  note,
}: {
  kind: string;
  title: string;
  open: boolean;
  onClose(): void;
  onImported?(): void;
  /** The ledger's own upload parameters (e.g. the plan an enrolment list is for). */
  params?: Record<string, string | number>;
  /** Only new records can be imported (no add-or-update choice). */
  addOnly?: boolean;
  /** What this import is for, shown above the steps. */
  note?: string;
}) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<'add' | 'upsert'>('add');
  const [jobId, setJobId] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => get<Job>(`/api/imports/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : 500),
  });
  const j = job.data;
  const finished = j && FINISHED.includes(j.status);
  const status = j?.status;
  useEffect(() => {
    if (status === 'done') onImported?.();
  }, [status]);

  async function start(file: File) {
    setUploading(true);
    try {
      const r = await uploadFile<{ id: number }>(`/api/imports/${kind}${query({ ...params, mode: addOnly ? 'add' : mode, fileName: file.name })}`, file);
      setJobId(r.id);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setUploading(false);
    }
  }

  function reset() {
    setJobId(null);
  }

  const step = !jobId ? 0 : finished ? 2 : 1;
  return (
    <Modal
      title={title}
      open={open}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={
        finished ? (
          <Space>
            <Button onClick={reset}>再导入一个文件</Button>
            <Button type="primary" onClick={() => (reset(), onClose())}>
              完成
            </Button>
          </Space>
        ) : null
      }
      width={560}
      destroyOnHidden
    >
      <Steps size="small" current={step} items={[{ title: '选择文件' }, { title: '校验与写入' }, { title: '结果' }]} style={{ margin: '8px 0 20px' }} />
      {!jobId && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph style={{ margin: 0 }}>
            第一步：
            <Button type="link" icon={<DownloadOutlined />} onClick={() => void download(`/api/imports/${kind}/template.xlsx`, `${title}模板.xlsx`).catch((e) => message.error(errorText(e)))}>
              下载导入模板
            </Button>
            按“填写说明”工作表填好。列的顺序可以调整，列名不要改。
          </Typography.Paragraph>
          {note && <Alert type="info" showIcon message={note} />}
          {!addOnly && (
            <div>
              <Typography.Text>导入方式：</Typography.Text>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" options={[{ value: 'add', label: '仅新增（已有的跳过）' }, { value: 'upsert', label: '新增或更新' }]} />
            </div>
          )}
          <Upload.Dragger
            accept=".xlsx,.csv,.xls"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? '正在上传…' : '点击或把 Excel 或 CSV 文件拖到这里'}</p>
            <p className="ant-upload-hint">支持 .xlsx（Excel、WPS、LibreOffice 均可）和 .csv（UTF-8 或 GBK 编码均可）。全部行都正确才会写入；有错误时一行也不写，并给出错误报告。</p>
          </Upload.Dragger>
        </Space>
      )}
      {jobId && j && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary">文件：{j.fileName}</Typography.Text>
          <Progress percent={j.percent} status={j.status === 'done' ? 'success' : finished ? 'exception' : 'active'} />
          <Typography.Text>
            {j.statusLabel}
            {!finished && `，已处理 ${j.processedRows} 行`}
          </Typography.Text>
          {j.status === 'done' && (
            <Alert
              type={j.skipped ? 'warning' : 'success'}
              showIcon
              message={j.message}
              action={
                j.hasErrorFile ? (
                  <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(`/api/imports/${j.id}/errors.xlsx`, '导入结果.xlsx').catch((e) => message.error(errorText(e)))}>
                    下载结果说明
                  </Button>
                ) : undefined
              }
            />
          )}
          {j.status !== 'done' && finished && (
            <Alert
              type="error"
              showIcon
              message={j.message}
              action={
                j.hasErrorFile ? (
                  <Button size="small" danger icon={<DownloadOutlined />} onClick={() => void download(`/api/imports/${j.id}/errors.xlsx`, '错误报告.xlsx').catch((e) => message.error(errorText(e)))}>
                    下载错误报告
                  </Button>
                ) : undefined
              }
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
