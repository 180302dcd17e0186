/** imports: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { defineMatrixPart } from '@test/matrix/kit';

export const matrix = defineMatrixPart({
  module: 'imports',
  rows: {
    'GET /api/imports/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/imports/${f.foreignJob}` }],
      own: (f) => ({ method: 'GET', url: `/api/imports/${f.ownJob}` }),
    },
    'GET /api/imports/:id/errors.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/imports/${f.foreignJob}/errors.xlsx` }],
      own: (f) => ({ method: 'GET', url: `/api/imports/${f.ownJob}/errors.xlsx` }),
    },
  },
  // The jobs (`foreignJob`, `ownJob`) are member-roster imports, built by the members part. Each importing
  // module's part exempts its own template and upload routes.
  exempt: { 'GET /api/imports': 'the caller’s own import jobs' },
});
