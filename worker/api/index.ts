export { createApi } from './app'
export { ApiProblem, onError, problemBody, problemResponse } from './problem'
