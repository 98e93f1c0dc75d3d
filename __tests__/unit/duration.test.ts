import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import {
  DAY_MS,
  HOUR_MS,
  MAX_DURATION_MS,
  MINUTE_MS,
  WEEK_MS,
  formatDuration,
  looksLikeDuration,
  parseDuration
} from '../../src/time/duration.js'

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * MINUTE_MS],
    ['1m', MINUTE_MS],
    ['12h', 12 * HOUR_MS],
    ['7d', 7 * DAY_MS],
    ['2w', 2 * WEEK_MS],
    ['1d12h', DAY_MS + 12 * HOUR_MS],
    ['1w2d3h4m', WEEK_MS + 2 * DAY_MS + 3 * HOUR_MS + 4 * MINUTE_MS],
    ['90m', 90 * MINUTE_MS],
    ['48h', 2 * DAY_MS],
    ['007d', 7 * DAY_MS],
    ['36525d', MAX_DURATION_MS]
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    ['', /must be a duration/],
    ['7', /must be a duration/],
    ['d', /must be a duration/],
    ['7D', /must be a duration/],
    ['1M', /must be a duration/],
    ['-1d', /must be a duration/],
    ['+1d', /must be a duration/],
    ['1.5d', /must be a duration/],
    ['1e3m', /must be a duration/],
    ['12h1d', /must be a duration/],
    ['1d1d', /must be a duration/],
    ['1d 12h', /must be a duration/],
    [' 7d', /must be a duration/],
    ['P7D', /must be a duration/],
    ['90s', /seconds are not supported/],
    ['0m', /zero part/],
    ['0d', /zero part/],
    ['1d0h', /zero part/],
    ['36526d', /too long/],
    ['99999999999999999999w', /too long/],
    ['9'.repeat(400) + 'm', /too long/]
  ])('refuses %j', (text, message) => {
    expect(() => parseDuration(text)).toThrow(message)
  })

  it('gives an example of a good value in every message', () => {
    for (const bad of ['x', '0m', '90s', '36526d']) {
      expect(() => parseDuration(bad)).toThrow(/`\d+[mhdw]`/)
    }
  })

  it('tells a duration shape from other text', () => {
    expect(looksLikeDuration('7d')).toBe(true)
    expect(looksLikeDuration('0d')).toBe(true)
    expect(looksLikeDuration('')).toBe(false)
    expect(looksLikeDuration('2026-12-31')).toBe(false)
    expect(looksLikeDuration('never')).toBe(false)
  })
})

describe('formatDuration', () => {
  it.each([
    [MINUTE_MS, '1m'],
    [36 * HOUR_MS, '1d12h'],
    [WEEK_MS, '1w'],
    [WEEK_MS + MINUTE_MS, '1w1m'],
    [10 * DAY_MS, '1w3d']
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it.each([0, -MINUTE_MS, 1000, 1.5 * MINUTE_MS, NaN, Infinity])('refuses %d ms', (ms) => {
    expect(() => formatDuration(ms)).toThrow(/positive whole number of minutes/)
  })

  it('round-trips every whole number of minutes up to the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DURATION_MS / MINUTE_MS }), (minutes) => {
        const ms = minutes * MINUTE_MS
        expect(parseDuration(formatDuration(ms))).toBe(ms)
      })
    )
  })

  it('reads any combination of parts as their sum', () => {
    const part = fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined })
    fc.assert(
      fc.property(part, part, part, part, (w, d, h, m) => {
        fc.pre([w, d, h, m].some((n) => n !== undefined))
        const text = [
          [w, 'w'],
          [d, 'd'],
          [h, 'h'],
          [m, 'm']
        ]
          .filter(([n]) => n !== undefined)
          .map(([n, unit]) => `${n}${unit}`)
          .join('')
        const expected =
          (w ?? 0) * WEEK_MS + (d ?? 0) * DAY_MS + (h ?? 0) * HOUR_MS + (m ?? 0) * MINUTE_MS
        expect(parseDuration(text)).toBe(expected)
      })
    )
  })
})

describe('parseDuration on random text', () => {
  it('returns a positive whole number of minutes or throws an Error, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^[\dwdhms]{0,12}$/)
        ),
        (text) => {
          let result: number
          try {
            result = parseDuration(text)
          } catch (error) {
            expect(error).toBeInstanceOf(Error)
            expect((error as Error).message).not.toContain('\n')
            return
          }
          expect(Number.isSafeInteger(result)).toBe(true)
          expect(result).toBeGreaterThan(0)
          expect(result % MINUTE_MS).toBe(0)
          expect(result).toBeLessThanOrEqual(MAX_DURATION_MS)
        }
      ),
      { numRuns: 700 }
    )
  })
})
