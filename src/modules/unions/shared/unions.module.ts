import { defineSharedModule } from '@platform/modules/shared';
import { UNION_AUDIT_ACTIONS } from './union.schema';

/** The unions module's shared manifest: permissions with their default role grants, audit actions. */
export const unionsModule = defineSharedModule({
  name: 'unions',
  label: '换届提醒',
  permissions: [],
  auditActions: UNION_AUDIT_ACTIONS,
});
