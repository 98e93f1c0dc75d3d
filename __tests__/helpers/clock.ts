// A clock the tests control, for the client's waits (backoff, Retry-After, X-RateLimit-Reset): a wait is
// recorded and passes at once, moving the clock forward by as much, so a test can assert how long the
// action chose to wait without spending that time. Request timeouts stay real: they bound real sockets.
// One end-to-end test (e2e-faults.test.ts, "waits out a 429") still proves the real wait.
export interface TestClock {
  sleep: (ms: number) => Promise<void>
  /** Wall-clock milliseconds, ahead of the real clock by every wait so far. */
  now: () => number
  /** Every wait asked for, in order. */
  waits: number[]
}

/** `onWait` runs at each wait before it passes: a test can change the world the retry will find. */
export function testClock(onWait?: (ms: number) => Promise<void> | void): TestClock {
  let ahead = 0
  const waits: number[] = []
  return {
    waits,
    now: () => Date.now() + ahead,
    sleep: async (ms) => {
      waits.push(ms)
      ahead += Math.max(0, ms)
      await onWait?.(ms)
      // Still asynchronous, so that whatever runs between two attempts does.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}
