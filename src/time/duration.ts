// Durations as the inputs write them: whole weeks, days, hours and minutes, largest unit first, each
// at most once (`30m`, `12h`, `7d`, `2w`, `1d12h`). No seconds: nothing the action schedules is that
// fine, and no months or years, whose length varies. Upper-case units are refused so that `M` is never
// mistaken for months.

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
export const WEEK_MS = 7 * DAY_MS

/** About a century: long enough for any policy, short enough to stay exact in a double. */
export const MAX_DURATION_MS = 36_525 * DAY_MS

const UNITS = [
  ['w', WEEK_MS],
  ['d', DAY_MS],
  ['h', HOUR_MS],
  ['m', MINUTE_MS]
] as const

const DURATION = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/

export const DURATION_HINT =
  'a duration in whole weeks, days, hours or minutes, like `30m`, `12h`, `7d`, `2w` or `1d12h`'

/** True when the text has the shape of a duration (it may still be zero or too long). */
export function looksLikeDuration(value: string): boolean {
  return value !== '' && DURATION.test(value)
}

/**
 * Milliseconds in a duration such as `1d12h`. Throws an Error whose message is a predicate ("must be a
 * duration …") for anything else, including zero parts and durations beyond a century.
 */
export function parseDuration(value: string): number {
  const m = value === '' ? null : DURATION.exec(value)
  if (!m) {
    const hint = /^\d+\s*(s|sec|secs|seconds?)$/i.test(value) ? ' (seconds are not supported)' : ''
    throw new Error(`must be ${DURATION_HINT}${hint}`)
  }
  let total = 0
  UNITS.forEach(([unit, size], i) => {
    const digits = m[i + 1]
    if (digits === undefined) return
    const count = Number(digits)
    if (count === 0)
      throw new Error(`must not have a zero part (\`0${unit}\`); give ${DURATION_HINT}`)
    total += count * size
  })
  if (!(total <= MAX_DURATION_MS)) {
    throw new Error(`is too long: at most ${MAX_DURATION_MS / DAY_MS}d, like \`30d\``)
  }
  return total
}

/** The canonical text of a whole number of minutes: `formatDuration(36 * HOUR_MS)` is `1d12h`. */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms % MINUTE_MS !== 0) {
    throw new Error(
      `cannot write ${ms} ms as a duration: it must be a positive whole number of minutes`
    )
  }
  let rest = ms
  let text = ''
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size)
    if (count > 0) text += `${count}${unit}`
    rest -= count * size
  }
  return text
}
