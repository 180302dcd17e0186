import type { PermissionSpec } from '@platform/access/permissions';
import { defineSharedModule } from '@platform/modules/shared';
import { STAFF } from '@modules/accounts/shared/roles';

export const ActivityPermissions = {
  read: { name: 'activities.read', label: '查看活动与志愿服务台账（文体、宣讲、走访慰问、志愿服务等）' },
  write: { name: 'activities.write', label: '登记和修改活动，登记参与人员和志愿服务时长，上传活动照片和记录' },
} as const satisfies Record<string, PermissionSpec>;

/** The activities-and-volunteering module's shared manifest: permissions with their default role grants, audit actions. */
export const activitiesModule = defineSharedModule({
  name: 'activities',
  label: '活动与志愿服务',
  permissions: [
    { permission: ActivityPermissions.read, roles: STAFF },
    { permission: ActivityPermissions.write, roles: STAFF },
  ],
  auditActions: {
    'activity.create': '登记活动',
    'activity.update': '修改活动',
    'activity.participant_add': '活动登记参与人员',
    'activity.participant_remove': '活动移除参与人员',
  },
});
