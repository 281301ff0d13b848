export { emulateAccessEdge } from './dev-access-cookie'
export { withSecurityHeaders } from './security-headers'
export { refreshSessionOnRequest } from './session-refresh'
