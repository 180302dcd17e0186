import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const OrgErrors = defineErrors('ORG', {
  NOT_FOUND: { status: 404, message: '组织不存在或不在您的管辖范围内' },
  PARENT_NOT_FOUND: { status: 404, message: '上级组织不存在或不在您的管辖范围内' },
  PARENT_CLOSED: { status: 409, message: '上级组织已撤销，不能在其下新建或迁入组织' },
  INVALID_PARENT_KIND: { status: 400, message: '该类型的组织不能设在所选上级组织之下' },
  CODE_TAKEN: { status: 409, message: '组织代码已被使用，请换一个' },
  NAME_TAKEN: { status: 409, message: '同一上级组织下已有同名组织' },
  MOVE_INTO_SELF: { status: 400, message: '不能把组织迁移到它自己或它的下级组织之下' },
  MOVE_ROOT: { status: 400, message: '区总工会是组织树的根，不能迁移或撤销' },
  SAME_PARENT: { status: 400, message: '新的上级组织与当前上级组织相同' },
  HAS_OPEN_CHILDREN: { status: 409, message: '该组织下还有未撤销的下级组织，请先撤销或迁出' },
  HAS_OPEN_MEMBERSHIPS: { status: 409, message: '该工会还有会籍未结束的会员，请先把他们整体转入其他工会，或整体办理退会，再撤销' },
  ALREADY_CLOSED: { status: 409, message: '该组织已撤销' },
  NOT_CLOSED: { status: 409, message: '该组织未撤销，无需恢复' },
  CLOSED: { status: 409, message: '该组织已撤销，不能修改；如需修改请先恢复' },
  CLOSE_BEFORE_OPEN: { status: 400, message: '撤销日期不能早于成立日期' },
  FUTURE_DATE: { status: 400, message: '日期不能晚于今天' },
  KIND_TIER_CHANGE: { status: 400, message: '不能把组织改成其他层级的类型（如把基层工会改为街道工会），请新建组织' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  organisations_code_key: OrgErrors.CODE_TAKEN,
});
