export { compareDue, daysBetween, type DueContext, type DueItem, type DueProvider } from './due';
export { registerDueRoutes, type DueSource } from './due.routes';
export { DuePageSchema, DueItemSchema, DueQuerySchema } from './schema';
