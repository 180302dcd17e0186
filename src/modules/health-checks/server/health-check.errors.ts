import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const HealthCheckErrors = defineErrors('HEALTH_CHECK', {
  PROGRAMME_NOT_FOUND: { status: 404, message: '体检项目不存在或不在您的管辖范围内' },
  PROGRAMME_DATES: { status: 400, message: '体检结束日期不能早于开始日期' },
  PROGRAMME_CLOSED: { status: 409, message: '体检项目已结束报名' },
  DUPLICATE_GROUP: { status: 400, message: '同一类人群只能分配一次名额' },
  MEMBER_NOT_FOUND: { status: 404, message: '职工不存在、没有在会的会籍，或不在您的管辖范围内' },
  NOT_A_MEMBER: { status: 403, message: '您的账号没有关联会员身份，不能报名' },
  NO_PLACES_FOR_GROUP: { status: 400, message: '本项目没有为这类人群安排名额' },
  NOT_ELIGIBLE: { status: 409, message: '不符合这类人群的报名条件' },
  FULL: { status: 409, message: '名额已满' },
  ALREADY_SIGNED_UP: { status: 409, message: '已报名本项目' },
  SLOT_OUTSIDE: { status: 400, message: '预约日期应在体检时间内' },
  SIGNUP_NOT_FOUND: { status: 404, message: '报名记录不存在或不在您的管辖范围内' },
  ILLEGAL_STATUS: { status: 409, message: '报名记录当前状态下不能办理' },
  DONE_DATE: { status: 400, message: '体检日期应在体检时间内，且不能晚于今天' },
  NO_RESULTS: { status: 404, message: '还没有登记体检结果' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  health_check_signups_member_key: HealthCheckErrors.ALREADY_SIGNED_UP,
});
