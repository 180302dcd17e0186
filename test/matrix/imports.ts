/** Authorization-matrix rows of the imports routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case } from './kit';

export const importsMatrix: Record<string, Case> = {
  'GET /api/imports/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/imports/${f.foreignJob}` }],
    own: (f) => ({ method: 'GET', url: `/api/imports/${f.ownJob}` }),
  },
  'GET /api/imports/:id/errors.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/imports/${f.foreignJob}/errors.xlsx` }],
    own: (f) => ({ method: 'GET', url: `/api/imports/${f.ownJob}/errors.xlsx` }),
  },
};
