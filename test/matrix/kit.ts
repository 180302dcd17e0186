/** The pieces every module's matrix rows share: the fixture, a request, a row (`Case`) and request helpers. */
import type { TestResponse } from '../app';

export interface Fixture {
  /** Which positive control the own records are for (names of created records carry it, to stay unique). */
  tag: string;
  foreignOrg: number;
  foreignParent: number;
  foreignOrgCode: string;
  foreignAccount: number;
  ownOrg: number;
  ownParent: number;
  ownAccount: number;
  foreignReport: number;
  ownReport: number;
  foreignMember: number;
  foreignDup: number;
  foreignMembership: number;
  ownMember: number;
  ownDup: number;
  ownMembership: number;
  ownMembership2: number;
  ownOrgCode: string;
  ownSiblingCode: string;
  ownSibling: number;
  /** An own grassroots union with no members: the bulk membership routes succeed on it without moving anyone. */
  ownEmptyOrg: number;
  /** An own grassroots union with no members, closed and reopened by the positive control. */
  ownClosable: number;
  foreignEmployer: number;
  ownEmployer: number;
  foreignApplication: number;
  ownApplication: number;
  ownApplication2: number;
  foreignJob: number;
  ownJob: number;
  foreignAssessment: number;
  ownAssessment: number;
  ownItem: number;
  ownItems: number[];
  foreignEvidence: number;
  ownEvidence: number;
  ownEvidence2: number;
  foreignHonour: number;
  ownHonour: number;
  foreignCase: number;
  ownCase: number;
  foreignCaseFile: number;
  ownCaseFile: number;
  foreignAid: number;
  ownAid: number;
  ownAid2: number;
  foreignCampaign: number;
  ownCampaign: number;
  ownCampaign2: number;
  foreignScreening: number;
  ownScreening: number;
  ownScreening2: number;
  plan: number;
  foreignEnrolment: number;
  ownEnrolment: number;
  ownEnrolment2: number;
  foreignClaim: number;
  ownClaim: number;
  foreignClaimFile: number;
  ownClaimFile: number;
  programme: number;
  foreignSignup: number;
  ownSignup: number;
  ownSignup2: number;
  ownSignupDone: number;
  foreignTransfer: number;
  /** A committee term of the foreign union and one of its 选举材料; the own ones in the own union. */
  foreignTerm: number;
  foreignTermPaper: number;
  ownTerm: number;
  ownTermPaper: number;
  ownSubmitted: number;
  ownIncoming: number;
  ownIncoming2: number;
  ownOutgoing: number;
}

export interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A minimal PDF for evidence uploads. */
export const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
export const evidence = (assessment: number, item: number): Req => ({
  method: 'POST',
  url: `/api/standards/assessments/${assessment}/items/${item}/evidence?fileName=${encodeURIComponent('佐证.pdf')}`,
  body: PDF,
  headers: { 'content-type': 'application/octet-stream' },
});

export interface Case {
  /** Requests aimed at the foreign subtree. */
  foreign(f: Fixture): Req[];
  /** The same kind of request aimed inside jinxiu's scope: must succeed for jinxiu and the district roles. */
  own(f: Fixture): Req;
  /** Extra leak test for responses that carry no marker text. */
  leaks?(r: TestResponse, f: Fixture): boolean;
}

export const MARKER = '松岭专用标记地址';
export const YEAR = new Date().getFullYear();

export const caseFile = (caseId: number): Req => ({
  method: 'POST',
  url: `/api/hardship/cases/${caseId}/files?kind=authorization&fileName=${encodeURIComponent('授权书.pdf')}`,
  body: PDF,
  headers: { 'content-type': 'application/octet-stream' },
});
export const claimFile = (claimId: number): Req => ({
  method: 'POST',
  url: `/api/mutual-aid/claims/${claimId}/files?kind=diagnosis&fileName=${encodeURIComponent('诊断证明.pdf')}`,
  body: PDF,
  headers: { 'content-type': 'application/octet-stream' },
});
export const termPaper = (termId: number): Req => ({
  method: 'POST',
  url: `/api/unions/terms/${termId}/attachments?kind=result_report&fileName=${encodeURIComponent('选举结果报告.pdf')}`,
  body: PDF,
  headers: { 'content-type': 'application/octet-stream' },
});
/** A household below the demo's 低保 standard (relative or deep hardship). */
export const HOUSEHOLD = { householdSize: 3, incomes: [{ kind: 'wage', annualFen: 3_000_000 }], expenses: [], accidentLossFen: 0, members: [] };

export const ORG_LIST_LEAKS = (r: TestResponse, f: Fixture) => r.status === 200 && JSON.stringify(r.body).includes(f.foreignOrgCode);
