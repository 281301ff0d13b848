/**
 * Calendar arithmetic on whole days since 1970-01-01 (UTC). The hot loop formats millions of dates,
 * so this avoids allocating a Date per claim; the civil-date conversion is Howard Hinnant's algorithm.
 */
export type EpochDay = number

export function epochDayOf(iso: string): EpochDay {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(iso.slice(0, 10))) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`)
  return Math.floor(ms / 86_400_000)
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`)

export function isoDateOf(day: EpochDay): string {
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${y}-${pad2(m)}-${pad2(d)}`
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7
}

/** An ISO timestamp (UTC, minute precision) for a day and a minute of that day. */
export function isoDateTimeOf(day: EpochDay, minuteOfDay: number): string {
  return `${isoDateOf(day)}T${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}:00Z`
}

/** Whole years between a birth date and a day (mean year length; may be a day early near a birthday). */
export function ageOn(birthDay: EpochDay, day: EpochDay): number {
  return Math.floor((day - birthDay) / 365.2425)
}
