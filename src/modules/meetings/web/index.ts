export { meetingsWeb } from './meetings.module';
