/** The figures a federation looks at first on its 工作台; the rest are one click away in the catalogue. */
export const KEY_FIGURES = [
  'org.grassroots_total',
  'org.grassroots_founded',
  'member.total',
  'member.joined',
  'member.joined_gig',
  'employer.gaps',
  'employer.founding_rate',
  'union.elections_overdue',
  'hardship.on_file',
  'aid.paid_total',
  'mutualaid.enrolled_people',
  'healthcheck.people',
];

/** The figure the trend and breakdown charts open on. */
export const DASHBOARD_TREND_DEFAULT = 'org.grassroots_total';
