/** The ledger kit (web): the standard list, the detail drawer, a record's fields, a small table, the open record in the address. */
export { LedgerList, recentYears, type LedgerFilters, type LedgerListProps } from './LedgerList';
export { LedgerDrawer } from './LedgerDrawer';
export { LedgerTable, tableColumns } from './LedgerTable';
export { LedgerDetails, cellNode, type CellRenderers } from './LedgerDetails';
export { useOpenRecord } from './useOpenRecord';
export { Attachments } from './Attachments';
export { LedgerFormDrawer, formBody, formValues } from './LedgerFormDrawer';
export { LedgerSteps, type StepDialogSpec } from './LedgerSteps';
