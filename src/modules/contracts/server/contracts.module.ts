import { defineServerModule } from '@platform/modules';
import { contractClocks, dueClocks } from '../shared/contract-clocks';
import { ContractPermissions, contractsModule } from '../shared/contracts.module';
import { contractImportSpec } from './contract.import';
import { contractIndicators } from './contract.indicators';
import { clockSetup, dueContracts, settleContracts } from './contract.repository';
import { registerContractRoutes } from './contract.routes';
import { seedDemoContracts } from './contracts-demo';

/** The collective contracts module as the server mounts it; every legal clock overdue or due within a week is 待办. */
export const contractsServer = defineServerModule({
  shared: contractsModule,
  indicators: contractIndicators,
  importSpecs: () => [contractImportSpec()],
  register: registerContractRoutes,
  seedDemo: { load: seedDemoContracts },
  due: [
    {
      permission: ContractPermissions.read.name,
      async list({ db, scope, today }) {
        await settleContracts(db, today);
        const rows = await dueContracts(db, scope(), today, 500);
        const { rules, cal } = await clockSetup(db, today);
        return rows.flatMap((r) =>
          dueClocks(contractClocks(r.contract, today, rules, cal)).map((k) => ({ module: 'contracts', kind: k.code, title: `${r.contract.title}：${k.label}`, orgName: r.orgName, deadline: k.dueOn, overdue: k.state === 'overdue', action: k.label.replace(/（.*$/, ''), href: `/contracts?open=${r.contract.id}` })),
        );
      },
    },
  ],
});
