/** Public API of the reports module: the indicator catalogue routes (and, later, the annual report). */
export { registerIndicatorRoutes } from './indicator.routes';
