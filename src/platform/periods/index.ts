export { chinaToday, addDays, addWorkingDays, addMonths } from './dates';
export { parsePeriod, previousPeriod, samePeriodLastYear, type Period } from './period';
