/** Public web API of the hardship module. */
export { hardshipRoutes } from './routes';
export { HardshipDueCard } from './components/HardshipDueCard';
