/**
 * A nine-digit control number derived from a stable key (FNV-1a), so that a retried submission of the
 * same claim writes the same interchange: the payer can recognise the repeat, and the stored file does
 * not change between deliveries.
 */
export function controlNumberFor(key: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  // ISA13 must be positive; 0 is kept for "no number".
  return String((hash % 999_999_999) + 1).padStart(9, '0')
}
