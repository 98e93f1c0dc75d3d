import { describe, expect, it } from '@jest/globals'
import { settleEach, TaskPool } from '../../src/concurrency.js'

function deferred<T = void>(): {
  promise: Promise<T>
  resolve: (v: T) => void
  reject: (e: unknown) => void
} {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('TaskPool', () => {
  it('never runs more than its limit at once, and runs everything', async () => {
    const pool = new TaskPool(3)
    let running = 0
    let peak = 0
    const done: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pool.run(async () => {
          running++
          peak = Math.max(peak, running)
          await sleep(1 + (i % 4))
          running--
          done.push(i)
          return i
        })
      )
    )
    expect(peak).toBe(3)
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(pool.active).toBe(0)
    expect(pool.pending).toBe(0)
  })

  it('starts queued tasks in the order they were given', async () => {
    const pool = new TaskPool(1)
    const order: number[] = []
    await Promise.all([1, 2, 3, 4].map((n) => pool.run(async () => void order.push(n))))
    expect(order).toEqual([1, 2, 3, 4])
  })

  it('passes results and errors through, and frees the slot after a failure', async () => {
    const pool = new TaskPool(1)
    await expect(pool.run(async () => 42)).resolves.toBe(42)
    await expect(
      pool.run(async () => {
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    // A task that throws before returning a promise.
    await expect(
      pool.run((() => {
        throw new Error('sync')
      }) as () => Promise<never>)
    ).rejects.toThrow('sync')
    await expect(pool.run(async () => 'after')).resolves.toBe('after')
    expect(pool.active).toBe(0)
  })

  it('holds back every new task while paused, and lets running ones finish', async () => {
    const pool = new TaskPool(4)
    const gate = deferred()
    const running = pool.run(() => gate.promise.then(() => 'first'))
    await tick()
    expect(pool.active).toBe(1)
    const pausedAt = Date.now()
    pool.pause(120)
    expect(pool.paused).toBe(true)
    let startedAt = 0
    const later = Array.from({ length: 3 }, () =>
      pool.run(async () => {
        startedAt = startedAt || Date.now()
        return 'later'
      })
    )
    await sleep(40)
    expect(startedAt).toBe(0)
    expect(pool.pending).toBe(3)
    gate.resolve()
    await expect(running).resolves.toBe('first')
    await expect(Promise.all(later)).resolves.toEqual(['later', 'later', 'later'])
    expect(startedAt - pausedAt).toBeGreaterThanOrEqual(110)
    expect(pool.paused).toBe(false)
  })

  it('never lets a shorter pause cut a longer one short', async () => {
    let clock = 1000
    const pool = new TaskPool(1, { now: () => clock })
    pool.pause(500)
    pool.pause(100)
    clock = 1200
    expect(pool.paused).toBe(true)
    clock = 1501
    expect(pool.paused).toBe(false)
  })

  it('ignores pauses that are not positive', () => {
    const pool = new TaskPool(1)
    pool.pause(0)
    pool.pause(-5)
    pool.pause(Number.NaN)
    expect(pool.paused).toBe(false)
  })

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new TaskPool(0)).toThrow('positive whole number')
    expect(() => new TaskPool(1.5)).toThrow('positive whole number')
  })

  it('handles a long queue without losing tasks', async () => {
    const pool = new TaskPool(2)
    const results = await Promise.all(
      Array.from({ length: 5000 }, (_, i) => pool.run(async () => i))
    )
    expect(results.reduce((a, b) => a + b, 0)).toBe((4999 * 5000) / 2)
  })
})

describe('settleEach', () => {
  it('settles every item in order, bounded, and a failure does not stop the rest', async () => {
    let running = 0
    let peak = 0
    const settled = await settleEach([1, 2, 3, 4, 5, 6], 2, async (n) => {
      running++
      peak = Math.max(peak, running)
      await sleep(2)
      running--
      if (n === 3) throw new Error('three')
      return n * 10
    })
    expect(peak).toBe(2)
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : 'failed'))).toEqual([
      10,
      20,
      'failed',
      40,
      50,
      60
    ])
  })

  it('accepts an empty list', async () => {
    await expect(settleEach([], 4, async () => 1)).resolves.toEqual([])
  })
})
