import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { chinaToday } from '@platform/periods';
import { payText } from '../shared/hiring.ledger';
import { InterestAnswerSchema, InterestInputSchema, PublicJobsSchema } from '../shared/public-jobs';
import { upcomingFairs } from './fair.repository';
import { openPosts } from './hiring.repository';
import { registerInterest } from './hiring.service';

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

  defineRoute(app, {
    method: 'POST',
    url: '/api/public/jobs/:id/interest',
    permission: 'public',
    summary: '我有意向：求职者留下姓名和手机号码（须同意只提供给发布岗位的工会），每个岗位每个号码一次',
    tags: ['就业服务'],
    params: IdParamsSchema,
    body: InterestInputSchema,
    response: InterestAnswerSchema,
    // No session: CSRF is checked by Origin and Fetch metadata, as for the public joining form.
    config: { csrf: 'origin', rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: ({ params, body, ip }) => registerInterest(deps, ip, params.id, body),
  });
}
