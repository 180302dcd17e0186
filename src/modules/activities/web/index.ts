export { activitiesWeb } from './activities.module';
