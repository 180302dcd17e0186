/** Public web API of the members module. */
export { memberRoutes, JoinPage } from './routes';
export { membersWeb } from './members.module';
