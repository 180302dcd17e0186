import { lazy } from 'react';

/**
 * The public finder (/nearby), mounted outside the signed-in shell like /join and /jobs. Its own file, so the
 * public pages' bundle does not take the module's manifest (permissions, menu icons) along.
 */
export const NearbyPage = lazy(() => import('./NearbyPage').then((m) => ({ default: m.NearbyPage })));
