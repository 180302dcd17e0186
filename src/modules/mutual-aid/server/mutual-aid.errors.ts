import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const MutualAidErrors = defineErrors('MUTUAL_AID', {
  PLAN_NOT_FOUND: { status: 404, message: '互助计划不存在或不在您的管辖范围内' },
  PLAN_EXISTS: { status: 409, message: '本年度已有同名互助计划' },
  PLAN_DATES: { status: 400, message: '保障期结束日期应晚于开始日期，参保截止日期不能晚于保障期结束' },
  PLAN_CLOSED: { status: 409, message: '互助计划已截止参保' },
  QUOTA_ORG: { status: 400, message: '参保任务只能分配给本级之下的街道（乡镇）或产业工会' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在、没有在会的会籍，或不在您的管辖范围内' },
  ALREADY_ENROLLED: { status: 409, message: '该会员已参加本计划' },
  SHARES: { status: 400, message: '份数超过本计划每人最多份数' },
  ENROLMENT_NOT_FOUND: { status: 404, message: '参保记录不存在或不在您的管辖范围内' },
  NOT_ENROLLED: { status: 409, message: '该参保记录已退保，不能办理' },
  HAS_CLAIMS: { status: 409, message: '该参保记录已有理赔，不能退保' },
  REASON_REQUIRED: { status: 400, message: '请填写退保原因' },
  CLAIM_NOT_FOUND: { status: 404, message: '理赔记录不存在或不在您的管辖范围内' },
  OUTSIDE_COVER: { status: 409, message: '入院（确诊）日期不在本计划的保障期内' },
  CLAIM_DATES: { status: 400, message: '出院日期不能早于入院日期' },
  OVER_LIMIT: { status: 409, message: '核准金额超过可给付余额' },
  ILLEGAL_STATUS: { status: 409, message: '理赔当前状态下不能办理这一步' },
  FILE_NOT_FOUND: { status: 404, message: '材料不存在或不在您的管辖范围内' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  mutual_aid_plans_name_key: MutualAidErrors.PLAN_EXISTS,
  mutual_aid_enrolments_member_key: MutualAidErrors.ALREADY_ENROLLED,
});
