import { DAY_MS, looksLikeDuration, parseDuration } from '../time/duration.js'
import { addYearsUtc, isoDay, parseIso, utcDate } from '../time/iso-date.js'

/** The server refuses an expiration further ahead than this (400). */
export const MAX_LINK_LIFETIME_YEARS = 10

const FORMS =
  'a date like `2026-12-31`, a date-time with a time zone like `2026-12-31T18:00:00Z`, ' +
  'a duration from now like `7d` (units m, h, d, w), or `never`'

/**
 * The moment a link should expire, or null for `never`. A date means the end of that day in UTC. The
 * result is always in the future and at most ten years ahead of `now`: the server silently drops a past
 * expiration (the link would then never expire) and refuses one beyond ten years.
 *
 * Throws an Error whose message is a predicate ("is in the past …") for any other value.
 */
export function parseExpiration(value: string, now: Date): Date | null {
  if (value.toLowerCase() === 'never') return null
  const at = readMoment(value, now)
  if (at.getTime() <= now.getTime()) {
    const example = isoDay(new Date(now.getTime() + 30 * DAY_MS))
    throw new Error(
      `is in the past (${at.toISOString()}); give a moment in the future, like \`30d\` or \`${example}\``
    )
  }
  const latest = addYearsUtc(now, MAX_LINK_LIFETIME_YEARS)
  if (at.getTime() > latest.getTime()) {
    throw new Error(
      `is more than ${MAX_LINK_LIFETIME_YEARS} years ahead, which DocSpace refuses; give a moment ` +
        `up to ${latest.toISOString()}, like \`${isoDay(addYearsUtc(now, 1))}\``
    )
  }
  return at
}

function readMoment(value: string, now: Date): Date {
  if (looksLikeDuration(value)) {
    return new Date(now.getTime() + parseDuration(value))
  }
  const iso = parseIso(value)
  if (iso === undefined) throw new Error(`must be ${FORMS}`)
  switch (iso.kind) {
    case 'date':
      return utcDate(iso.year, iso.month, iso.day, 23, 59, 59, 999)
    case 'date-time':
      return iso.at
    case 'local-date-time':
      throw new Error(
        'has no time zone, so the server would read it in its own zone; add `Z` for UTC or an ' +
          'offset, like `2026-12-31T18:00:00Z` or `2026-12-31T18:00:00+02:00`'
      )
  }
}
