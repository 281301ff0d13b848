import { DurableObject } from 'cloudflare:workers'
import { DayCounters, type LiveEvent, type LiveFrame, StatusChange } from '../worker/contracts'
import { applyChange, emptyCounters } from '../worker/live'

/** How many recent events a hub keeps for reconnecting dashboards to catch up from. */
const RECENT_KEPT = 500
/** How many recent events a fresh connection receives with its snapshot. */
const RECENT_ON_CONNECT = 50

/**
 * One per provider: the live counters for today and the dashboards' WebSockets. A single writer, so
 * every change gets the next sequence number and reaches every socket in the same order. Sockets use
 * the hibernation API: an idle hub costs nothing while dashboards stay connected.
 */
export class ProviderHub extends DurableObject<Env> {
  private readonly sql: SqlStorage

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    this.sql = ctx.storage.sql
    this.sql.exec(`CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      claim_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      body TEXT NOT NULL,
      UNIQUE (claim_id, version)
    )`)
    this.sql.exec('CREATE TABLE IF NOT EXISTS counters (day TEXT PRIMARY KEY, body TEXT NOT NULL)')
    // The highest version seen per claim, never trimmed: the recent-events window is, and a replay of
    // an event that has left it must still count as seen (or money would be counted twice).
    this.sql.exec('CREATE TABLE IF NOT EXISTS claim_versions (claim_id TEXT PRIMARY KEY, version INTEGER NOT NULL)')
    // Pings are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'))
  }

  /**
   * Records status changes and pushes each new one to every socket. A change at or below the claim's
   * highest version seen is a replay and is ignored: a claim's changes arrive in version order, since
   * each step publishes before it sends the claim on.
   */
  async publish(changes: StatusChange[]): Promise<number> {
    let fresh = 0
    for (const raw of changes) {
      const change = StatusChange.parse(raw)
      const seen = this.sql.exec<{ version: number }>('SELECT version FROM claim_versions WHERE claim_id = ?', change.claimId).toArray()[0]
      if (seen && change.version <= seen.version) continue
      this.sql.exec('INSERT OR REPLACE INTO claim_versions (claim_id, version) VALUES (?, ?)', change.claimId, change.version)
      const inserted = this.sql
        .exec<{ seq: number }>('INSERT INTO events (claim_id, version, body) VALUES (?, ?, ?) RETURNING seq', change.claimId, change.version, JSON.stringify(change))
        .one()
      fresh++
      const day = change.at.slice(0, 10)
      const counters = applyChange(this.countersFor(day), change)
      this.sql.exec('INSERT OR REPLACE INTO counters (day, body) VALUES (?, ?)', day, JSON.stringify(counters))
      const event: LiveEvent = { ...change, seq: inserted.seq }
      this.broadcast({ type: 'claim.status', event, counters: day === today() ? counters : this.countersFor(today()) })
    }
    if (fresh > 0) this.sql.exec('DELETE FROM events WHERE seq <= (SELECT MAX(seq) FROM events) - ?', RECENT_KEPT)
    return fresh
  }

  /** Today's counters, for the API and for tests. */
  async snapshot(): Promise<DayCounters> {
    return this.countersFor(today())
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('expected a WebSocket upgrade', { status: 426 })
    }
    const since = Number(new URL(request.url).searchParams.get('since') ?? NaN)
    const pair = new WebSocketPair()
    const [client, server] = [pair[0], pair[1]]
    this.ctx.acceptWebSocket(server)
    server.send(JSON.stringify(this.snapshotFrame(Number.isInteger(since) && since >= 0 ? since : null)))
    return new Response(null, { status: 101, webSocket: client })
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    // The only client frame is a ping, answered by the auto-response; anything else is ignored.
    if (typeof message !== 'string') ws.close(1003, 'text frames only')
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    // 1005, 1006 and 1015 are reserved: they describe a close, they may not be sent in one.
    ws.close([1005, 1006, 1015].includes(code) ? 1000 : code, 'closing')
  }

  private snapshotFrame(since: number | null): LiveFrame {
    const rows =
      since === null
        ? this.sql.exec<{ seq: number; body: string }>('SELECT seq, body FROM events ORDER BY seq DESC LIMIT ?', RECENT_ON_CONNECT).toArray().reverse()
        : this.sql.exec<{ seq: number; body: string }>('SELECT seq, body FROM events WHERE seq > ? ORDER BY seq', since).toArray()
    const recent = rows.map((r) => ({ ...StatusChange.parse(JSON.parse(r.body)), seq: r.seq }))
    const last = this.sql.exec<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM events').one().seq ?? 0
    return { type: 'snapshot', seq: last, counters: this.countersFor(today()), recent }
  }

  private countersFor(day: string): DayCounters {
    const row = this.sql.exec<{ body: string }>('SELECT body FROM counters WHERE day = ?', day).toArray()[0]
    return row ? DayCounters.parse(JSON.parse(row.body)) : emptyCounters(day)
  }

  private broadcast(frame: LiveFrame): void {
    const text = JSON.stringify(frame)
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text)
      } catch {
        // A socket closing under us; the runtime delivers its close event separately.
      }
    }
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10)
}
