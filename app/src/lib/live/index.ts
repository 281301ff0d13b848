export { LiveConnection } from './live-connection.svelte'
export type { LiveState } from './live-connection.svelte'
export { getLiveConnection, setLiveConnection } from './context'
