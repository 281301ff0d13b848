import { z } from 'zod'

/** RFC 9457 problem details, the body of every 4xx/5xx from the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  /** Field-level findings: where (a JSON pointer or "row 12, column charge") and what is wrong. */
  errors: z.array(z.object({ where: z.string(), message: z.string() })).optional(),
})
export type Problem = z.infer<typeof Problem>
