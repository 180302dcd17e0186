/** Public web API of the employment-services module. */
export { employmentWeb } from './employment.module';
export { PublicJobsPage } from './jobs';
