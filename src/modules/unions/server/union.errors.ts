import { defineErrors } from '@platform/errors/app-error';

export const UnionErrors = defineErrors('UNION', {
  NOT_FOUND: { status: 404, message: '基层工会不存在、已撤销或不在您的管辖范围内' },
  FUTURE_DATE: { status: 400, message: '选举日期不能晚于今天' },
  COMMITTEE_SIZE: { status: 400, message: '工会委员会（含主席、副主席）应为 3–11 人的单数' },
  FUNDS_SIZE: { status: 400, message: '经费审查委员会应为 3–5 人的单数' },
});
