// Property-based tests of the time handling the reliability rules rest on: the wait a portal asks for
// (Retry-After in seconds or as an HTTP date, X-RateLimit-Reset), the backoff between attempts, the
// dates the portal sends in its own time zone, and the EMULATOR_FAULTS parser the end-to-end runs use.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { formatApiDate } from '../../emulator/dates.js'
import { FaultSpecError, parseFaults } from '../../emulator/faults.js'
import { backoffMs, RETRY_AFTER_CAP_MS, requestedWaitMs } from '../../src/docspace/http-retry.js'
import type { FileShareDto } from '../../src/docspace/types.js'
import { isoUtc, toShareLink } from '../../src/links/share-link.js'

function headers(values: Record<string, string>) {
  return { get: (name: string) => values[name.toLowerCase()] ?? null }
}

// Whole seconds, as HTTP dates carry them, anywhere between 1990 and 2090.
const nowMs = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 })
  .map((s) => s * 1000)

describe('the wait a portal asks for', () => {
  it('never throws and is undefined or a whole number of ms within the cap, for any header text', () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), { nil: undefined }),
        fc.option(fc.oneof(fc.string(), fc.stringMatching(/^\d{1,12}(\.\d{0,3})?$/)), {
          nil: undefined
        }),
        nowMs,
        (retryAfter, reset, now) => {
          const values: Record<string, string> = {}
          if (retryAfter !== undefined) values['retry-after'] = retryAfter
          if (reset !== undefined) values['x-ratelimit-reset'] = reset
          const wait = requestedWaitMs(headers(values), now)
          if (wait !== undefined) {
            expect(Number.isInteger(wait)).toBe(true)
            expect(wait).toBeGreaterThanOrEqual(0)
            expect(wait).toBeLessThanOrEqual(RETRY_AFTER_CAP_MS)
          }
        }
      )
    )
  })

  it('reads Retry-After seconds as that many seconds, capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), nowMs, (seconds, now) => {
        const wait = requestedWaitMs(headers({ 'retry-after': String(seconds) }), now)
        expect(wait).toBe(Math.min(RETRY_AFTER_CAP_MS, seconds * 1000))
      })
    )
  })

  it('reads a Retry-After HTTP date as the time until then: never negative, capped', () => {
    fc.assert(
      fc.property(nowMs, fc.integer({ min: -86_400, max: 86_400 }), (now, ahead) => {
        const date = new Date(now + ahead * 1000).toUTCString()
        const wait = requestedWaitMs(headers({ 'retry-after': date }), now)
        expect(wait).toBe(Math.min(RETRY_AFTER_CAP_MS, Math.max(0, ahead * 1000)))
      })
    )
  })

  it('prefers Retry-After to X-RateLimit-Reset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        nowMs,
        (retryAfter, reset, now) => {
          const wait = requestedWaitMs(
            headers({ 'retry-after': String(retryAfter), 'x-ratelimit-reset': String(reset) }),
            now
          )
          expect(wait).toBe(retryAfter * 1000)
        }
      )
    )
  })
})

describe('the backoff between attempts', () => {
  it('is a whole number between 0 and the doubling bound, and grows with the random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, base, cap, a, b) => {
          const bound = Math.min(cap, base * 2 ** (retry - 1))
          const wait = backoffMs(retry, base, cap, () => a)
          expect(Number.isInteger(wait)).toBe(true)
          expect(wait).toBeGreaterThanOrEqual(0)
          expect(wait).toBeLessThanOrEqual(bound)
          const [low, high] = a <= b ? [a, b] : [b, a]
          expect(backoffMs(retry, base, cap, () => low)).toBeLessThanOrEqual(
            backoffMs(retry, base, cap, () => high)
          )
        }
      )
    )
  })

  it('stays within the bound for a random source that misbehaves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.oneof(fc.double(), fc.constantFrom(-1, 2, Infinity, -Infinity)),
        (retry, draw) => {
          const wait = backoffMs(retry, 500, 30_000, () => draw)
          if (!Number.isNaN(wait)) {
            expect(wait).toBeGreaterThanOrEqual(0)
            expect(wait).toBeLessThanOrEqual(Math.min(30_000, 500 * 2 ** (retry - 1)))
          }
        }
      )
    )
  })
})

describe("the portal's dates", () => {
  it('read back as the same moment whatever the portal time zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true
        }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (moment, offset) => {
          const dto = {
            access: 2,
            sharedLink: {
              id: '3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
              title: 'Release',
              expirationDate: formatApiDate(moment, offset)
            }
          } as unknown as FileShareDto
          const link = toShareLink(dto, new Date('1999-01-01T00:00:00Z'))
          expect(link.expiresAt).toBe(isoUtc(moment))
          expect(link.expired).toBe(false)
        }
      )
    )
  })
})

describe('EMULATOR_FAULTS', () => {
  it('gives specs or a FaultSpecError for any JSON, never another error', () => {
    const field = fc.constantFrom(
      'kind',
      'method',
      'path',
      'pathRegExp',
      'count',
      'skip',
      'status',
      'retryAfter',
      'handled',
      'stallBytes',
      'to',
      'unknown'
    )
    const value = fc.oneof(
      fc.constantFrom('status', 'stall', 'redirect', 'html', 'GET', '/links', '(', 'same-origin'),
      fc.integer({ min: -5, max: 600 }),
      fc.boolean(),
      fc.constant(null),
      fc.string()
    )
    const spec = fc.dictionary(field, value, { maxKeys: 5 })
    fc.assert(
      fc.property(fc.oneof(fc.array(spec, { maxLength: 3 }), spec, fc.jsonValue()), (input) => {
        try {
          const specs = parseFaults(JSON.stringify(input))
          for (const s of specs) expect(typeof s.kind).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(FaultSpecError)
        }
      })
    )
  })

  it('round-trips every valid spec written as JSON', () => {
    const spec = fc.record(
      {
        kind: fc.constantFrom('status', 'reset-before', 'reset-after', 'stall', 'html'),
        method: fc.constantFrom('GET', 'PUT', 'POST'),
        path: fc.stringMatching(/^\/[a-z0-9/._-]{0,30}$/),
        count: fc.integer({ min: 1, max: 100 }),
        skip: fc.integer({ min: 0, max: 10 }),
        handled: fc.boolean()
      },
      { requiredKeys: ['kind'] }
    )
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 4 }), (specs) => {
        expect(parseFaults(JSON.stringify(specs))).toEqual(specs)
      })
    )
  })
})
