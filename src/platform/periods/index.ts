export { chinaToday } from './dates';
export { parsePeriod, previousPeriod, samePeriodLastYear, type Period } from './period';
