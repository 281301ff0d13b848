export { createApi } from './app'
export { ApiProblem, onError, problemBody, problemResponse } from './problem'
export { DEMO_PROVIDER_ID } from './middleware/principal'
