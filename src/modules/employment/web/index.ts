/** Public web API of the employment-services module. */
export { employmentWeb, PublicJobsPage } from './employment.module';
