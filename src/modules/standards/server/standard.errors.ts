import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const StandardErrors = defineErrors('STANDARD', {
  CHECKLIST_NOT_FOUND: { status: 404, message: '检查标准不存在' },
  NOT_DRAFT: { status: 409, message: '已发布的检查标准不能修改，请新建版本' },
  IN_USE: { status: 409, message: '该检查标准已被自评引用，不能删除' },
  NO_PUBLISHED: { status: 400, message: '该检查标准还没有发布的版本' },
  NOT_FOUND: { status: 404, message: '自评记录不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '基层工会不存在、已撤销或不在您的管辖范围内' },
  EXISTS: { status: 409, message: '该工会本年度已有这项自评' },
  FUTURE_YEAR: { status: 400, message: '年度不能晚于今年' },
  LOCKED: { status: 409, message: '自评已提交，不能再修改' },
  SCORE_RANGE: { status: 400, message: '得分超出分值' },
  UNKNOWN_ITEM: { status: 400, message: '检查项目不属于这份标准' },
  INCOMPLETE: { status: 400, message: '还有检查项目没有打分' },
  EVIDENCE_MISSING: { status: 400, message: '得分的项目须上传佐证材料' },
  NOT_SUBMITTED: { status: 409, message: '只有待审核的自评可以审核' },
  FILLER_REVIEW: { status: 403, message: '本工会参与填报了这份自评（打分、上传佐证材料或提交），不能再审核，请由未参与填报的上级工会审核' },
  OWN_REVIEW: { status: 403, message: '不能审核本级工会自己的自评，请由上级工会审核' },
  OPINION_REQUIRED: { status: 400, message: '退回时请填写审核意见，说明需要修改的地方' },
  EVIDENCE_NOT_FOUND: { status: 404, message: '佐证材料不存在或不在您的管辖范围内' },
  HONOUR_NOT_FOUND: { status: 404, message: '荣誉记录不存在或不在您的管辖范围内' },
  HONOUR_REVOKED: { status: 409, message: '该荣誉已撤销' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  standard_assessments_org_year_key: StandardErrors.EXISTS,
});
