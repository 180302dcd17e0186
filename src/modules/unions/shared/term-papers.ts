import { defineCodes } from '@platform/ledger/codes';
import { defineAttachments } from '@platform/ledger/attachments';

/** 选举材料: the papers of one election (a union's term). */
export const ELECTION_PAPER = defineCodes({ result_report: '选举结果报告', approval: '批复文件', other: '其他' });

/**
 * A term's papers on the ledger kit. An election is reported to the union above (选举结果报告) and approved by it
 * (批复文件); a term is `filed` (报备完成) only with both.
 */
export const TERM_PAPERS = defineAttachments({ owner: 'union-term', kinds: ELECTION_PAPER, maxFiles: 20, required: { filed: ['result_report', 'approval'] } });
