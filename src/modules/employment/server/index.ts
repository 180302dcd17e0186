/** Public API of the employment-services module. */
export { fairIndicators } from './fair.indicators';
export { hiringIndicators } from './hiring.indicators';
export { seekerIndicators } from './seeker.indicators';
export { employmentServer } from './employment.module';
