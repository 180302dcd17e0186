import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { OrgTreeSelect } from '@modules/organisations/web';
import { get, patch, post, query } from '@ui/api';
import { ExportButton, PageHeader, pagination, RecordLink, useIsPhone } from '@ui/components';
import { compact } from '@ui/forms';
import { FormModal } from '@ui/dialogs';
import { ServerForm, SubmitButton, useShowRefusal, type FormValues } from '@ui/ServerForm';
import { ImportDialog } from '@ui/ImportDialog';
import { OrgPicker } from '@ui/OrgPicker';
import { useMe } from '@ui/session';
import { CHOOSABLE_LEAVE_REASONS, EDUCATION_LEVELS, ETHNICITIES, LEAVE_REASONS, POLITICAL_STATUSES, WORKER_KINDS } from '../../shared/member-codes';
import { loadTransferTargets, type MemberDetail, type MemberRow, type Page } from '../api';

interface Filters {
  q?: string;
  underId?: number;
  status: 'active' | 'left' | 'all';
  gig?: 'true' | 'false';
  migrant?: 'true' | 'false';
  page: number;
  pageSize: number;
}

const options = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
const OCCUPATIONS = [...Object.values(WORKER_KINDS).filter((l) => !l.startsWith('否')), '操作工', '技术员', '销售员', '行政文员', '工程师', '司机'];

