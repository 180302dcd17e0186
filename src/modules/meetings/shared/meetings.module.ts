import type { PermissionSpec } from '@platform/access/permissions';
import { defineSharedModule } from '@platform/modules/shared';
import { STAFF } from '@modules/accounts/shared/roles';

export const MeetingPermissions = {
  read: { name: 'meetings.read', label: '查看会议和学习记录（常委会、全委会、主席办公会、联席会议等）及决定事项' },
  write: { name: 'meetings.write', label: '登记会议、决定事项和落实情况，上传会议纪要' },
} as const satisfies Record<string, PermissionSpec>;

/** The meetings module's shared manifest: permissions with their default role grants, audit actions. */
export const meetingsModule = defineSharedModule({
  name: 'meetings',
  label: '会议记录',
  permissions: [
    { permission: MeetingPermissions.read, roles: STAFF },
    { permission: MeetingPermissions.write, roles: STAFF },
  ],
  auditActions: {
    'meeting.create': '登记会议',
    'meeting.update': '修改会议',
    'meeting.decision_add': '登记会议决定事项',
    'meeting.decision_done': '会议决定事项已落实',
  },
});
