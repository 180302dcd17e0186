export { chinaToday, addDays, addWorkingDays, addMonths, isWorkingDay, NO_CALENDAR, type WorkCalendar } from './dates';
export { parsePeriod, previousPeriod, samePeriodLastYear, type Period } from './period';
