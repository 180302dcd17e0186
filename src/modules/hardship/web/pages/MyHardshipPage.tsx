import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Form, Input, List, Popconfirm, Select, Space, Spin, Steps, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { get, post, uploadFile } from '@ui/api';
import { formatTime, PageHeader } from '@ui/components';
import { labelOptions } from '@ui/forms';
import { ServerForm, SubmitButton, useShowRefusal, type FormValues } from '@ui/ServerForm';
import { FILE_KIND_LABELS } from '../../shared/hardship.schema';
import type { Aid } from '../../shared/aid.schema';
import { AssessmentFields, assessmentFromForm, yuan } from '../components/AssessmentFields';
import { causeOptions, noticeOptions } from '../components/ApplyDialog';
import { CATEGORY_COLORS, STATUS_COLORS, type CaseDetail } from '../types';

const PATH = ['applied', 'visiting', 'visited', 'notice', 'pending_filing', 'assisted'];
const PATH_LABELS = ['申请', '初审', '入户调查', '公示', '审批建档', '帮扶'];

function CaseCard({ c, aid, onChanged }: { c: CaseDetail; aid: Aid[]; onChanged(): void }) {
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const [kind, setKind] = useState('application');
  const at = PATH.indexOf(c.status);
  const open = !['rejected', 'withdrawn', 'exited'].includes(c.status);
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`档案 ${c.caseNo}`} extra={<Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>}>
      {at >= 0 && <Steps size="small" direction="vertical" current={at} items={PATH_LABELS.map((title) => ({ title }))} style={{ marginBottom: 8 }} />}
      {c.categoryLabel && (
        <div style={{ marginBottom: 8 }}>
          系统认定：<Tag color={CATEGORY_COLORS[c.category ?? 'none']}>{c.categoryLabel}</Tag>
        </div>
      )}
      {c.nextReviewOn && <div>下次回头看：{c.nextReviewOn}</div>}
      <Typography.Text strong>办理记录</Typography.Text>
      <Timeline
        style={{ marginTop: 8 }}
        items={c.events.map((e) => ({
          children: (
            <>
              <div>
                {e.actionLabel} <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
              </div>
              {e.opinion && <div style={{ color: '#666' }}>意见：{e.opinion}</div>}
            </>
          ),
        }))}
      />
      <Typography.Text strong>我收到的帮扶</Typography.Text>
      <AidList aid={aid} />
      {open && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>上传材料（加密保存）</Typography.Text>
          <Space wrap>
            <Select value={kind} onChange={setKind} style={{ width: 220 }} options={labelOptions(FILE_KIND_LABELS)} />
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
              customRequest={async ({ file }) => {
                try {
                  const f = file as File;
                  await uploadFile(`/api/hardship/my/cases/${c.id}/files?kind=${kind}&fileName=${encodeURIComponent(f.name)}`, f, 'application/octet-stream');
                  void message.success('已上传');
                  onChanged();
                } catch (e) {
                  showRefusal(e, '未能上传');
                }
              }}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Space>
          {c.files.length > 0 && <Typography.Text type="secondary">已上传：{c.files.map((f) => f.name).join('、')}</Typography.Text>}
        </Space>
      )}
      {c.steps.some((s) => s.code === 'withdraw') && (
        <Popconfirm
          title="撤回这份申请？"
          description="撤回后工会不再办理；如仍有困难可以重新申请。"
          okText="撤回"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={async () => {
            try {
              await post(`/api/hardship/my/cases/${c.id}/withdraw`);
              void message.success('已撤回');
              onChanged();
            } catch (e) {
              showRefusal(e, '未能撤回');
            }
          }}
        >
          <Button danger style={{ marginTop: 12 }}>
            撤回申请
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}

function AidList({ aid }: { aid: Aid[] }) {
  if (aid.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无帮扶记录" style={{ margin: '8px 0' }} />;
  return (
    <List
      size="small"
      style={{ margin: '8px 0' }}
      dataSource={aid}
      renderItem={(a) => (
        <List.Item extra={<Tag>{a.statusLabel}</Tag>}>
          <List.Item.Meta title={`${a.givenOn} ${a.kindLabel} ${yuan(a.amountFen)}`} description={[a.campaignName, a.items].filter(Boolean).join('；') || a.formLabel} />
        </List.Item>
      )}
    />
  );
}

/** A member's own hardship applications on a phone: apply, upload documents, follow the status, see the aid. */
export function MyHardshipPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [applying, setApplying] = useState(false);
  const mine = useQuery({ queryKey: ['hardship', 'my'], queryFn: () => get<{ isMember: boolean; cases: CaseDetail[]; aid: Aid[] }>('/api/hardship/my') });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['hardship', 'my'] });
  if (mine.isLoading) return <Spin />;
  if (!mine.data?.isMember) return <Empty description="您的账号还没有关联会员档案，请联系所在工会" />;
  const living = mine.data.cases.find((c) => !['rejected', 'withdrawn'].includes(c.status));
  return (
    <>
      <PageHeader title="困难帮扶" help="家庭生活困难的会员可以在这里申请帮扶、上传材料、查看办理进度。您填写的家庭收支加密保存，只有经办人员可以查看。" />
      {!living && !applying && (
        <Button type="primary" block size="large" style={{ marginBottom: 12 }} onClick={() => setApplying(true)}>
          申请困难帮扶
        </Button>
      )}
      {applying && (
        <Card size="small" title="申请困难帮扶" style={{ marginBottom: 12 }}>
          <ServerForm<FormValues>
            form={form}
            onSubmit={async (v) => {
              await post('/api/hardship/my/cases', {
                primaryCause: v.primaryCause,
                secondaryCauses: v.secondaryCauses ?? [],
                statement: v.statement || undefined,
                assessment: assessmentFromForm(v.assessment),
                ...(v.consent?.length ? { consent: { covers: v.consent } } : {}),
              });
              void message.success('申请已提交，请等待工会初审');
              setApplying(false);
              form.resetFields();
              refresh();
            }}
          >
            <Form.Item name="primaryCause" label="主要困难原因" rules={[{ required: true, message: '请选择主要困难原因' }]}>
              <Select options={causeOptions} />
            </Form.Item>
            <Form.Item name="secondaryCauses" label="其他原因（可不选）" rules={[{ type: 'array', max: 3, message: '最多选 3 项' }]}>
              <Select mode="multiple" options={causeOptions} />
            </Form.Item>
            <AssessmentFields />
            <Form.Item name="statement" label="困难情况说明" style={{ marginTop: 12 }}>
              <Input.TextArea rows={3} maxLength={1000} placeholder="简要说明家庭困难情况" />
            </Form.Item>
            <Form.Item name="consent" label="审核通过后，同意公示以下内容" extra="身份证号码不会公示；不勾选姓名时只公示姓氏。">
              <Checkbox.Group options={noticeOptions} />
            </Form.Item>
            <Space>
              <SubmitButton>提交申请</SubmitButton>
              <Button onClick={() => setApplying(false)}>取消</Button>
            </Space>
          </ServerForm>
        </Card>
      )}
      {mine.data.cases.length === 0 && !applying && <Empty description="您还没有提交过困难帮扶申请" />}
      {mine.data.cases.map((c) => (
        <CaseCard key={c.id} c={c} aid={mine.data!.aid} onChanged={refresh} />
      ))}
      {mine.data.cases.length === 0 && mine.data.aid.length > 0 && (
        <Card size="small" title="我收到的帮扶">
          <AidList aid={mine.data.aid} />
        </Card>
      )}
    </>
  );
}
