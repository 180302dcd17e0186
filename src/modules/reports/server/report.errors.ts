import { defineErrors } from '@platform/errors/app-error';

export const ReportErrors = defineErrors('REPORT', {
  UNKNOWN_INDICATOR: { status: 404, message: '没有这个指标' },
  ORG_NOT_FOUND: { status: 404, message: '统计范围不存在或不在您的管辖范围内' },
  NOT_FOUND: { status: 404, message: '报告不存在或不在您的管辖范围内' },
  FINAL: { status: 409, message: '报告已定稿，不能再修改；如需修改请以它为基础新建草稿' },
  MISSING_FIGURES: { status: 409, message: '报告中还有无法由台账计算的数字，请删除或改写后再定稿' },
  PDF_UNAVAILABLE: { status: 501, message: '服务器未安装 LibreOffice，暂不能导出 PDF，请导出 Word 后另存为 PDF' },
});