function MemberForm({ editing }: { editing: boolean }) {
  return (
    <>
      <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input maxLength={30} />
      </Form.Item>
      {!editing && (
        <Form.Item name="idNumber" label="居民身份证号码" rules={[{ required: true, message: '请填写居民身份证号码' }]} extra="出生日期和性别由号码得出">
          <Input maxLength={18} />
        </Form.Item>
      )}
      <Form.Item name="phone" label="手机号码">
        <Input maxLength={11} inputMode="tel" />
      </Form.Item>
      <Form.Item name="ethnicity" label="民族">
        <Select showSearch allowClear options={options(ETHNICITIES)} />
      </Form.Item>
      <Form.Item name="education" label="学历">
        <Select allowClear options={options(EDUCATION_LEVELS)} />
      </Form.Item>
      <Form.Item name="politicalStatus" label="政治面貌">
        <Select allowClear options={options(POLITICAL_STATUSES)} />
      </Form.Item>
      <Form.Item name="occupation" label="职业">
        <Select showSearch allowClear options={options(OCCUPATIONS)} />
      </Form.Item>
      <Form.Item name="workerKind" label="从业类别" extra="新就业形态劳动者、环卫工人按此统计，并据此核对体检等名额；不填时按所填职业（须是列表中的名称）得出">
        <Select allowClear options={Object.entries(WORKER_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="migrantWorker" valuePropName="checked">
        <Checkbox>农民工</Checkbox>
      </Form.Item>
      <Form.Item name="employerUscc" label="工作单位统一社会信用代码">
        <Input maxLength={18} />
      </Form.Item>
      {!editing && (
        <>
          <Form.Item name="orgId" label="所属工会" rules={[{ required: true, message: '请选择所属基层工会' }]}>
            <OrgTreeSelect placeholder="选择基层工会" />
          </Form.Item>
          <Form.Item name="joinedOn" label="入会日期" rules={[{ required: true, message: '请选择入会日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </>
      )}
      <Form.Item name="remark" label="备注">
        <Input.TextArea maxLength={200} rows={2} />
      </Form.Item>
    </>
  );
}

function MemberDrawer({ memberId, onClose }: { memberId: number | null; onClose(): void }) {
  const { message, modal } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  const [transfer, setTransfer] = useState<number | null>(null);
  const [leave, setLeave] = useState<number | null>(null);
  const [form] = Form.useForm();
  const [actionForm] = Form.useForm();
  const detail = useQuery({ queryKey: ['member', memberId], queryFn: () => get<MemberDetail>(`/api/members/${memberId}`), enabled: memberId !== null });
  const m = detail.data;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['members'] });
    void qc.invalidateQueries({ queryKey: ['member', memberId] });
  };
  const save = useMutation({ mutationFn: (body: Record<string, unknown>) => patch(`/api/members/${memberId}`, body), onSuccess: refresh });
  const act = useMutation({ mutationFn: ({ url, body }: { url: string; body: unknown }) => post(url, body), onSuccess: refresh });

  function reveal(field: 'idNumber' | 'phone') {
    modal.confirm({
      title: `查看完整${field === 'idNumber' ? '身份证号码' : '手机号码'}？`,
      content: '这是敏感个人信息。本次查看会连同您的账号和时间记入审计日志。',
      okText: '查看',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await post<{ value: string }>(`/api/members/${memberId}/reveal`, { field });
          setRevealed((x) => ({ ...x, [field]: r.value }));
        } catch (e) {
          showRefusal(e, '未能查看');
        }
      },
    });
  }

  return (
    <Drawer title={m ? `会员：${m.name}` : '会员详情'} open={memberId !== null} onClose={() => (setRevealed({}), setEditing(false), onClose())} size={560} destroyOnHidden>
      {m && !editing && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
            <Descriptions.Item label="性别 / 出生日期">
              {m.sexLabel} / {m.birthDate}
            </Descriptions.Item>
            <Descriptions.Item label="居民身份证号码">
              {revealed.idNumber ?? m.idNumberMasked}{' '}
              {m.canReveal && !revealed.idNumber && (
                <Button size="small" type="link" onClick={() => reveal('idNumber')}>
                  查看完整号码
                </Button>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="手机号码">
              {revealed.phone ?? m.phoneMasked ?? '—'}{' '}
              {m.canReveal && m.phoneMasked && !revealed.phone && (
                <Button size="small" type="link" onClick={() => reveal('phone')}>
                  查看完整号码
                </Button>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="民族">{m.ethnicity ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="学历 / 政治面貌">
              {m.education ?? '—'} / {m.politicalStatus ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="职业">
              {m.occupation ?? '—'} {m.workerKindLabel && m.workerKind !== 'none' && <Tag color={m.gigKindLabel ? 'orange' : 'blue'}>{m.workerKindLabel}</Tag>} {m.gigKindLabel && <Tag color="orange">新就业形态</Tag>} {m.migrantWorker && <Tag>农民工</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="工作单位">{m.employerName ?? m.employerUscc ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="会员账号">{m.hasAccount ? '已开通（可登录查看本人档案）' : '未开通'}</Descriptions.Item>
          </Descriptions>
          {m.canWrite && (
            <Button style={{ marginTop: 12 }} onClick={() => (form.setFieldsValue({ ...m, phone: undefined }), setEditing(true))}>
              编辑信息
            </Button>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            会籍记录
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={m.memberships}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '工会', dataIndex: 'orgName' },
              {
                title: '入会',
                dataIndex: 'joinedOn',
                render: (v, r) => (
                  <>
                    <div>{v}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.channelLabel}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: '离会',
                dataIndex: 'leftOn',
                render: (v, r) =>
                  v ? (
                    <>
                      <div>{v}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.leaveReasonLabel}
                      </Typography.Text>
                    </>
                  ) : (
                    <Tag color="green">有效</Tag>
                  ),
              },
              {
                title: '操作',
                render: (_, r) =>
                  r.canWrite ? (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => (actionForm.resetFields(), setTransfer(r.id))}>
                        转会
                      </Button>
                      <Button size="small" type="link" danger onClick={() => (actionForm.resetFields(), setLeave(r.id))}>
                        退会
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </>
      )}
      {m && editing && (
        <ServerForm<Record<string, unknown>>
          form={form}
          onSubmit={async (v) => {
            await save.mutateAsync(compact(v));
            void message.success('已保存');
            setEditing(false);
          }}
        >
          <MemberForm editing />
          <Space>
            <SubmitButton>保存</SubmitButton>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </ServerForm>
      )}
      <FormModal<{ toOrgId: number; transferredOn: dayjs.Dayjs }>
        title="办理转会"
        open={transfer !== null}
        form={actionForm}
        okText="确认转会"
        onCancel={() => setTransfer(null)}
        onSubmit={async (v) => {
          const r = (await act.mutateAsync({ url: `/api/memberships/${transfer}/transfer`, body: { ...v, transferredOn: v.transferredOn.format('YYYY-MM-DD') } })) as { status: string };
          void message.success(r.status === 'accepted' ? '已转会：原会籍结束，转入工会的会籍已开始' : '已提交转会申请，待转入工会接收（可在“转会申请”中查看或撤回）');
          setTransfer(null);
        }}
      >
          <Form.Item name="toOrgId" label="转入工会" rules={[{ required: true, message: '请选择转入工会' }]} extra="可以转入区内任何基层工会（可输入名称查找）。由转入工会接收后生效；您同时管辖双方时直接完成">
            <OrgPicker load={loadTransferTargets} placeholder="选择转入的基层工会" />
          </Form.Item>
          <Form.Item name="transferredOn" label="转会日期" rules={[{ required: true, message: '请选择转会日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
      </FormModal>
      <FormModal<{ reason: string; leftOn: dayjs.Dayjs; remark?: string }>
        title="办理退会"
        open={leave !== null}
        form={actionForm}
        okText="确认退会"
        danger
        onCancel={() => setLeave(null)}
        onSubmit={async (v) => {
          await act.mutateAsync({ url: `/api/memberships/${leave}/leave`, body: { ...v, leftOn: v.leftOn.format('YYYY-MM-DD') } });
          void message.success('已办理退会');
          setLeave(null);
        }}
      >
          <Form.Item name="reason" label="退会原因" rules={[{ required: true, message: '请选择退会原因' }]}>
            <Select options={CHOOSABLE_LEAVE_REASONS.map((r) => ({ value: r, label: LEAVE_REASONS[r] }))} />
          </Form.Item>
          <Form.Item name="leftOn" label="退会日期" rules={[{ required: true, message: '请选择退会日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
          <Form.Item name="remark" label="备注">
            <Input maxLength={200} />
          </Form.Item>
      </FormModal>
    </Drawer>
  );
}

/** The member register: search by name, ID number or phone; import, export, add; detail with history. */
export function MembersPage() {
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p);
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<Filters>({ status: 'active', page: 1, pageSize: 20 });
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm();
  const { page, pageSize, ...rest } = filters;
  const list = useQuery({
    queryKey: ['members', filters],
    queryFn: () => get<Page<MemberRow>>(`/api/members${query({ ...rest, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({ mutationFn: (body: Record<string, unknown>) => post<MemberDetail>('/api/members', body) });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const write = can('member.write');

  const columns: ColumnsType<MemberRow> = [
    { title: '姓名', dataIndex: 'name', fixed: phone ? undefined : 'left', render: (v, r) => <RecordLink onClick={() => setOpen(r.memberId)}>{v}</RecordLink> },
    { title: '性别', dataIndex: 'sexLabel', width: 60 },
    { title: '居民身份证号码', dataIndex: 'idNumberMasked' },
    { title: '手机号码', dataIndex: 'phoneMasked', render: (v) => v ?? '—' },
    { title: '所属工会', dataIndex: 'orgName', ellipsis: true },
    { title: '职业', dataIndex: 'occupation', render: (v, r) => (r.gigKindLabel ? <Tag color="orange">{r.gigKindLabel}</Tag> : (v ?? '—')) },
    { title: '入会日期', dataIndex: 'joinedOn' },
    { title: '状态', dataIndex: 'leftOn', render: (v, r) => (v ? <Tag>{r.leaveReasonLabel}</Tag> : <Tag color="green">有效</Tag>) },
  ];

  return (
    <>
      <PageHeader
        title="会员管理"
        help="一人一档：同一身份证号码只有一条会员记录；身份证号码和手机号码加密存储，列表中已脱敏。"
        extra={
          <>
            {write && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => (form.resetFields(), setAdding(true))}>
                登记会员
              </Button>
            )}
            {write && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                批量导入
              </Button>
            )}
            <ExportButton url={`/api/members/export.xlsx${query(rest)}`} fileName="会员名册.xlsx" />
            <Button onClick={() => navigate('/member-applications')}>入会申请</Button>
            {write && <Button onClick={() => navigate('/members/transfers')}>转会申请</Button>}
            {write && <Button onClick={() => navigate('/members/duplicates')}>疑似重复</Button>}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search placeholder="姓名开头、身份证号码或手机号码" allowClear onSearch={(q) => set({ q: q || undefined })} style={{ width: phone ? '100%' : 280 }} />
          <OrgTreeSelect placeholder="所属组织（含下级）" allowClear value={filters.underId} onChange={(v) => set({ underId: v })} style={{ width: phone ? '100%' : 240 }} />
          <Select aria-label="会籍状态" value={filters.status} onChange={(v) => set({ status: v })} style={{ width: 140 }} options={[{ value: 'active', label: '会籍有效' }, { value: 'left', label: '已离会/转出' }, { value: 'all', label: '全部会籍记录' }]} />
          <Select aria-label="新就业形态" allowClear placeholder="新就业形态" value={filters.gig} onChange={(v) => set({ gig: v })} style={{ width: 140 }} options={[{ value: 'true', label: '新就业形态' }, { value: 'false', label: '非新就业形态' }]} />
          <Select aria-label="农民工" allowClear placeholder="农民工" value={filters.migrant} onChange={(v) => set({ migrant: v })} style={{ width: 110 }} options={[{ value: 'true', label: '农民工' }, { value: 'false', label: '非农民工' }]} />
        </Space>
      </Card>
      <Table
        rowKey="membershipId"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={filters.q ? '没有找到匹配的会员' : '还没有会员，可以登记或批量导入'} /> }}
        pagination={pagination(list.data?.total ?? 0, page, pageSize, (p, s) => setFilters((f) => ({ ...f, page: p, pageSize: s })), list.data?.totalCapped)}
      />
      <MemberDrawer memberId={open} onClose={() => setOpen(null)} />
      <ImportDialog kind="members" title="导入会员花名册" open={importing} onClose={() => setImporting(false)} onImported={() => void qc.invalidateQueries({ queryKey: ['members'] })} />
      <Drawer title="登记会员" open={adding} onClose={() => setAdding(false)} size={480} destroyOnHidden>
        <ServerForm<FormValues>
          form={form}
          onSubmit={async (v) => {
            const m = await create.mutateAsync(compact({ ...v, joinedOn: v.joinedOn?.format('YYYY-MM-DD'), migrantWorker: !!v.migrantWorker }));
            void message.success(`已登记会员“${m.name}”`);
            setAdding(false);
            void qc.invalidateQueries({ queryKey: ['members'] });
          }}
        >
          <MemberForm editing={false} />
          <SubmitButton block>登记</SubmitButton>
        </ServerForm>
      </Drawer>
    </>
  );
}
