import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const EmployerErrors = defineErrors('EMPLOYER', {
  NOT_FOUND: { status: 404, message: '用人单位不存在或不在您的管辖范围内' },
  INVALID_USCC: { status: 400, message: '统一社会信用代码有误' },
  USCC_TAKEN: { status: 409, message: '该统一社会信用代码已登记' },
  KEEPER_NOT_FOUND: { status: 404, message: '所属街道（乡镇）工会不存在、已撤销或不在您的管辖范围内' },
  KEEPER_KIND: { status: 400, message: '用人单位应登记在区总工会或街道（乡镇）、产业工会下' },
  WOMEN_EXCEED: { status: 400, message: '女职工人数不能多于职工人数' },
  UNION_NOT_FOUND: { status: 404, message: '所选基层工会不存在、已撤销或不在您的管辖范围内' },
  ALREADY_COVERED: { status: 409, message: '该单位已有工会覆盖，无需建会' },
  FUTURE_DATE: { status: 400, message: '日期不能晚于今天' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  employers_uscc_key: EmployerErrors.USCC_TAKEN,
});
