import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ApiKey, ApiKeyInput, CreatedApiKey, Invite, InviteInput, Member, RoleChangeInput, Team } from '../../contracts/identity'
import { changeRole, createApiKey, invite, listApiKeys, listTeam, removeMember, revokeApiKey, revokeInvite, type Permission } from '../../identity'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem, type ApiEnv } from '../api-app'
import { sendEmails } from '../emails'
import { authenticate, requirePermission, requireUser, signedInUser } from '../middleware/authenticate'
import { csrfProtection } from '../middleware/csrf'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

const IdParam = z.object({ id: z.string().max(64) })

/** Team and key management is for signed-in members with the permission; API keys never manage accounts. */
const member = (permission: Permission) => [authenticate(), requireUser, requirePermission(permission), csrfProtection] as const
const denied = { 401: problem('Not signed in'), 403: problem('The role does not allow this') }


const REFUSALS: Record<string, [400 | 403 | 404 | 409, string]> = {
  'not-found': [404, 'No such member or invitation'],
  'not-yourself': [400, 'You cannot do this to yourself'],
  'role-not-allowed': [403, 'Your role cannot grant or change that role'],
  'last-owner': [409, 'A practice needs at least one owner'],
  'already-a-member': [409, 'That person is already on the team'],
}

function refused(reason: string, detail?: string): never {
  const [status, title] = REFUSALS[reason] ?? [400, reason]
  throw new ApiProblem(status, reason, title, detail)
}

export const teamRoutes = apiRouter()
  .openapi(createRoute({ method: 'get', path: '/team', summary: 'Members and pending invitations', middleware: [...member('team:read')], responses: { 200: jsonOk('The team', Team), ...denied } }), async (c) =>
    c.json(await listTeam(c.var.deps, c.var.providerId), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/team/invites', summary: 'Invite someone by email with a role', middleware: [...member('team:manage'), requireJson, jsonBodyLimit], request: jsonBody(InviteInput), responses: { 201: jsonOk('Invitation sent', Invite), 409: problem('Already a member'), ...denied } }),
    async (c) => {
      const { email, role } = c.req.valid('json')
      const result = await invite(c.var.deps, signedInUser(c), email, role, new URL(c.req.url).origin)
      if (!result.ok) refused(result.reason, result.detail)
      await sendEmails(c.env, result.emails)
      return c.json(result.invite, 201)
    },
  )
  .openapi(createRoute({ method: 'delete', path: '/team/invites/{id}', summary: 'Withdraw an invitation', middleware: [...member('team:manage')], request: { params: IdParam }, responses: { 204: { description: 'Withdrawn' }, 404: problem('No such invitation'), ...denied } }), async (c) => {
    const result = await revokeInvite(c.var.deps, signedInUser(c), c.req.valid('param').id)
    if (!result.ok) refused(result.reason)
    return c.body(null, 204)
  })
  .openapi(
    createRoute({ method: 'patch', path: '/team/members/{id}', summary: "Change a member's role", middleware: [...member('team:manage'), requireJson, jsonBodyLimit], request: { params: IdParam, ...jsonBody(RoleChangeInput) }, responses: { 200: jsonOk('The member', Member), 404: problem('No such member'), 409: problem('Last owner'), ...denied } }),
    async (c) => {
      const result = await changeRole(c.var.deps, signedInUser(c), c.req.valid('param').id, c.req.valid('json').role)
      if (!result.ok) refused(result.reason, result.detail)
      return c.json(result.member, 200)
    },
  )
  .openapi(createRoute({ method: 'delete', path: '/team/members/{id}', summary: 'Remove a member; their sessions end', middleware: [...member('team:manage')], request: { params: IdParam }, responses: { 204: { description: 'Removed' }, 404: problem('No such member'), ...denied } }), async (c) => {
    const result = await removeMember(c.var.deps, signedInUser(c), c.req.valid('param').id)
    if (!result.ok) refused(result.reason, result.detail)
    return c.body(null, 204)
  })
  .openapi(createRoute({ method: 'get', path: '/api-keys', summary: "The practice's API keys (never their secrets)", middleware: [...member('api-keys:manage')], responses: { 200: jsonOk('Keys', z.object({ items: z.array(ApiKey) })), ...denied } }), async (c) =>
    c.json({ items: await listApiKeys(c.var.deps, c.var.providerId) }, 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/api-keys', summary: 'Create an API key; the secret is shown once', middleware: [...member('api-keys:manage'), requireJson, jsonBodyLimit], request: jsonBody(ApiKeyInput), responses: { 201: jsonOk('The key, with its secret', CreatedApiKey), ...denied } }),
    async (c) => c.json(await createApiKey(c.var.deps, signedInUser(c), c.req.valid('json')), 201),
  )
  .openapi(createRoute({ method: 'delete', path: '/api-keys/{id}', summary: 'Revoke an API key', middleware: [...member('api-keys:manage')], request: { params: IdParam }, responses: { 204: { description: 'Revoked' }, 404: problem('No such key'), ...denied } }), async (c) => {
    const result = await revokeApiKey(c.var.deps, signedInUser(c), c.req.valid('param').id)
    if (!result.ok) refused(result.reason)
    return c.body(null, 204)
  })
