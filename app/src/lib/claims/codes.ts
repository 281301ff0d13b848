/** ICD-10-CM codes are stored without the dot (as X12 carries them); people read them with it. */
export function displayIcd10(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code
}

/** Event details are free-form; show only flat values, never nested structures. */
export function detailEntries(detail: Record<string, unknown> | null): Array<[string, string]> {
  if (!detail) return []
  return Object.entries(detail).flatMap(([key, value]): Array<[string, string]> => {
    if (value === null || value === undefined) return []
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [[humanize(key), String(value)]]
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return [[humanize(key), value.join(', ')]]
    }
    return []
  })
}

function humanize(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
