import { App, Checkbox, Form, Input, Select } from 'antd';
import { post } from '@ui/api';
import { FormModal } from '@ui/dialogs';
import type { FormValues } from '@ui/ServerForm';
import { labelOptions } from '@ui/forms';
import { CAUSE_LABELS } from '../../shared/category';
import { NOTICE_ITEMS } from '../../shared/hardship.schema';
import type { CaseDetail } from '../types';
import { AssessmentFields, assessmentFromForm } from './AssessmentFields';
import { MemberPicker } from '@ui/MemberPicker';

export const causeOptions = labelOptions(CAUSE_LABELS);
export const noticeOptions = labelOptions(NOTICE_ITEMS);

/** The union enters a member's application: the member, causes, household finances, consent to a notice. */
export function ApplyDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(c: CaseDetail): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <FormModal<FormValues>
      title="登记困难帮扶申请"
      open={open}
      form={form}
      width={760}
      okText="提交申请"
      onCancel={onClose}
      modalProps={{ destroyOnHidden: true }}
      formProps={{ preserve: false }}
      onSubmit={async (v) => {
        const created = await post<CaseDetail>('/api/hardship/cases', {
          memberId: v.memberId,
          primaryCause: v.primaryCause,
          secondaryCauses: v.secondaryCauses ?? [],
          statement: v.statement || undefined,
          assessment: assessmentFromForm(v.assessment),
          ...(v.consent?.length ? { consent: { covers: v.consent } } : {}),
        });
        void message.success(`已登记，档案编号 ${created.caseNo}，系统认定：${created.categoryLabel}`);
        onCreated(created);
      }}
    >
        <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择申请的会员' }]} extra="输入姓名、身份证号码或手机号码查找本工会会员">
          <MemberPicker />
        </Form.Item>
        <Form.Item name="primaryCause" label="主要致困原因" rules={[{ required: true, message: '请选择主要致困原因' }]}>
          <Select options={causeOptions} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="secondaryCauses" label="次要致困原因（最多 3 项）" rules={[{ type: 'array', max: 3, message: '次要致困原因最多 3 项' }]}>
          <Select mode="multiple" options={causeOptions} />
        </Form.Item>
        <AssessmentFields />
        <Form.Item name="statement" label="申请说明" style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="consent" label="申请人同意公示的内容" extra="公示时只显示申请人同意的项目，身份证号码始终隐去；可以以后再登记">
          <Checkbox.Group options={noticeOptions} />
        </Form.Item>
    </FormModal>
  );
}
