export { congressesWeb } from './congresses.module';
