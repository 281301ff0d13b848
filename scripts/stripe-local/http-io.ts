import type { IncomingMessage, ServerResponse } from 'node:http'

/** Stripe caps request bodies well below this; a larger one is a bug in the caller, not a payment. */
export const MAX_BODY_BYTES = 1024 * 1024

export type BodyResult = { ok: true; body: string } | { ok: false }

export async function readBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY_BYTES) return { ok: false }
    chunks.push(buf)
  }
  return { ok: true, body: Buffer.concat(chunks).toString('utf8') }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body, null, 2)
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(payload)),
  })
  res.end(payload)
}

/** A response lost in transit: the client sees the connection close with nothing received. */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy()
}

/** Node lower-cases header names; repeated headers are joined, which Stripe's headers never are. */
export function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(req.headers)) out[name] = Array.isArray(value) ? value.join(', ') : value
  return out
}
