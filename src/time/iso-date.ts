// A strict reader for the ISO 8601 / RFC 3339 forms the action accepts. `Date.parse` is not used: it
// accepts many other shapes, reads a date-time without an offset in the local zone of the machine and
// rolls impossible dates (2026-02-30) over into the next month.

export type IsoValue =
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'date-time'; at: Date }
  /** A date-time without `Z` or an offset: its moment depends on whoever reads it. */
  | { kind: 'local-date-time' }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Date.UTC maps the years 0 to 99 onto 1900 to 1999; this does not. */
export function utcDate(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
  ms = 0
): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hours, minutes, seconds, ms)
  return date
}

function checkDate(year: number, month: number, day: number): void {
  const yyyy = String(year).padStart(4, '0')
  if (month < 1 || month > 12) {
    throw new Error(
      `names month ${month}, which does not exist; give a real date, like \`${yyyy}-12-31\``
    )
  }
  const mm = String(month).padStart(2, '0')
  const last = daysInMonth(year, month)
  if (day < 1 || day > last) {
    throw new Error(
      `names a day that ${yyyy}-${mm} does not have; give a real date, like \`${yyyy}-${mm}-${last}\``
    )
  }
}

/**
 * Reads `2026-12-31`, `2026-12-31T18:00Z`, `2026-12-31T18:00:00.5+02:00` and the like. Returns undefined
 * when the text does not have the shape of a date, and throws an Error whose message is a predicate
 * ("names a day that 2026-02 does not have …") when it has the shape but names no real moment.
 */
export function parseIso(value: string): IsoValue | undefined {
  const date = DATE.exec(value)
  if (date) {
    const [year, month, day] = date.slice(1, 4).map(Number) as [number, number, number]
    checkDate(year, month, day)
    return { kind: 'date', year, month, day }
  }
  const m = DATE_TIME.exec(value)
  if (!m) return undefined
  const [year, month, day, hours, minutes] = m.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number
  ]
  const seconds = m[6] === undefined ? 0 : Number(m[6])
  checkDate(year, month, day)
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw new Error(
      'names a time that does not exist; give hours 00-23 and minutes and seconds 00-59, like `18:00:00Z`'
    )
  }
  const zulu = m[8] !== undefined
  const sign = m[9]
  if (!zulu && sign === undefined) return { kind: 'local-date-time' }
  // Sub-millisecond digits cannot be kept by a Date; they are cut, not rounded, so that a moment
  // never moves later than written.
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'))
  let offsetMinutes = 0
  if (sign !== undefined) {
    const offsetHours = Number(m[10])
    const offsetMins = m[11] === undefined ? 0 : Number(m[11])
    if (offsetHours > 23 || offsetMins > 59) {
      throw new Error(
        'has a time zone offset that does not exist; give one like `+02:00` or `-05:00`'
      )
    }
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins)
  }
  const local = utcDate(year, month, day, hours, minutes, seconds, ms)
  return { kind: 'date-time', at: new Date(local.getTime() - offsetMinutes * 60_000) }
}

/** `2026-11-23T10:00:00Z`: ISO 8601 in UTC, whole seconds. */
/** ISO 8601 in UTC without milliseconds when they are zero: `2026-12-31T23:59:59Z`. */
export function isoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z')
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** `2026-11-23`: the UTC calendar date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/**
 * The same wall-clock moment `years` later, the way .NET's DateTime.AddYears counts (the server's
 * ten-year limit is computed with it): 29 February becomes 28 February in a common year.
 */
export function addYearsUtc(date: Date, years: number): Date {
  const year = date.getUTCFullYear() + years
  const month = date.getUTCMonth() + 1
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month))
  return utcDate(
    year,
    month,
    day,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds()
  )
}
