/** Public API of the meetings module. */
export { meetingIndicators } from './meeting.indicators';
export { meetingsServer } from './meetings.module';
