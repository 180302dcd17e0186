import { z } from 'zod';

/** What a worker sees without an account (/jobs): open posts and upcoming fairs, no contact details. */
export const PublicJobsSchema = z.object({
  posts: z.array(
    z.object({
      id: z.number(),
      employerName: z.string(),
      post: z.string(),
      workKind: z.string(),
      headcount: z.number(),
      payText: z.string(),
      requirements: z.string().nullable(),
      place: z.string().nullable(),
      validUntil: z.string(),
      orgName: z.string(),
    }),
  ),
  fairs: z.array(z.object({ id: z.number(), name: z.string(), heldOn: z.string(), mode: z.string(), venue: z.string().nullable(), orgName: z.string() })),
});
export type PublicJobs = z.infer<typeof PublicJobsSchema>;
