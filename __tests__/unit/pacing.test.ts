import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { RequestPacer } from '../../src/pacing.js'
import { classifyRateLimit, rateLimitOf } from '../../src/docspace/rate-limit.js'

// A virtual clock: sleeping moves time on at once.
function clock() {
  let now = 0
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    }
  }
}

describe('RequestPacer', () => {
  it('never starts more than its ceiling within any window', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), async (perWindow) => {
        const c = clock()
        const windowMs = 60_000
        const pacer = new RequestPacer(perWindow, windowMs, c.now, c.sleep)
        const starts: number[] = []
        const total = Math.min(perWindow * 2 + 5, 4000)
        for (let i = 0; i < total; i++) {
          await pacer.take()
          starts.push(c.now())
        }
        // The busiest window: from each start, how many start before it ends.
        let j = 0
        let busiest = 0
        for (let i = 0; i < starts.length; i++) {
          while (starts[j] <= starts[i] - windowMs) j++
          busiest = Math.max(busiest, i - j + 1)
        }
        expect(busiest).toBeLessThanOrEqual(perWindow)
      }),
      { numRuns: 30 }
    )
  })

  it('uses its ceiling: a window of requests takes about a window', async () => {
    const c = clock()
    const pacer = new RequestPacer(1200, 60_000, c.now, c.sleep)
    for (let i = 0; i < 2400; i++) await pacer.take()
    expect(c.now()).toBeGreaterThan(60_000)
    expect(c.now()).toBeLessThan(125_000)
  })

  it('lowers its ceiling, never below 1', async () => {
    const c = clock()
    const pacer = new RequestPacer(4, 1000, c.now, c.sleep)
    pacer.lower(0.75)
    expect(pacer.ceiling).toBe(3)
    for (let i = 0; i < 5; i++) pacer.lower(0.1)
    expect(pacer.ceiling).toBe(1)
  })
})

describe('which limiter refused', () => {
  const headers = (h: Record<string, string>) => ({
    get: (name: string) => h[name.toLowerCase()] ?? null
  })

  it('tells them apart by X-RateLimit-Limit, and the daily one by its Retry-After on a write', () => {
    const info = (h: Record<string, string>) => rateLimitOf(headers(h), 0)
    expect(classifyRateLimit('GET', info({ 'x-ratelimit-limit': '1500' }))).toBe('window')
    expect(classifyRateLimit('GET', info({ 'x-ratelimit-limit': '50' }))).toBe('concurrency')
    expect(classifyRateLimit('PUT', info({ 'x-ratelimit-limit': '15' }))).toBe('concurrency')
    expect(
      classifyRateLimit('PUT', info({ 'x-ratelimit-limit': '10000', 'retry-after': '3600' }))
    ).toBe('daily')
    expect(classifyRateLimit('PUT', info({ 'x-ratelimit-limit': '20', 'retry-after': '60' }))).toBe(
      'daily'
    )
    // A proxy's bare 429: treated as the window.
    expect(classifyRateLimit('GET', info({}))).toBe('window')
    expect(info({ 'retry-after': '7' }).retryAfterMs).toBe(7000)
  })
})
