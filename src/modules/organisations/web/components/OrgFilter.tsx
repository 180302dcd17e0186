import type { LedgerListProps } from '@ui/ledger';
import { OrgTreeSelect } from './OrgTreeSelect';

/** A ledger list's 所属组织 filter: the organisation tree, narrowing the list to one union's subtree. */
export const ORG_FILTER: NonNullable<LedgerListProps<object>['org']> = {
  label: '所属组织',
  picker: (p) => <OrgTreeSelect aria-label={p.label} value={p.value} onChange={p.onChange} placeholder={p.label} allowClear style={{ width: 200 }} />,
};
