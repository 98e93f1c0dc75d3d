// ApiDateTime as the DocSpace server writes and reads it: output is portal-local time with seven
// fractional digits and an offset (`Z` when the portal offset is zero); input is an ISO string.

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `2025-06-30T03:00:00.0000000+03:00` for offset 180, `…Z` for offset 0. */
export function formatApiDate(date: Date, offsetMinutes = 0): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000)
  const body =
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}0000`
  if (offsetMinutes === 0) return `${body}Z`
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${body}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * Reads a date string the way the server's converter would, or returns undefined. A string without an
 * offset is read in the server's own zone; the emulator's zone is UTC.
 */
export function parseApiDate(text: string): Date | undefined {
  const m = ISO.exec(text.trim())
  if (!m) {
    // The server falls back to a lenient parse as well.
    const lenient = Date.parse(text)
    return Number.isNaN(lenient) ? undefined : new Date(lenient)
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m
  const ms = Number((frac + '000').slice(0, 3))
  let utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms)
  const check = new Date(utc)
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    utc -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  }
  return new Date(utc)
}

export function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime())
  out.setUTCFullYear(out.getUTCFullYear() + years)
  return out
}
