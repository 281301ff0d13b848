import type { Random } from '../../../generator/prng'

// Identifier values in the shapes real notes carry them. Random but seeded, so a seed is a data set.

const pad = (n: number, width: number) => String(n).padStart(width, '0')
const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('')
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A calendar date written in one of the many forms notes use. The year alone is never an identifier. */
export function formatDate(random: Random, iso: string): string {
  const y = iso.slice(0, 4)
  const m = Number(iso.slice(5, 7))
  const d = Number(iso.slice(8, 10))
  const month = MONTHS[m - 1]!
  const forms = [
    `${pad(m, 2)}/${pad(d, 2)}/${y}`,
    `${m}/${d}/${y}`,
    `${m}/${d}/${y.slice(2)}`,
    `${m}-${d}-${y.slice(2)}`,
    `${pad(m, 2)}-${pad(d, 2)}-${y}`,
    `${month} ${d}, ${y}`,
    `${month.slice(0, 3)} ${d} ${y}`,
    `${month.slice(0, 3)}. ${d}, ${y}`,
    `${d} ${month.slice(0, 3)} ${y}`,
    `${d}-${month.slice(0, 3)}-${y}`,
    `${d} ${month} ${y}`,
    iso,
    `${y}/${pad(m, 2)}/${pad(d, 2)}`,
    `${month} ${d}${d === 1 || d === 21 || d === 31 ? 'st' : d === 2 || d === 22 ? 'nd' : d === 3 || d === 23 ? 'rd' : 'th'}`,
    `${m}.${d}.${y}`,
  ]
  return random.pick(forms)
}

export function formatPhone(random: Random): string {
  const area = random.int(201, 989)
  const exchange = random.int(200, 999)
  const line = digits(random, 4)
  return random.pick([
    `(${area}) ${exchange}-${line}`,
    `${area}-${exchange}-${line}`,
    `${area}.${exchange}.${line}`,
    `${area} ${exchange} ${line}`,
    `+1 ${area} ${exchange} ${line}`,
    `1-${area}-${exchange}-${line}`,
    `(${area})${exchange}-${line}`,
    `+1-${area}-${exchange}-${line}`,
  ])
}

export function email(random: Random, first: string, last: string): string {
  const user = random.pick([`${first}.${last}`, `${first[0]}${last}`, `${first}${random.int(1, 99)}`, `${last}_${first}`]).toLowerCase().replace(/[^a-z0-9._]/g, '')
  return `${user}@${random.pick(['example.com', 'mail.example.org', 'example.net', 'clinic-example.org'])}`
}

export const ssn = (random: Random) => `${pad(random.int(100, 665), 3)}-${pad(random.int(1, 99), 2)}-${pad(random.int(1, 9999), 4)}`
export const mrn = (random: Random) => random.pick([digits(random, 8), `${digits(random, 3)}-${digits(random, 4)}`, `MR${digits(random, 7)}`, digits(random, 6)])
export const account = (random: Random) => random.pick([digits(random, 9), `A${digits(random, 8)}`, `${digits(random, 4)}-${digits(random, 5)}`])
export const url = (random: Random) => random.pick([`https://portal.example.org/patients/${digits(random, 6)}`, `http://www.example.com/chart?id=${digits(random, 5)}`, `www.example-health.org/p/${digits(random, 4)}`])
export const ipv4 = (random: Random) => `${random.int(10, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`
export const ipv6 = (random: Random) => `2001:db8:${random.int(0, 65535).toString(16)}::${random.int(1, 65535).toString(16)}`
export const serial = (random: Random) => random.pick([`SN${digits(random, 8)}`, `PM${digits(random, 6)}X`, `${digits(random, 4)}-${digits(random, 6)}`])
export const license = (random: Random) => random.pick([`D${digits(random, 7)}`, `${String.fromCharCode(65 + random.int(0, 25))}${digits(random, 8)}`])
export const vin = (random: Random) => `1HGCM${digits(random, 2)}${String.fromCharCode(65 + random.int(0, 7))}${digits(random, 1)}A${digits(random, 6)}`
export const zip = (random: Random) => digits(random, 5)

/** Month and year ("March 2026", "03/2026"): the month is a date element Safe Harbor removes. */
export function monthYear(random: Random, iso: string): string {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1]!
  return random.pick([`${month} ${iso.slice(0, 4)}`, `${iso.slice(5, 7)}/${iso.slice(0, 4)}`, `${month.slice(0, 3)} ${iso.slice(0, 4)}`])
}
