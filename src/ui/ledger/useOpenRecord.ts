import { useSearchParams } from 'react-router';
import { OPEN_PARAM } from '@platform/ledger/ledger';

/**
 * The record whose detail drawer is open on a ledger's page, kept in the address (`?open=<id>`), so a link — a
 * drill-down row, a due-work item — opens the record, and the browser's back button closes it.
 */
export function useOpenRecord(): [string | null, (id: string | number | null) => void] {
  const [params, setParams] = useSearchParams();
  const id = params.get(OPEN_PARAM);
  const set = (next: string | number | null) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (next === null) out.delete(OPEN_PARAM);
        else out.set(OPEN_PARAM, String(next));
        return out;
      },
      { replace: next === null },
    );
  return [id, set];
}
