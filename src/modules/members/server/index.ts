/** Public API of the members module. */
export { transferAllMemberships, endAllMemberships, openMemberships } from './membership-bulk.service';
export { memberIndicators } from './member.indicators';
export { memberImportSpec, MEMBER_IMPORT_COLUMNS } from './member.import';
export { members, memberships } from './member.table';
export { sealIdNumber, sealPhone, ID_INDEX_PURPOSE } from './member.fields';
export { memberWithUnionById, memberWithUnionByAccount, membersWithUnionByIdIdx, type MemberWithUnion } from './member.repository';
export { idNumberIndex } from './member.fields';
export { membersServer } from './members.module';
