import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Drawer, Dropdown, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { OrgTreeSelect } from '@modules/organisations/web';
import { get, patch, post, query } from '@ui/api';
import { ExportButton, PageHeader, formatTime, pagination, useIsPhone } from '@ui/components';
import { compact } from '@ui/forms';
import { RefusalAlert, useServerSubmit, useShowRefusal } from '@ui/ServerForm';
import { useCan, useMe } from '@ui/session';
import type { AccountDto } from '../../shared/account.schema';

interface Filters {
  q?: string;
  role?: string;
  status: 'all' | 'active' | 'disabled' | 'locked';
  underId?: number;
  page: number;
  pageSize: number;
}

const STATUS: Record<AccountDto['status'], { label: string; color: string }> = {
  active: { label: '正常', color: 'green' },
  disabled: { label: '已停用', color: 'default' },
  locked: { label: '已锁定', color: 'orange' },
};

function useAccountMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['accounts'] });
  return {
    create: useMutation({
      mutationFn: (body: Record<string, unknown>) => post<{ account: AccountDto; temporaryPassword: string | null }>('/api/accounts', body),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: number; displayName?: string; roles?: string[] }) => patch<AccountDto>(`/api/accounts/${id}`, body),
      onSuccess: done,
    }),
    action: useMutation({
      mutationFn: ({ id, action, body }: { id: number; action: string; body?: unknown }) =>
        post<{ temporaryPassword?: string | null }>(`/api/accounts/${id}/${action}`, body ?? {}),
      onSuccess: done,
    }),
  };
}

/** Shows a generated password once, with a copy button. */
function showPassword(modal: ReturnType<typeof App.useApp>['modal'], username: string, password: string) {
  modal.success({
    title: `账号「${username}」的临时密码`,
    content: (
      <div>
        <Typography.Paragraph copyable={{ text: password }} style={{ fontSize: 20, fontFamily: 'monospace', margin: '12px 0' }}>
          {password}
        </Typography.Paragraph>
        <Typography.Text type="secondary">此密码只显示这一次，请当面或通过安全渠道告知本人；首次登录后须修改。</Typography.Text>
      </div>
    ),
    okText: '我已记下',
  });
}

