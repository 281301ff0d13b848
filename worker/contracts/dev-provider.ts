/**
 * DEVELOPMENT ONLY, until accounts exist: the provider a request acts for when no other is named
 * (see worker/api/middleware/principal.ts). Shared so the app's banner names the same one.
 */
export const DEMO_PROVIDER_ID = 'prv_demo'
