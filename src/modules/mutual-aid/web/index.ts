/** Public web API of the mutual-aid module. */
export { mutualAidRoutes } from './routes';
export { MutualAidDueCard } from './components/MutualAidDueCard';
