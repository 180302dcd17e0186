/** Public web API of the mutual-aid module. */
export { mutualAidRoutes } from './routes';
export { mutualAidWeb } from './mutual-aid.module';
