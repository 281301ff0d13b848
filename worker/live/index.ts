export { applyChange, emptyCounters } from './day-counters'
