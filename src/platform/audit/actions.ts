/**
 * Audit actions the platform writes itself (no module owns them), with their Chinese labels. Kept free of
 * imports so the web bundle can read the labels.
 */
export const PLATFORM_AUDIT_ACTIONS = {
  'data.export': '导出数据（Excel）',
  'attachment.upload': '上传记录材料',
  'attachment.download': '下载记录材料',
  'attachment.delete': '删除记录材料',
  'security.forbidden': '拒绝访问（无权限）',
  'security.not_found': '拒绝访问（记录不存在或不在管辖范围内）',
  'security.csrf': '拒绝请求（来源校验失败）',
} as const satisfies Record<string, string>;

/** The audit page's categories: security events (refused access, failed logins, lockouts) and data exports. */
export const AUDIT_CATEGORIES = { security: '安全事件', export: '数据导出' } as const;
export type AuditCategory = keyof typeof AUDIT_CATEGORIES;
