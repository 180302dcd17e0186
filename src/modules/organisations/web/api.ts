import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, query } from '@ui/api';
import type { OrgKind } from '../shared/org-kinds';
import type { OrgDto, OrgTreeNode } from '../shared/org.schema';

export interface OrgFilters {
  q?: string;
  kind?: OrgKind;
  status: 'open' | 'closed' | 'all';
  underId?: number;
  page: number;
  pageSize: number;
}

export const orgListUrl = (f: Omit<OrgFilters, 'page' | 'pageSize'> & Partial<OrgFilters>, base = '/api/orgs') =>
  base + query({ ...f });

export function useOrgList(f: OrgFilters) {
  return useQuery({
    queryKey: ['orgs', 'list', f],
    queryFn: () => get<{ items: OrgDto[]; total: number }>(orgListUrl(f)),
    placeholderData: keepPreviousData,
  });
}

export function fetchOrgChildren(parentId?: number, includeClosed = false) {
  return get<OrgTreeNode[]>(`/api/orgs/tree${query({ parentId, includeClosed: includeClosed ? 'true' : undefined })}`);
}

export function useOrgRoots() {
  return useQuery({ queryKey: ['orgs', 'roots'], queryFn: () => fetchOrgChildren() });
}

export function useOrgMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['orgs'] });
  return {
    create: useMutation({ mutationFn: (body: Record<string, unknown>) => post<OrgDto>('/api/orgs', body), onSuccess: done }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: number } & Record<string, unknown>) => patch<OrgDto>(`/api/orgs/${id}`, body),
      onSuccess: done,
    }),
    move: useMutation({
      mutationFn: ({ id, parentId }: { id: number; parentId: number }) => post<OrgDto>(`/api/orgs/${id}/move`, { parentId }),
      onSuccess: done,
    }),
    close: useMutation({
      mutationFn: ({ id, ...body }: { id: number; closedOn: string; reason: string }) => post<OrgDto>(`/api/orgs/${id}/close`, body),
      onSuccess: done,
    }),
    reopen: useMutation({ mutationFn: (id: number) => post<OrgDto>(`/api/orgs/${id}/reopen`), onSuccess: done }),
  };
}

/**
 * Open memberships of a grassroots union (members module API): a union is closed only once none is left, so the
 * close dialog offers to move them all to another union or end them all with a reason first.
 */
export function useOpenMemberships(orgId: number | null) {
  return useQuery({
    queryKey: ['orgs', 'open-memberships', orgId],
    enabled: orgId !== null,
    queryFn: () => get<{ orgId: number; open: number; latestJoinedOn: string | null }>(`/api/memberships/open${query({ orgId: orgId ?? undefined })}`),
  });
}

export function useBulkMembershipMutations() {
  const qc = useQueryClient();
  const done = () => Promise.all([qc.invalidateQueries({ queryKey: ['orgs'] }), qc.invalidateQueries({ queryKey: ['members'] })]);
  return {
    transferAll: useMutation({
      mutationFn: (body: { fromOrgId: number; toOrgId: number; transferredOn: string; remark?: string }) => post<{ count: number }>('/api/memberships/transfer-all', body),
      onSuccess: done,
    }),
    endAll: useMutation({
      mutationFn: (body: { orgId: number; leftOn: string; reason: string; remark?: string }) => post<{ count: number }>('/api/memberships/end-all', body),
      onSuccess: done,
    }),
  };
}
