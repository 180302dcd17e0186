import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, query } from '@ui/api';
import type { AmountColumnDto, IndicatorDefinitionDto, IndicatorRecordDto, IndicatorValueDto } from '../shared/indicator.schema';

export interface Scope {
  orgId?: number;
  period: string;
}

export function useIndicatorDefinitions() {
  return useQuery({ queryKey: ['indicators', 'definitions'], queryFn: () => get<IndicatorDefinitionDto[]>('/api/indicators'), staleTime: Infinity });
}

export function useIndicatorValues(scope: Scope, codes?: string[]) {
  return useQuery({
    queryKey: ['indicators', 'values', scope, codes],
    queryFn: () =>
      get<{ org: { id: number; name: string }; period: { label: string }; lastYearPeriod: { label: string }; values: IndicatorValueDto[] }>(
        `/api/indicators/values${query({ ...scope, codes: codes?.join(',') })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorRecords(code: string | null, scope: Scope, page: number, pageSize: number, part: 'numerator' | 'denominator', q?: string) {
  return useQuery({
    queryKey: ['indicators', 'records', code, scope, page, pageSize, part, q],
    enabled: !!code,
    queryFn: () =>
      get<{ items: IndicatorRecordDto[]; total: number; amount: AmountColumnDto | null; org: { name: string }; period: { label: string } }>(
        `/api/indicators/${code}/records${query({ ...scope, page, pageSize, part, q })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export const recordsExportUrl = (code: string, scope: Scope, part: 'numerator' | 'denominator', q?: string) =>
  `/api/indicators/${code}/records/export.xlsx${query({ ...scope, part, q })}`;

/** A figure with its unit: 1,234 家 / 85.5% / ¥ amounts. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  const n = value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

export function useTrend(code: string, orgId?: number) {
  return useQuery({
    queryKey: ['indicators', 'trend', code, orgId],
    queryFn: () => get<{ points: { period: string; label: string; value: number | null }[] }>(`/api/indicators/${code}/trend${query({ orgId })}`),
  });
}

export function useBreakdown(code: string, scope: Scope) {
  return useQuery({
    queryKey: ['indicators', 'breakdown', code, scope],
    queryFn: () => get<{ items: { orgId: number; orgName: string; value: number | null }[] }>(`/api/indicators/${code}/breakdown${query({ ...scope })}`),
  });
}
