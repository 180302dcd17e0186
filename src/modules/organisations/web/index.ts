/** Public web API of the organisations module. */
export { orgRoutes } from './routes';
export { OrgTreeSelect } from './components/OrgTreeSelect';
export { organisationsWeb } from './organisations.module';
export { ORG_FILTER } from './components/OrgFilter';
