import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '@platform/context';
import { defineRoute } from '@platform/http';
import { chinaToday } from '@platform/periods';
import { payText } from '../shared/hiring.ledger';
import { PublicJobsSchema } from '../shared/public-jobs';
import { upcomingFairs } from './fair.repository';
import { openPosts } from './hiring.repository';

/** The public page's data: open posts (newest 200) and upcoming fairs (next 20) of the whole district. */
export function registerPublicJobRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/jobs',
    permission: 'public',
    summary: '公开的招聘岗位和近期招聘会（无需登录，不含联系人）',
    tags: ['就业服务'],
    response: PublicJobsSchema,
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    async handler() {
      const today = chinaToday(deps.now());
      const [posts, fairs] = [await openPosts(deps.db, today, 200), await upcomingFairs(deps.db, today, 20)];
      return { posts: posts.map(({ payMin, payMax, ...p }) => ({ ...p, payText: payText(payMin, payMax) })), fairs };
    },
  });
}
