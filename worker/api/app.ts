import { apiRouter } from './api-app'
import { principal } from './middleware/principal'
import { jsonBodyLimit, requireJson } from './middleware/require-json'
import { notFound, onError } from './problem'
import { claimRoutes } from './routes/claims'
import { healthRoutes } from './routes/health'
import { liveRoutes } from './routes/live'
import { uploadRoutes } from './routes/uploads'

/** The HTTP API under /api/v1. Everything but health and the description acts for a provider. */
export function createApi() {
  const api = apiRouter().basePath('/api/v1')
  api.route('/', healthRoutes)
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'ClaimPay API', version: '1.0.0', description: 'Same-day payment for insurance claims. Errors are RFC 9457 problem details.' },
  })
  api.use('/claims/*', principal)
  api.use('/claims', principal)
  api.use('/uploads', principal)
  api.use('/uploads/*', principal)
  api.use('/live', principal)
  api.on('POST', '/claims', requireJson, jsonBodyLimit)
  api.route('/', claimRoutes)
  api.route('/', uploadRoutes)
  api.route('/', liveRoutes)
  api.notFound(notFound)
  api.onError(onError)
  return api
}
