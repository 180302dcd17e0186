/** Public API of the standards module (规范化建设: checklists, self-assessments, reviews, honours). */
export { standardIndicators } from './standard.indicators';
export { createChecklist, publishChecklist } from './standard.service';
export { standardsServer } from './standards.module';
