/** Public API of the activities-and-volunteering module. */
export { activityIndicators } from './activity.indicators';
export { activitiesServer } from './activities.module';
