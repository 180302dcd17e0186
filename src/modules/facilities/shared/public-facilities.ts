import { z } from 'zod';

export const NearbyQuerySchema = z.object({
  lat: z.coerce.number().min(-90).max(90).optional().meta({ title: '纬度（WGS-84）' }),
  lng: z.coerce.number().min(-180).max(180).optional().meta({ title: '经度（WGS-84）' }),
  kind: z.enum(['rest_station', 'nursing_room', 'all']).default('all').meta({ title: '类型' }),
});

/** A facility as the public finder shows it: no manager or phone, the keeping union instead. */
export const NearbySchema = z.object({
  located: z.boolean(),
  items: z.array(z.object({ id: z.number(), kind: z.string(), name: z.string(), address: z.string().nullable(), openingHours: z.string().nullable(), lat: z.number(), lng: z.number(), orgName: z.string(), metres: z.number().nullable() })),
});
export type Nearby = z.infer<typeof NearbySchema>;

/** A link that opens the phone's map app (高德 URI API; it takes WGS-84 and falls back to the web map). */
export const mapLink = (p: { lat: number; lng: number; name: string }) =>
  `https://uri.amap.com/marker?position=${p.lng},${p.lat}&name=${encodeURIComponent(p.name)}&coordinate=wgs84&callnative=1`;

/** 350 米, 1.2 公里. */
export const distanceText = (m: number) => (m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`);