function AccountDrawer({ open, account, onClose }: { open: boolean; account: AccountDto | null; onClose(): void }) {
  const me = useMe();
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const { create, update } = useAccountMutations();
  const editing = !!account;
  const roleOptions = me.assignableRoles.map((r) => ({ value: r.code, label: r.label }));
  const submit = useServerSubmit<Record<string, unknown>>(form, async (values) => {
    if (editing) {
      await update.mutateAsync({ id: account!.id, displayName: values.displayName as string, roles: values.roles as string[] });
      void message.success('已保存');
    } else {
      const r = await create.mutateAsync(compact(values));
      if (r.temporaryPassword) showPassword(modal, r.account.username, r.temporaryPassword);
      else void message.success('已新建账号');
    }
    onClose();
  });
  return (
    <Drawer
      title={editing ? `编辑账号：${account!.username}` : '新建账号'}
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      afterOpenChange={(v) => {
        if (v && account) form.setFieldsValue({ displayName: account.displayName, roles: account.roles.map((r) => r.code) });
      }}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={submit.busy} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <RefusalAlert text={submit.refusal} onClose={submit.clear} />
      <Form form={form} layout="vertical" preserve={false} onFinish={submit.onFinish}>
        {!editing && (
          <>
            <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、下划线、点或短横线' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="orgId" label="所属组织" rules={[{ required: true, message: '请选择所属组织' }]}>
              <OrgTreeSelect disabledNode={(n) => n.status === 'closed'} />
            </Form.Item>
          </>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, min: 2, message: '请填写姓名（至少 2 个字）' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }]} extra="角色须与所属组织层级相符：区总工会、街道/产业工会或基层工会。">
          <Checkbox.Group options={roleOptions} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label="初始密码"
            extra={`留空则自动生成（只显示一次）。至少 ${me.passwordPolicy.minLength} 位，含大写字母、小写字母、数字、符号中的 ${me.passwordPolicy.minClasses} 类。`}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

export function AccountsPage() {
  const me = useMe();
  const phone = useIsPhone();
  const canWrite = useCan('account.write');
  const { modal, message } = App.useApp();
  const showRefusal = useShowRefusal();
  const { action } = useAccountMutations();
  const [filters, setFilters] = useState<Filters>({ status: 'all', page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<{ open: boolean; account: AccountDto | null }>({ open: false, account: null });
  const set = (p: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...p }));
  const list = useQuery({
    queryKey: ['accounts', filters],
    queryFn: () => get<{ items: AccountDto[]; total: number }>(`/api/accounts${query({ ...filters })}`),
    placeholderData: keepPreviousData,
  });

  function run(a: AccountDto, act: string, confirm: { title: string; content: string; danger?: boolean; ok: string }) {
    modal.confirm({
      title: confirm.title,
      content: confirm.content,
      okText: confirm.ok,
      okButtonProps: { danger: confirm.danger },
      onOk: async () => {
        try {
          const r = await action.mutateAsync({ id: a.id, action: act });
          if (r.temporaryPassword) showPassword(modal, a.username, r.temporaryPassword);
          else void message.success('操作成功');
        } catch (e) {
          showRefusal(e);
        }
      },
    });
  }

  const columns: ColumnsType<AccountDto> = [
    ...(phone
      ? ([
          {
            title: '账号',
            dataIndex: 'displayName',
            render: (name: string, a: AccountDto) => (
              <>
                <div>{name}</div>
                <Typography.Text type="secondary">{a.username}</Typography.Text>
              </>
            ),
          },
        ] as ColumnsType<AccountDto>)
      : ([
          { title: '用户名', dataIndex: 'username', width: 130 },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
        ] as ColumnsType<AccountDto>)),
    ...(phone ? [] : ([{ title: '所属组织', dataIndex: 'orgName', ellipsis: true }] as ColumnsType<AccountDto>)),
    { title: '角色', dataIndex: 'roles', render: (roles: AccountDto['roles']) => roles.map((r) => <Tag key={r.code}>{r.label}</Tag>) },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: AccountDto['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
    ...(phone ? [] : ([{ title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: formatTime }] as ColumnsType<AccountDto>)),
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_: unknown, a: AccountDto) =>
              a.id === me.account.id ? (
                <Typography.Text type="secondary">本人</Typography.Text>
              ) : (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'edit', label: '编辑姓名和角色' },
                      { key: 'reset', label: '重置密码' },
                      ...(a.status === 'locked' ? [{ key: 'unlock', label: '解除锁定' }] : []),
                      a.status === 'disabled' ? { key: 'enable', label: '启用' } : { key: 'disable', label: '停用', danger: true },
                    ],
                    onClick: ({ key }) => {
                      if (key === 'edit') setDrawer({ open: true, account: a });
                      if (key === 'reset')
                        {run(a, 'reset-password', { title: `重置「${a.username}」的密码？`, content: '将生成一个临时密码，该账号现有的登录会话全部失效，下次登录须修改密码。', ok: '重置' });}
                      if (key === 'unlock') run(a, 'unlock', { title: `解除「${a.username}」的登录锁定？`, content: '解除后可立即重新登录。', ok: '解除锁定' });
                      if (key === 'disable')
                        {run(a, 'disable', { title: `停用账号「${a.username}」？`, content: '停用后该账号立即退出登录且不能再登录，可随时重新启用。', ok: '停用', danger: true });}
                      if (key === 'enable') run(a, 'enable', { title: `启用账号「${a.username}」？`, content: '启用后该账号可以重新登录。', ok: '启用' });
                    },
                  }}
                >
                  <Button size="small">操作</Button>
                </Dropdown>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="账号管理"
        help="为本单位及下级组织建立账号、分配角色、重置密码和停用账号。"
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, account: null })}>
                新建账号
              </Button>
            )}
            <ExportButton url={`/api/accounts/export.xlsx${query({ q: filters.q, role: filters.role, status: filters.status, underId: filters.underId })}`} fileName="账号列表.xlsx" />
          </>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search placeholder="用户名、姓名或组织" allowClear onSearch={(q) => set({ q: q || undefined })} style={{ width: phone ? '100%' : 220 }} />
          <div style={{ width: 240 }}>
            <OrgTreeSelect allowClear placeholder="所属组织（全部）" value={filters.underId} onChange={(underId) => set({ underId })} />
          </div>
          <Select
            placeholder="角色"
            allowClear
            style={{ width: 170 }}
            onChange={(role) => set({ role })}
            options={me.assignableRoles.map((r) => ({ value: r.code, label: r.label }))}
          />
          <Select
            style={{ width: 110 }}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={[
              { value: 'all', label: '全部状态' },
              { value: 'active', label: '正常' },
              { value: 'locked', label: '已锁定' },
              { value: 'disabled', label: '已停用' },
            ]}
          />
        </Space>
        <Table<AccountDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: phone ? 'max-content' : 900 }}
          locale={{ emptyText: <Empty description="没有符合条件的账号" /> }}
          pagination={pagination(list.data?.total ?? 0, filters.page, filters.pageSize, (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })))}
        />
      </Card>
      <AccountDrawer open={drawer.open} account={drawer.account} onClose={() => setDrawer({ open: false, account: null })} />
    </>
  );
}
