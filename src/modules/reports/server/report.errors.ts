import { defineErrors } from '@platform/errors/app-error';

export const ReportErrors = defineErrors('REPORT', {
  UNKNOWN_INDICATOR: { status: 404, message: '没有这个指标' },
  ORG_NOT_FOUND: { status: 404, message: '统计范围不存在或不在您的管辖范围内' },
});
