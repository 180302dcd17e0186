/** Shapes of the standards API as the pages use them (see shared/standard.schema.ts). */
export interface Band {
  label: string;
  minScore: number;
}
export interface ChecklistItem {
  id: number;
  position: number;
  title: string;
  description: string | null;
  maxScore: number;
  evidenceHint: string | null;
}
export interface Checklist {
  id: number;
  series: string;
  name: string;
  version: number;
  description: string | null;
  effectiveFrom: string;
  status: 'draft' | 'published' | 'retired';
  statusLabel: string;
  gradeBands: Band[];
  totalScore: number;
  items: ChecklistItem[];
  publishedAt: string | null;
  assessments: number;
}
export type AssessmentStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'reviewed';
export const STATUS_COLORS: Record<AssessmentStatus, string> = { not_started: 'default', draft: 'processing', submitted: 'gold', returned: 'red', reviewed: 'green' };
export interface ProgressRow {
  orgId: number;
  orgName: string;
  parentName: string | null;
  assessmentId: number | null;
  status: AssessmentStatus;
  statusLabel: string;
  selfTotal: number | null;
  reviewTotal: number | null;
  grade: string | null;
  passed: boolean | null;
  submittedAt: string | null;
  reviewedAt: string | null;
}
export interface Evidence {
  id: number;
  itemId: number;
  name: string;
  size: number;
}
export interface Assessment {
  id: number;
  orgId: number;
  orgName: string;
  parentName: string | null;
  year: number;
  checklistName: string;
  checklistVersion: number;
  status: Exclude<AssessmentStatus, 'not_started'>;
  statusLabel: string;
  gradeBands: Band[];
  totalScore: number;
  selfTotal: number;
  selfGrade: string;
  reviewTotal: number | null;
  grade: string | null;
  passed: boolean | null;
  reviewOpinion: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewerName: string | null;
  items: (ChecklistItem & { selfScore: number | null; selfNote: string | null; reviewScore: number | null; reviewNote: string | null; evidence: Evidence[] })[];
  canEdit: boolean;
  canReview: boolean;
}
export interface Honour {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  level: string;
  levelLabel: string;
  year: number;
  awardingBody: string;
  docNo: string | null;
  remark: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
}
export const LEVEL_OPTIONS = [
  { value: 'district', label: '区级' },
  { value: 'city', label: '市级' },
  { value: 'province', label: '省级' },
  { value: 'national', label: '全国' },
];
