import { z } from 'zod'

// What the claim already knows about the people in the note. Every field is optional: a note can be
// de-identified with no context at all, and more context only catches more.
const text = z.string().trim().min(1).max(200)

export const DeidContextSchema = z
  .object({
    patient: z
      .object({
        firstName: text,
        middleName: text,
        lastName: text,
        /** Preferably YYYY-MM-DD; other forms are matched as written. */
        birthDate: text,
        memberId: text,
        mrn: text,
        ssn: text,
        accountNumber: text,
        phone: text,
        email: text,
        address: z.object({ line1: text, line2: text, city: text, state: text, zip: text }).partial().strict(),
      })
      .partial()
      .strict(),
    /** Clinicians on the claim: "Anna Lee, MD", "Dr. Raj Patel". */
    providerNames: z.array(text).max(50),
    /** Relatives, guarantors, contacts named on the claim. */
    otherNames: z.array(text).max(50),
    /** Any other identifier of the claim to remove wherever it appears. */
    otherIdentifiers: z.array(text).max(50),
  })
  .partial()
  .strict()

export type DeidContext = z.infer<typeof DeidContextSchema>
/** What a caller passes; checked at run time all the same, since it often comes from stored claim data. */
export type DeidContextInput = z.input<typeof DeidContextSchema>

/** The context argument did not match the schema; `issues` says which fields (never their values). */
export class InvalidDeidContext extends Error {
  override name = 'InvalidDeidContext'
  constructor(readonly issues: readonly string[]) {
    super(`invalid de-identification context: ${issues.join('; ')}`)
  }
}

export function parseDeidContext(input: unknown): DeidContext {
  if (input === undefined) return {}
  const parsed = DeidContextSchema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new InvalidDeidContext(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`))
}
