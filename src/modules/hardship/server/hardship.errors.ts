import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const HardshipErrors = defineErrors('HARDSHIP', {
  NOT_FOUND: { status: 404, message: '困难职工档案不存在或不在您的管辖范围内' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在、没有在会的会籍，或不在您的管辖范围内' },
  NOT_A_MEMBER: { status: 403, message: '您的账号没有关联会员身份，不能申请困难帮扶' },
  CASE_EXISTS: { status: 409, message: '该会员已有困难职工档案（或申请正在办理中），请在原档案中办理' },
  NO_THRESHOLD: { status: 400, message: '还没有设置该地当年的低保标准，请先由区总工会在“帮扶参数”中设置' },
  ILLEGAL_STEP: { status: 409, message: '当前状态下不能办理这一步' },
  STEP_FORBIDDEN: { status: 403, message: '这一步需由区总工会办理' },
  OPINION_REQUIRED: { status: 400, message: '请填写意见' },
  VISIT_REQUIRED: { status: 400, message: '请填写入户日期、入户人员和调查情况' },
  AUTHORIZATION_REQUIRED: { status: 400, message: '请先上传申请人签字的《家庭经济状况核对授权委托书》，再记录入户调查' },
  CONSENT_REQUIRED: { status: 400, message: '申请人还没有同意公示，不能开始公示。请先登记公示同意书' },
  NOTICE_BACKDATED: { status: 400, message: '公示开始日期不能早于今天' },
  NOTICE_RUNNING: { status: 409, message: '公示期还没有结束，不能结束公示' },
  OBJECTIONS_OPINION: { status: 400, message: '公示期间有异议，结束公示时请填写异议处理意见' },
  NOT_QUALIFIED: { status: 409, message: '按最新核定，家庭人均收入不低于低保标准的 2 倍，也不符合意外致困条件，不能建档' },
  ASSESSMENT_REQUIRED: { status: 400, message: '请填写本次核定的家庭收入和支出' },
  EXIT_REASON_REQUIRED: { status: 400, message: '请选择退出原因' },
  EXIT_NOT_ABOVE: { status: 409, message: '按最新核定，家庭人均收入不高于脱困线，不能以“脱困”退出' },
  BAND_ORDER: { status: 400, message: '返困线（低保标准的百分比）不能高于脱困线，否则同一家庭收入既可脱困又可返困' },
  EXIT_MONTHS: { status: 400, message: '家庭人均收入连续高于低保标准的月数不足，不能以“脱困”退出' },
  WATCH_OVER: { status: 409, message: '防返困监测期已经结束' },
  RELAPSE_NOT_QUALIFIED: { status: 409, message: '按本次核定，家庭人均收入不低于返困线，也没有意外致困，不能按返困重新纳入帮扶' },
  FILE_NOT_FOUND: { status: 404, message: '材料不存在或不在您的管辖范围内' },
});

export const AidErrors = defineErrors('AID', {
  NOT_FOUND: { status: 404, message: '帮扶记录不存在或不在您的管辖范围内' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在、没有在会的会籍，或不在您的管辖范围内' },
  CAMPAIGN_NOT_FOUND: { status: 404, message: '活动不存在或不在您的管辖范围内' },
  CAMPAIGN_CLOSED: { status: 409, message: '活动已结束，不能再登记发放' },
  DOUBLE_PAY: { status: 409, message: '此人已在本次活动中领取过，不能重复发放' },
  CAP_EXCEEDED: { status: 409, message: '超过每户每年帮扶上限' },
  AMOUNT_REQUIRED: { status: 400, message: '请填写金额' },
  SCHOOL_LEVEL_REQUIRED: { status: 400, message: '金秋助学请选择就读学段，金额按助学标准计算' },
  NO_RATE: { status: 400, message: '助学标准表中没有这一学段的金额，请先在“帮扶参数”中设置' },
  ILLEGAL_STATUS: { status: 409, message: '当前状态下不能办理' },
  REASON_REQUIRED: { status: 400, message: '请填写撤销原因' },
  DATES: { status: 400, message: '结束日期不能早于开始日期' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  hardship_cases_one_open_key: HardshipErrors.CASE_EXISTS,
  aid_records_campaign_member_key: AidErrors.DOUBLE_PAY,
});
