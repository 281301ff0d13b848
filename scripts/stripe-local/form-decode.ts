/**
 * Stripe's v1 API takes `application/x-www-form-urlencoded` bodies with bracketed nesting
 * (`metadata[claim_id]=c1`, `expand[0]=data`), as the SDK encodes them. Decodes them into plain
 * objects and arrays of strings; numbers and booleans stay strings until the schema reads them.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type FormObject = { [key: string]: FormValue }

export type FormDecodeResult = { ok: true; value: FormObject } | { ok: false; param: string }

export function decodeForm(input: string): FormDecodeResult {
  const root: FormObject = {}
  for (const [rawKey, value] of new URLSearchParams(input)) {
    const path = splitKey(rawKey)
    if (!path) return { ok: false, param: rawKey }
    if (!assign(root, path, value)) return { ok: false, param: rawKey }
  }
  return { ok: true, value: normalizeArrays(root) as FormObject }
}

/** `a[b][0]` -> ['a', 'b', '0']; null when the brackets do not pair. */
function splitKey(key: string): string[] | null {
  const head = /^[^[\]]+/.exec(key)
  if (!head) return null
  const parts = [head[0]]
  let rest = key.slice(head[0].length)
  while (rest.length > 0) {
    const seg = /^\[([^[\]]*)\]/.exec(rest)
    if (!seg) return null
    parts.push(seg[1]!)
    rest = rest.slice(seg[0].length)
  }
  return parts
}

function assign(target: FormObject, path: string[], value: string): boolean {
  let node: FormObject = target
  for (let i = 0; i < path.length - 1; i++) {
    // `__proto__` and friends are data here, never prototype links.
    const key = safeKey(path[i]!)
    const existing = Object.hasOwn(node, key) ? node[key] : undefined
    if (existing === undefined) {
      const child: FormObject = {}
      node[key] = child
      node = child
    } else if (typeof existing === 'object' && !Array.isArray(existing)) {
      node = existing
    } else {
      return false
    }
  }
  const tail = path[path.length - 1]!
  // `list[]=a&list[]=b` appends, as form encoders without indices send it.
  const last = tail === '' ? String(Object.keys(node).length) : safeKey(tail)
  if (Object.hasOwn(node, last) && typeof node[last] === 'object') return false
  node[last] = value
  return true
}

function safeKey(key: string): string {
  return key === '__proto__' || key === 'constructor' || key === 'prototype' ? `${key}_` : key
}

/** Objects whose keys are exactly 0..n-1 (or empty `[]` keys) become arrays, as the SDK's encoding intends. */
function normalizeArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const entries = keys.map((k) => [k, normalizeArrays(value[k]!)] as const)
  const isIndexed = keys.length > 0 && keys.every((k, i) => k === String(i))
  if (isIndexed) return entries.map(([, v]) => v)
  return Object.fromEntries(entries)
}
