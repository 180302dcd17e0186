import { lazy } from 'react';

/**
 * The public jobs page (/jobs), mounted outside the signed-in shell like /join. Its own file, so the public pages'
 * bundle does not take the module's manifest (permissions, menu icons) along.
 */
export const PublicJobsPage = lazy(() => import('./PublicJobsPage').then((m) => ({ default: m.PublicJobsPage })));
