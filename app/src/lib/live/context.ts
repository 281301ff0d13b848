import { getContext, setContext } from 'svelte'
import type { LiveConnection } from './live-connection.svelte'

const KEY = Symbol('claimpay.live')

export function setLiveConnection(connection: LiveConnection): LiveConnection {
  return setContext(KEY, connection)
}

/** The tab's live connection, created by the (provider) layout. */
export function getLiveConnection(): LiveConnection {
  const connection = getContext<LiveConnection | undefined>(KEY)
  if (!connection) throw new Error('getLiveConnection() called outside the provider layout')
  return connection
}
