/** Public web API of the audit module. */
export { auditRoutes } from './routes';
export { auditWeb } from './audit.module';
