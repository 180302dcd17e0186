/** Public web API of the hardship module. */
export { hardshipRoutes } from './routes';
export { hardshipWeb } from './hardship.module';
