import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '@platform/context';
import { defineRoute } from '@platform/http';
import { NearbyQuerySchema, NearbySchema } from '../shared/public-facilities';
import { nearestOpen } from './facility.repository';

/** The public finder's data: the 30 nearest open rest stations and nursing rooms (or all by name, without a location). */
export function registerPublicFacilityRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/facilities/nearby',
    permission: 'public',
    summary: '附近的爱心驿站和母婴室（无需登录，按距离排序；不含管理员和电话）',
    tags: ['服务阵地'],
    querystring: NearbyQuerySchema,
    response: NearbySchema,
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    async handler({ query }) {
      const at = query.lat != null && query.lng != null ? { lat: query.lat, lng: query.lng } : null;
      const rows = await nearestOpen(deps.db, at, query.kind === 'all' ? ['rest_station', 'nursing_room'] : [query.kind], at ? 30 : 200);
      return { located: at !== null, items: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, address: r.address, openingHours: r.opening_hours, lat: r.lat, lng: r.lng, orgName: r.org_name, metres: r.metres })) };
    },
  });
}
