import { LiveFrame, type DayCounters, type LiveClientFrame, type LiveEvent } from '$contracts'

export type LiveState = 'connecting' | 'live' | 'reconnecting'

type Listener = (event: LiveEvent) => void

const PING_EVERY_MS = 30_000
/** A socket that answers no ping within this long is half-open (sleep, network switch): replace it. */
const PONG_TIMEOUT_MS = 10_000
const BACKOFF_BASE_MS = 500
const BACKOFF_MAX_MS = 30_000

/**
 * One WebSocket to /api/v1/live per tab. Keeps today's counters, hands every claim status change to
 * listeners exactly once and in order (frames are de-duplicated by `seq`), and reconnects with jittered
 * exponential backoff, asking the server for what it missed with `?since=<last seq>`.
 */
export class LiveConnection {
  state = $state<LiveState>('connecting')
  counters = $state<DayCounters | null>(null)
  /** When the last frame arrived, for "updated at" hints. */
  lastFrameAt = $state<Date | null>(null)
  /** Set when the server sends something this page cannot parse (shown discreetly, never thrown). */
  protocolError = $state<string | null>(null)

  #socket: WebSocket | null = null
  #lastSeq = 0
  /** The seq the current counters reflect: counters from older catch-up frames must not win. */
  #countersSeq = -1
  #attempt = 0
  #retryTimer: ReturnType<typeof setTimeout> | undefined
  #pingTimer: ReturnType<typeof setInterval> | undefined
  #pongTimer: ReturnType<typeof setTimeout> | undefined
  #listeners = new Set<Listener>()
  #stopped = true
  #everConnected = false

  readonly #path: string

  constructor(path = '/api/v1/live') {
    this.#path = path
  }

  /** Subscribe to status changes; returns the unsubscribe function (use it in an $effect cleanup). */
  onEvent(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  start(): void {
    if (!this.#stopped) return
    this.#stopped = false
    window.addEventListener('online', this.#reconnectNow)
    document.addEventListener('visibilitychange', this.#onVisibility)
    this.#open()
  }

  stop(): void {
    this.#stopped = true
    window.removeEventListener('online', this.#reconnectNow)
    document.removeEventListener('visibilitychange', this.#onVisibility)
    clearTimeout(this.#retryTimer)
    this.#closeSocket()
  }

  #url(): string {
    const url = new URL(this.#path, window.location.href)
    url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
    if (this.#lastSeq > 0) url.searchParams.set('since', String(this.#lastSeq))
    return url.toString()
  }

  #open(): void {
    this.state = this.#everConnected ? 'reconnecting' : 'connecting'
    let socket: WebSocket
    try {
      socket = new WebSocket(this.#url())
    } catch {
      this.#scheduleReconnect()
      return
    }
    this.#socket = socket
    const sinceRequested = this.#lastSeq > 0
    socket.addEventListener('message', (message) => {
      if (this.#socket !== socket) return
      this.#onMessage(message.data, sinceRequested)
    })
    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return
      this.#socket = null
      this.#stopTimers()
      if (!this.#stopped) this.#scheduleReconnect()
    })
    // An error is always followed by close; reconnection is handled there.
  }

  #onMessage(data: unknown, sinceRequested: boolean): void {
    if (typeof data !== 'string') return
    let json: unknown
    try {
      json = JSON.parse(data)
    } catch {
      this.protocolError = 'The live feed sent an unreadable message.'
      return
    }
    const parsed = LiveFrame.safeParse(json)
    if (!parsed.success) {
      this.protocolError = 'The live feed sent a message this page does not understand.'
      return
    }
    const frame = parsed.data
    this.lastFrameAt = new Date()
    clearTimeout(this.#pongTimer)

    if (frame.type === 'pong') return

    if (frame.type === 'snapshot') {
      // A hub whose sequence is behind ours was reset (its storage is new): start counting afresh,
      // or every event from now on would look already seen.
      if (frame.seq < this.#lastSeq) this.#lastSeq = 0
      this.counters = frame.counters
      this.#countersSeq = frame.seq
      const missed = [...frame.recent].sort((a, b) => a.seq - b.seq)
      for (const event of missed) this.#deliver(event)
      // On a fresh connection the snapshot is the whole truth; after `since`, catch-up frames follow.
      if (!sinceRequested) this.#lastSeq = Math.max(this.#lastSeq, frame.seq)
      this.#attempt = 0
      this.#everConnected = true
      this.state = 'live'
      this.#startPing()
      return
    }

    if (frame.event.seq >= this.#countersSeq) {
      this.counters = frame.counters
      this.#countersSeq = frame.event.seq
    }
    this.#deliver(frame.event)
  }

  #deliver(event: LiveEvent): void {
    if (event.seq <= this.#lastSeq) return
    this.#lastSeq = event.seq
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch (e) {
        console.error('live listener failed', e)
      }
    }
  }

  #startPing(): void {
    clearInterval(this.#pingTimer)
    this.#pingTimer = setInterval(() => {
      const socket = this.#socket
      if (socket?.readyState !== WebSocket.OPEN) return
      socket.send(JSON.stringify({ type: 'ping' } satisfies LiveClientFrame))
      clearTimeout(this.#pongTimer)
      this.#pongTimer = setTimeout(() => {
        if (this.#socket !== socket) return
        this.#socket = null
        this.#stopTimers()
        socket.close(4000, 'no pong')
        if (!this.#stopped) this.#scheduleReconnect()
      }, PONG_TIMEOUT_MS)
    }, PING_EVERY_MS)
  }

  #scheduleReconnect(): void {
    this.state = this.#everConnected ? 'reconnecting' : 'connecting'
    clearTimeout(this.#retryTimer)
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.#attempt)
    this.#attempt += 1
    // Full jitter: many tabs reconnecting after a deploy should not arrive together.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2)
    this.#retryTimer = setTimeout(() => this.#open(), delay)
  }

  #reconnectNow = (): void => {
    if (this.#stopped || this.#socket) return
    clearTimeout(this.#retryTimer)
    this.#attempt = 0
    this.#open()
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#reconnectNow()
  }

  #stopTimers(): void {
    clearInterval(this.#pingTimer)
    clearTimeout(this.#pongTimer)
  }

  #closeSocket(): void {
    this.#stopTimers()
    const socket = this.#socket
    this.#socket = null
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, 'page closed')
  }
}
