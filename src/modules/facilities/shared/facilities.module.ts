import type { PermissionSpec } from '@platform/access/permissions';
import { defineSharedModule } from '@platform/modules/shared';
import { STAFF } from '@modules/accounts/shared/roles';

export const FacilityPermissions = {
  read: { name: 'facilities.read', label: '查看职工服务阵地台账（职工书屋、爱心驿站、母婴室、爱心托管班、职工之家、创新工作室）' },
  write: { name: 'facilities.write', label: '申报和修改服务阵地，登记挂牌上图和服务人次' },
  inspect: { name: 'facilities.inspect', label: '对下级工会申报的服务阵地验收、复验、整改复查和摘牌' },
  standards: { name: 'facilities.standards', label: '发布服务阵地建设标准（七个一、六有、小屋配置等）的新版本' },
} as const satisfies Record<string, PermissionSpec>;

/** The worker-facilities module's shared manifest: permissions with their default role grants, audit actions. */
export const facilitiesModule = defineSharedModule({
  name: 'facilities',
  label: '服务阵地',
  permissions: [
    { permission: FacilityPermissions.read, roles: STAFF },
    { permission: FacilityPermissions.write, roles: STAFF },
    { permission: FacilityPermissions.inspect, roles: ['district_admin', 'district_staff', 'intermediate_admin'] },
    { permission: FacilityPermissions.standards, roles: ['district_admin'] },
  ],
  auditActions: {
    'facility.create': '申报服务阵地',
    'facility.update': '修改服务阵地',
    'facility.step': '服务阵地验收、复验、挂牌或摘牌',
    'facility.usage': '登记服务阵地服务人次',
    'facility_standard.create': '发布服务阵地建设标准新版本',
  },
});
