import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { ContractPermissions } from '../shared/contracts.module';

/** The collective contracts module as the web shell mounts it: one ledger, one menu entry. */
export const contractsWeb: WebModule = {
  name: 'contracts',
  routes: [
    {
      path: '/contracts',
      page: lazy(() => import('./ContractsPage').then((m) => ({ default: m.ContractsPage }))),
      menu: { label: '集体合同', icon: <AuditOutlined />, permission: ContractPermissions.read.name, order: 19.5 },
    },
  ],
};
