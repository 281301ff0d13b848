import { z } from 'zod'

// Bodies and answers of the identity routes (/api/v1/auth, /team, /api-keys, /admin/partners):
// shared by the API and the app's forms.

export const ROLE_NAMES = ['owner', 'admin', 'biller', 'viewer'] as const
export const RoleName = z.enum(ROLE_NAMES)

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'is not an email address' }))

/** Checked in full by the password policy; here only what keeps the hashing cost bounded. */
export const NewPassword = z.string().min(1, { error: 'a password is required' }).max(512)

export const SignupInput = z.object({
  email: Email,
  password: NewPassword,
  practiceName: z.string().trim().min(2, { error: 'the practice name is required' }).max(120),
  displayName: z.string().trim().min(1).max(120).optional(),
})

export const LoginInput = z.object({ email: Email, password: z.string().min(1).max(512) })

export const TokenInput = z.object({ token: z.string().min(20).max(200) })

export const MfaLoginInput = z.object({ mfaToken: z.string().min(20).max(200), code: z.string().trim().min(6).max(10) })

export const TotpCodeInput = z.object({ code: z.string().trim().min(6).max(10) })

export const ResetRequestInput = z.object({ email: Email })

export const ResetConfirmInput = z.object({ token: z.string().min(20).max(200), password: NewPassword })

export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(512), newPassword: NewPassword })

export const InviteInput = z.object({ email: Email, role: RoleName })

export const AcceptInviteInput = z.object({
  token: z.string().min(20).max(200),
  displayName: z.string().trim().min(1).max(120),
  password: NewPassword,
})

export const RoleChangeInput = z.object({ role: RoleName })

/** The signed-in user, as the app shows it. */
export const Me = z.object({
  userId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: RoleName,
  mfaEnabled: z.boolean(),
  /** Owners must enrol a second factor before anything else. */
  mfaEnrollmentRequired: z.boolean(),
  permissions: z.array(z.string()),
})
export type Me = z.infer<typeof Me>

/** What sign-in answers: signed in, or a second factor is needed (then post the code with mfaToken). */
export const LoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-in'), me: Me }),
  z.object({ status: z.literal('mfa-required'), mfaToken: z.string() }),
])
export type LoginResult = z.infer<typeof LoginResult>

export const TotpEnrollment = z.object({ secret: z.string(), otpauthUri: z.string() })

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: RoleName,
  mfaEnabled: z.boolean(),
  createdAt: z.string(),
})
export const Invite = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleName,
  expiresAt: z.string(),
  createdAt: z.string(),
})
export const Team = z.object({ members: z.array(Member), invites: z.array(Invite) })
export type Team = z.infer<typeof Team>

export const API_KEY_SCOPE_NAMES = ['claims:read', 'claims:write', 'uploads:write'] as const
export const ApiKeyInput = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(API_KEY_SCOPE_NAMES)).min(1).max(3),
  expiresInDays: z.int().min(1).max(365).default(90),
})
export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  useCount: z.int(),
  createdAt: z.string(),
})
export type ApiKey = z.infer<typeof ApiKey>
/** Answer to creating a key: the only time the secret is shown. */
export const CreatedApiKey = ApiKey.extend({ key: z.string() })

export const PARTNER_SCOPE_NAMES = ['portfolio:read', 'funding:approve'] as const
export const PartnerInput = z.object({ name: z.string().trim().min(2).max(120) })
export const PartnerTokenInput = z.object({
  scopes: z.array(z.enum(PARTNER_SCOPE_NAMES)).min(1).max(2),
  expiresInDays: z.int().min(1).max(365).default(365),
})
export const PartnerRotateInput = z.object({
  /** How long the old token keeps working, so the partner can deploy the new one. */
  overlapHours: z.int().min(0).max(24 * 14).default(24),
})
export const PartnerToken = z.object({
  id: z.string(),
  partnerId: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  rotatedFrom: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  useCount: z.int(),
  createdAt: z.string(),
})
export const IssuedPartnerToken = PartnerToken.extend({ secret: z.string() })
export const Partner = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), tokens: z.array(PartnerToken) })

export const AuditEntry = z.object({
  id: z.string(),
  seq: z.int().nullable(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  providerId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string().nullable(),
})
export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })
export const AuditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), checked: z.int(), headSeq: z.int(), unsealed: z.int() }),
  z.object({ ok: z.literal(false), brokenAtSeq: z.int(), reason: z.string() }),
])

export const OutboxEmail = z.object({
  id: z.string(),
  toEmail: z.string(),
  template: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.string(),
  createdAt: z.string(),
})
