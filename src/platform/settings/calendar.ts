import { NO_CALENDAR, type WorkCalendar } from '../periods/dates';
import { defineDatedSetting } from './settings.repository';

/** The district's working-day calendar (public holidays and make-up working days), by the day it applies from. */
export const WORK_CALENDAR = defineDatedSetting<WorkCalendar>('calendar.workdays', NO_CALENDAR);
