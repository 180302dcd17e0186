export { chinaToday } from './dates';
