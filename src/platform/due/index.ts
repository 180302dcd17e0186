export { compareDue, daysBetween, type DueContext, type DueItem, type DueProvider } from './due';
export { registerDueRoutes, DuePageSchema, DueItemSchema, DueQuerySchema, type DueSource } from './due.routes';
