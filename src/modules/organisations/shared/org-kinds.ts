/** Tiers of the union hierarchy: the district federation, intermediate unions, grassroots unions. */
export type OrgTier = 'federation' | 'intermediate' | 'grassroots';

/** Kinds of union organisation, each with its tier and Chinese label. */
export const ORG_KINDS = {
  federation: { tier: 'federation', label: '区总工会' },
  street: { tier: 'intermediate', label: '街道（乡镇）总工会' },
  industry: { tier: 'intermediate', label: '产业（系统）工会' },
  office: { tier: 'intermediate', label: '机关工会' },
  enterprise: { tier: 'grassroots', label: '企业工会' },
  joint: { tier: 'grassroots', label: '联合工会' },
  trade: { tier: 'grassroots', label: '行业工会' },
  institution: { tier: 'grassroots', label: '机关事业单位工会' },
} as const satisfies Record<string, { tier: OrgTier; label: string }>;

export type OrgKind = keyof typeof ORG_KINDS;
export const ORG_KIND_VALUES = Object.keys(ORG_KINDS) as [OrgKind, ...OrgKind[]];

export const ORG_TIER_LABELS: Record<OrgTier, string> = {
  federation: '区总工会',
  intermediate: '街道/产业工会',
  grassroots: '基层工会',
};

export function tierOf(kind: OrgKind): OrgTier {
  return ORG_KINDS[kind].tier;
}

/** Which tiers may sit directly under a parent of the given tier. Grassroots unions are leaves for now. */
export function allowedChildTiers(parent: OrgTier): OrgTier[] {
  if (parent === 'grassroots') return [];
  return ['intermediate', 'grassroots'];
}

/** The kinds of grassroots union (the unions that have members). */
export function grassrootsKinds(): OrgKind[] {
  return ORG_KIND_VALUES.filter((k) => ORG_KINDS[k].tier === 'grassroots');
}
