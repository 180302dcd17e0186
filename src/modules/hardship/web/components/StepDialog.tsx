import { App, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { chinaToday } from '@platform/periods/dates';
import type { AvailableStep } from '@platform/workflow/machine';
import { post } from '@ui/api';
import { FormModal } from '@ui/dialogs';
import type { FormValues } from '@ui/ServerForm';
import { labelOptions } from '@ui/forms';
import { EXIT_REASON_LABELS } from '../../shared/case-machine';
import type { CaseDetail } from '../types';
import { AssessmentFields, assessmentFromForm } from './AssessmentFields';

export type OpenStep = AvailableStep;

const HINTS: Record<string, string> = {
  first_review: '初审通过后进入入户调查，期限按“帮扶参数”计算。',
  record_visit: '须已上传申请人签字的《家庭经济状况核对授权委托书》。调查情况加密保存，只有有敏感信息权限的人员可以查看。',
  start_notice: '须已登记申请人同意公示的内容。公示天数按“帮扶参数”。',
  object: '登记群众在公示期内提出的异议；结束公示时须写明处理意见。',
  end_notice: '公示期结束后报送区总工会审批建档；有异议的须填写处理意见。',
  file: '按最新一次核定的困难类别建档，并安排第一次回头看。',
  return: '退回到“待初审”，请写明需要补充的内容。',
  reject: '不予建档后档案办结，不能再办理。请写明理由。',
  review: '回头看：重新核定家庭经济状况，新的核定替代上一次。',
  exit: '“脱困”须按最新核定家庭人均收入高于低保标准，且连续月数达到参数要求。',
  watch_visit: '防返困监测期内的回访记录。',
  relapse: '返困须重新核定，且家庭重新符合困难认定条件；原档案和历史保留。',
};

/** One step of a case: the fields that step needs, its rule in one line, and the server's verdict. */
export function StepDialog({ caseId, step, onClose, onDone }: { caseId: number; step: OpenStep | null; onClose(): void; onDone(c: CaseDetail): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const action = step?.code;
  const reason = Form.useWatch('exitReason', form);
  const visit = action === 'record_visit' || action === 'watch_visit';
  return (
    <FormModal<FormValues>
      title={step?.label}
      open={!!step}
      form={form}
      width={action === 'review' || action === 'relapse' ? 760 : 560}
      okText={step ? `确认${step.label}` : '确认'}
      danger={action === 'reject'}
      onCancel={onClose}
      modalProps={{ destroyOnHidden: true }}
      formProps={{ preserve: false, initialValues: { visitedOn: dayjs(), noticeStartsOn: dayjs(chinaToday()) } }}
      intro={action && <Typography.Paragraph type="secondary">{HINTS[action]}</Typography.Paragraph>}
      onSubmit={async (v) => {
        const body: Record<string, unknown> = { action, opinion: v.opinion || undefined };
        if (visit) body.visit = { visitedOn: v.visitedOn.format('YYYY-MM-DD'), visitors: v.visitors, findings: v.findings };
        if (action === 'start_notice') body.noticeStartsOn = v.noticeStartsOn.format('YYYY-MM-DD');
        if (action === 'review' || action === 'relapse') body.assessment = assessmentFromForm(v.assessment);
        if (action === 'exit') Object.assign(body, { exitReason: v.exitReason, monthsAbove: v.monthsAbove });
        const updated = await post<CaseDetail>(`/api/hardship/cases/${caseId}/steps`, body);
        void message.success(`已${step!.label}`);
        onDone(updated);
      }}
    >
        {visit && (
          <>
            <Form.Item name="visitedOn" label="入户日期" rules={[{ required: true, message: '请选择入户日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="visitors" label="入户人员" rules={[{ required: true, min: 2, message: '请填写入户人员' }]}>
              <Input maxLength={100} placeholder="如：工会主席张某、干事李某" />
            </Form.Item>
            <Form.Item name="findings" label="调查情况" rules={[{ required: true, min: 2, message: '请填写调查情况' }]}>
              <Input.TextArea rows={4} maxLength={2000} placeholder="住房、家庭成员健康、收入来源、邻里反映等" />
            </Form.Item>
          </>
        )}
        {action === 'start_notice' && (
          <Form.Item name="noticeStartsOn" label="公示开始日期" extra="公示期从实际张贴之日起算，不能选过去的日期" rules={[{ required: true, message: '请选择公示开始日期' }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < chinaToday()} />
          </Form.Item>
        )}
        {(action === 'review' || action === 'relapse') && <AssessmentFields />}
        {action === 'exit' && (
          <>
            <Form.Item name="exitReason" label="退出原因" rules={[{ required: true, message: '请选择退出原因' }]}>
              <Select options={labelOptions(EXIT_REASON_LABELS)} />
            </Form.Item>
            {reason === 'escaped' && (
              <Form.Item name="monthsAbove" label="家庭人均收入连续高于低保标准的月数" rules={[{ required: true, message: '请填写月数' }]}>
                <InputNumber min={0} max={120} precision={0} addonAfter="个月" />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          name="opinion"
          label={action === 'object' ? '异议内容' : '意见'}
          rules={step?.needsOpinion ? [{ required: true, min: 2, message: action === 'object' ? '请填写异议内容' : `${step.label}须填写书面意见` }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
    </FormModal>
  );
}
