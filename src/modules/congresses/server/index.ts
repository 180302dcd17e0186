export { congressesServer } from './congresses.module';
