import { z } from 'zod';

/** A step open to the user, sent with each record so the page shows only the buttons the server would accept. */
export const AvailableStepSchema = z.object({
  code: z.string(),
  label: z.string(),
  needsOpinion: z.boolean(),
  blockedReason: z.string().nullable(),
});
