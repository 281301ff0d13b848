import { Hono } from 'hono'
import type { ApiEnv } from '../api-app'
import { ApiProblem } from '../problem'

/** The dashboard's WebSocket: handed to the provider's hub, which sends a snapshot and then every change. */
export const liveRoutes = new Hono<ApiEnv>().get('/live', async (c) => {
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
    throw new ApiProblem(426, 'upgrade-required', 'This endpoint speaks WebSocket', 'Connect with a WebSocket client.')
  }
  const hub = c.env.PROVIDER_HUB.get(c.env.PROVIDER_HUB.idFromName(c.get('providerId')))
  const since = c.req.query('since')
  const url = new URL('https://hub/live')
  if (since && /^[0-9]{1,12}$/.test(since)) url.searchParams.set('since', since)
  return hub.fetch(new Request(url, { headers: { upgrade: 'websocket' } }))
})
