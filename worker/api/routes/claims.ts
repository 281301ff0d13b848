import { createRoute, z } from '@hono/zod-openapi'
import { createD1ClaimStore, hasPhi, isDuplicateClaimNumber, openClaimPhi, sealClaimPhi, toClaimContract, toStatusChange } from '../../claims'
import { Claim, ClaimInput, ClaimListQuery, ClaimPage, ClaimWithTimeline } from '../../contracts'
import { actorOf, appendAudit } from '../../identity'
import { hasPrefix, newId } from '../../ids'
import { hubPublisher, stageQueues } from '../../platform/pipeline-deps'
import { apiRouter, problemDoc as problem } from '../api-app'
import { afterCommit } from '../after-commit'
import { ApiProblem } from '../problem'

const submitClaim = createRoute({
  method: 'post',
  path: '/claims',
  summary: 'Submit one claim',
  description: 'Stores the claim as received and queues it for the pipeline (parse, code, score, pay, submit).',
  request: { body: { required: true, content: { 'application/json': { schema: ClaimInput } } } },
  responses: {
    202: { description: 'Accepted: the claim is in the pipeline', content: { 'application/json': { schema: Claim } } },
    400: problem('Malformed JSON or a field that is not valid'),
    409: problem('The claim number has been submitted before'),
    415: problem('The body is not application/json'),
  },
})

const listClaims = createRoute({
  method: 'get',
  path: '/claims',
  summary: 'List claims, newest first',
  request: { query: ClaimListQuery },
  responses: {
    200: { description: 'One page of claims', content: { 'application/json': { schema: ClaimPage } } },
    400: problem('A filter that is not valid'),
  },
})

const getClaim = createRoute({
  method: 'get',
  path: '/claims/{id}',
  summary: 'One claim with its status timeline',
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: { description: 'The claim and its events, oldest first', content: { 'application/json': { schema: ClaimWithTimeline } } },
    404: problem('No such claim for this provider'),
  },
})

export const claimRoutes = apiRouter()
  .openapi(submitClaim, async (c) => {
    const input = c.req.valid('json')
    const providerId = c.get('providerId')
    const store = createD1ClaimStore(c.env.DB)
    const taken = await store.existingClaimNumbers(providerId, [input.claimNumber])
    const existing = taken.get(input.claimNumber)
    if (existing) {
      throw new ApiProblem(409, 'duplicate-claim', 'This claim number has been submitted before', `Claim number ${input.claimNumber} is claim ${existing}.`)
    }
    const id = newId('clm')
    const at = new Date().toISOString()
    const phi = await sealClaimPhi(c.var.deps.keyring, id, input)
    let events
    try {
      events = await store.insertClaims(providerId, [{ id, input, phi }], at)
    } catch (error) {
      // Two submissions of one number racing past the check above: the unique index decides.
      if (isDuplicateClaimNumber(error)) throw new ApiProblem(409, 'duplicate-claim', 'This claim number has been submitted before')
      throw error
    }
    const claim = await store.findClaim(providerId, id)
    if (!claim) throw new Error('claim vanished after insert')
    if (hasPhi(claim)) await appendAudit(c.var.deps.db, [{ actor: actorOf(c.var.principal), action: 'phi.created', subjectType: 'claim', subjectId: id, providerId }], new Date())
    await afterCommit('submit-claim', { claimId: id }, async () => {
      await hubPublisher(c.env).publish(providerId, events.map((e) => toStatusChange(claim, e)))
      await stageQueues(c.env).sendAll([{ queue: 'claims-ingest', body: { step: 'parse', claimId: id, providerId } }])
    })
    return c.json(toClaimContract(claim), 202)
  })
  .openapi(listClaims, async (c) => {
    const page = await createD1ClaimStore(c.env.DB).listClaims(c.get('providerId'), c.req.valid('query'))
    return c.json({ items: page.items.map(toClaimContract), nextCursor: page.nextCursor }, 200)
  })
  .openapi(getClaim, async (c) => {
    const { id } = c.req.valid('param')
    const providerId = c.get('providerId')
    const store = createD1ClaimStore(c.env.DB)
    // Another provider's claim and a claim that does not exist look the same from outside.
    const claim = hasPrefix(id, 'clm') ? await store.findClaim(providerId, id) : null
    if (!claim) throw new ApiProblem(404, 'claim-not-found', 'No such claim', `There is no claim ${id.slice(0, 40)} for this provider.`)
    const events = await store.listEvents(providerId, id)
    const phi = hasPhi(claim) ? await openClaimPhi(c.var.deps.keyring, claim) : { patient: null, note: null }
    // Every read of PHI is audited, by whom and of which claim: never what was read.
    if (hasPhi(claim)) await appendAudit(c.var.deps.db, [{ actor: actorOf(c.var.principal), action: 'phi.read', subjectType: 'claim', subjectId: id, providerId }], new Date())
    return c.json({ ...toClaimContract(claim), events, ...phi }, 200)
  })
