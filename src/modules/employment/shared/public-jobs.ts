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

/** 我有意向: what a worker leaves for the union keeping a post, with consent to its use for this post only. */
export const InterestInputSchema = z.object({
  name: z.string().trim().min(2, '请填写姓名（至少 2 个字）').max(30, '姓名不超过 30 个字').meta({ title: '姓名' }),
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位数字').meta({ title: '手机号码' }),
  message: z.string().trim().max(200, '留言不超过 200 个字').nullable().optional().meta({ title: '留言' }),
  consent: z.literal(true, { message: '请阅读并同意：您的姓名和手机号码只提供给发布这条岗位的工会，用于联系您' }).meta({ title: '同意' }),
});
export const InterestAnswerSchema = z.object({ postId: z.number(), orgName: z.string(), message: z.string() });
