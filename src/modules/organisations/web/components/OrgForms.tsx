import { App, Alert, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { BULK_LEAVE_REASONS, LEAVE_REASONS } from '@modules/members/shared/member-codes';
import { FormModal } from '@ui/dialogs';
import { compact } from '@ui/forms';
import { RefusalAlert, useServerSubmit } from '@ui/ServerForm';
import { ORG_KINDS, tierOf, type OrgKind } from '../../shared/org-kinds';
import type { OrgDto } from '../../shared/org.schema';
import { useBulkMembershipMutations, useOpenMemberships, useOrgMutations } from '../api';
import { OrgTreeSelect } from './OrgTreeSelect';

const kindOptions = (Object.entries(ORG_KINDS) as [OrgKind, (typeof ORG_KINDS)[OrgKind]][])
  .filter(([, v]) => v.tier !== 'federation')
  .map(([value, v]) => ({ value, label: v.label }));

const toDate = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Create (with `parentId`) or edit (with `org`) an organisation in a side drawer. */
export function OrgFormDrawer(props: { open: boolean; org?: OrgDto | null; parentId?: number; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { create, update } = useOrgMutations();
  const editing = !!props.org;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.org) form.setFieldsValue({ ...props.org, openedOn: props.org.openedOn ? dayjs(props.org.openedOn) : undefined });
    else form.setFieldsValue({ parentId: props.parentId, kind: 'enterprise' });
  }, [props.open, props.org, props.parentId, form]);

  const submit = useServerSubmit<Record<string, unknown>>(form, async (values) => {
    const body = compact({ ...values, openedOn: toDate(values.openedOn as Dayjs | undefined) });
    if (editing) await update.mutateAsync({ id: props.org!.id, ...body });
    else await create.mutateAsync(body);
    void message.success(editing ? '已保存' : '已新建组织');
    props.onClose();
  });

  return (
    <Drawer
      title={editing ? `编辑组织：${props.org!.name}` : '新建组织'}
      open={props.open}
      onClose={props.onClose}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" onClick={() => form.submit()} loading={submit.busy}>
            保存
          </Button>
        </Space>
      }
    >
      <RefusalAlert text={submit.refusal} onClose={submit.clear} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit.onFinish}>
        {!editing && (
          <Form.Item name="parentId" label="上级组织" rules={[{ required: true, message: '请选择上级组织' }]}>
            <OrgTreeSelect disabledNode={(n) => n.status === 'closed'} />
          </Form.Item>
        )}
        <Form.Item name="name" label="组织名称" rules={[{ required: true, min: 2, message: '请填写组织名称（至少 2 个字）' }]}>
          <Input placeholder="如：某某有限公司工会委员会" maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
          <Select options={editing && props.org!.kind === 'federation' ? [{ value: 'federation', label: '区总工会' }] : kindOptions} />
        </Form.Item>
        <Form.Item name="code" label="组织代码" extra={editing ? undefined : '留空时按上级组织代码自动编号'}>
          <Input placeholder="数字、字母或短横线" maxLength={32} />
        </Form.Item>
        <Form.Item name="divisionCode" label="行政区划代码" extra="6、9 或 12 位数字；留空时沿用上级组织的代码">
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="openedOn" label="成立日期">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="contactName" label="联系人" style={{ flex: 1, marginRight: 8 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话" style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="remark" label="备注">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Moves an organisation with its whole subtree under a new parent, after confirmation. */
export function MoveOrgModal(props: { org: OrgDto | null; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { move } = useOrgMutations();
  const org = props.org;
  return (
    <FormModal<{ parentId: number }>
      title={org ? `迁移组织：${org.name}` : ''}
      open={!!org}
      form={form}
      onCancel={props.onClose}
      okText="确认迁移"
      modalProps={{ destroyOnHidden: true }}
      formProps={{ preserve: false }}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`当前上级：${org?.parentName ?? '—'}。迁移会连同其 ${org?.childCount ?? 0} 个下级组织一起移动，需要您同时管理原上级和新上级。`}
        />
      }
      onSubmit={async ({ parentId }) => {
        await move.mutateAsync({ id: org!.id, parentId });
        void message.success('已迁移');
        props.onClose();
      }}
    >
        <Form.Item name="parentId" label="新的上级组织" rules={[{ required: true, message: '请选择新的上级组织' }]}>
          <OrgTreeSelect disabledNode={(n) => n.status === 'closed' || n.id === org?.id} />
        </Form.Item>
    </FormModal>
  );
}

/**
 * Closes (撤销) an organisation: kept for history with its date and reason. A grassroots union with members
 * still in it first moves them all to another union (picked from the tree) or ends them all with a reason, on
 * the closing date, so that no member belongs to a closed union; the server refuses the close otherwise.
 */
export function CloseOrgModal(props: { org: OrgDto | null; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { close } = useOrgMutations();
  const { transferAll, endAll } = useBulkMembershipMutations();
  const org = props.org;
  const grassroots = !!org && tierOf(org.kind as OrgKind) === 'grassroots';
  const open = useOpenMemberships(grassroots ? org.id : null);
  const members = open.data?.open ?? 0;
  const handling = Form.useWatch('handling', form) as 'transfer' | 'end' | undefined;
  return (
    <FormModal<{ closedOn: Dayjs; reason: string; handling?: 'transfer' | 'end'; toOrgId?: number; leaveReason?: (typeof BULK_LEAVE_REASONS)[number]; memberRemark?: string }>
      title={org ? `撤销组织：${org.name}` : ''}
      open={!!org}
      form={form}
      onCancel={props.onClose}
      okText={members > 0 ? (handling === 'end' ? '整体退会并撤销' : '整体转会并撤销') : '确认撤销'}
      danger
      modalProps={{ destroyOnHidden: true, okButtonProps: { danger: true, disabled: grassroots && open.isLoading } }}
      formProps={{ preserve: false, initialValues: { closedOn: dayjs(), handling: 'transfer', leaveReason: 'org_closed' } }}
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title="撤销后组织不再出现在日常列表中，但其历史记录完整保留，可随时恢复。" />}
      onSubmit={async (values) => {
        const closedOn = toDate(values.closedOn)!;
        if (members > 0 && values.handling === 'transfer') {
          const r = await transferAll.mutateAsync({ fromOrgId: org!.id, toOrgId: values.toOrgId!, transferredOn: closedOn, remark: values.memberRemark });
          void message.success(`已将 ${r.count} 名会员整体转入所选工会`);
        } else if (members > 0) {
          const r = await endAll.mutateAsync({ orgId: org!.id, leftOn: closedOn, reason: values.leaveReason!, remark: values.memberRemark });
          void message.success(`已为 ${r.count} 名会员办理退会`);
        }
        await close.mutateAsync({ id: org!.id, closedOn, reason: values.reason });
        void message.success('已撤销，记录保留在「已撤销」列表中');
        props.onClose();
      }}
    >
        <Form.Item name="closedOn" label="撤销日期" rules={[{ required: true, message: '请选择撤销日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs()) || (members > 0 && !!open.data?.latestJoinedOn && d.isBefore(dayjs(open.data.latestJoinedOn), 'day'))}
          />
        </Form.Item>
        <Form.Item name="reason" label="撤销原因" rules={[{ required: true, min: 2, message: '请填写撤销原因（至少 2 个字）' }]}>
          <Input.TextArea rows={3} maxLength={200} placeholder="如：企业注销、合并到其他工会" />
        </Form.Item>
        {members > 0 && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`该工会还有 ${members} 名会员的会籍未结束。撤销前须在撤销日期把他们整体转入其他工会，或整体办理退会。`}
            />
            <Form.Item name="handling" label="会员会籍的处理">
              <Radio.Group
                options={[
                  { value: 'transfer', label: '整体转入其他工会' },
                  { value: 'end', label: '整体办理退会' },
                ]}
              />
            </Form.Item>
            {handling === 'end' ? (
              <Form.Item name="leaveReason" label="退会原因" rules={[{ required: true, message: '请选择退会原因' }]}>
                <Select options={BULK_LEAVE_REASONS.map((r) => ({ value: r, label: LEAVE_REASONS[r] }))} />
              </Form.Item>
            ) : (
              <Form.Item name="toOrgId" label="转入工会" rules={[{ required: true, message: '请选择转入的基层工会' }]}>
                <OrgTreeSelect placeholder="选择转入的基层工会" disabledNode={(n) => n.status === 'closed' || n.id === org?.id || tierOf(n.kind) !== 'grassroots'} />
              </Form.Item>
            )}
            <Form.Item name="memberRemark" label="会籍备注（可选）">
              <Input maxLength={200} placeholder="如：企业合并，会员随企业转入" />
            </Form.Item>
          </>
        )}
    </FormModal>
  );
}
