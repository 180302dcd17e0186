export { chinaToday, addDays, addWorkingDays } from './dates';
export { parsePeriod, previousPeriod, samePeriodLastYear, type Period } from './period';
