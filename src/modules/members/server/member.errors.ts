import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const MemberErrors = defineErrors('MEMBER', {
  NOT_FOUND: { status: 404, message: '会员不存在或不在您的管辖范围内' },
  INVALID: { status: 400, message: '会员信息有误' },
  ORG_NOT_FOUND: { status: 404, message: '所选工会不存在、已撤销或不在您的管辖范围内' },
  TARGET_NOT_FOUND: { status: 404, message: '转入工会不存在，或该工会已撤销、不是基层工会' },
  TRANSFER_NOT_FOUND: { status: 404, message: '转会申请不存在或不在您的管辖范围内' },
  TRANSFER_PENDING: { status: 409, message: '该会籍已有待接收的转会申请，请等待对方工会接收，或先撤回' },
  TRANSFER_DECIDED: { status: 409, message: '该转会申请已经办理过了' },
  REASON_REQUIRED: { status: 400, message: '请填写拒绝接收的原因' },
  ALREADY_MEMBER: { status: 409, message: '此人已是会员，不能重复入会' },
  NOT_OPEN: { status: 409, message: '该会籍已结束，不能再转会或退会' },
  SAME_ORG: { status: 400, message: '转入工会与当前工会相同' },
  DATE_BEFORE_JOIN: { status: 400, message: '日期不能早于入会日期' },
  FUTURE_DATE: { status: 400, message: '日期不能晚于今天' },
  NO_OPEN_MEMBERSHIP: { status: 409, message: '该会员当前没有在您管辖范围内的会籍，不能修改' },
  NO_VALUE: { status: 404, message: '该会员没有登记此项信息' },
  NOT_DUPLICATE_PAIR: { status: 400, message: '这两条记录不构成疑似重复' },
  APPLICATION_NOT_FOUND: { status: 404, message: '入会申请不存在或不在您的管辖范围内' },
  APPLICATION_DECIDED: { status: 409, message: '该申请已经审核过了' },
  APPLICATION_PENDING: { status: 409, message: '您已提交过入会申请，正在审核中，请勿重复提交' },
  USERNAME_TAKEN: { status: 409, message: '登录名已被使用，请换一个' },
  WEAK_PASSWORD: { status: 400, message: '密码不符合要求' },
  NOT_A_MEMBER: { status: 404, message: '您的账号还没有关联会员档案' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  members_id_number_idx_key: MemberErrors.ALREADY_MEMBER,
  memberships_one_open_key: MemberErrors.ALREADY_MEMBER,
});
