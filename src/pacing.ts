// Pacing a long run of requests under the portal's per-user limits. DocSpace counts every request of
// the user (all of their keys and browser sessions) against 1,500 a minute, 50 GETs / 15 writes in
// flight and 10,000 POST+PUT a day, and a 200 says nothing about what is left. So the client keeps its
// own ceiling below the per-minute limit, runs every request through one bounded pool, and reads each
// 429's X-RateLimit-Limit to tell the limiters apart: the per-minute and in-flight limits slow the whole
// pool down; the daily one stops every further write at once, since waiting for it is not an option.
import { TaskPool } from './concurrency.js'
import type { ApiResult, DocSpaceApi, RequestOptions, RetryNotice } from './docspace/api.js'
import { PacedClient } from './paced-client.js'
import { DocSpaceError } from './docspace/errors.js'
import {
  classifyRateLimit,
  type RateLimitInfo,
  type RateLimiterKind
} from './docspace/rate-limit.js'

export interface PacingSettings {
  /** Length of the server's sliding window: a minute. */
  windowMs: number
  /** The client's own ceiling on requests per window. */
  requestsPerWindow: number
  /** Requests in flight at most. */
  concurrency: number
  /**
   * First pause after a per-minute 429 (which carries no Retry-After); each further one in a row doubles
   * it, up to the window. Jittered up to twice as long.
   */
  windowPauseMs: number
  /** Pause after an in-flight 429, jittered up to twice as long. */
  concurrencyPauseMs: number
  /** Time the whole run may spend paused by 429s; past it a refused request fails instead of waiting. */
  maxTotalPauseMs: number
  random: () => number
  now: () => number
  sleep: (ms: number) => Promise<void>
}

export const DEFAULT_PACING: Omit<PacingSettings, 'requestsPerWindow' | 'concurrency'> = {
  windowMs: 60_000,
  windowPauseMs: 5_000,
  concurrencyPauseMs: 1_000,
  maxTotalPauseMs: 10 * 60_000,
  random: Math.random,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * A token bucket that never lets more than `perWindow` requests start within any window: it holds a
 * small burst (a second's worth) and refills with the rest spread evenly over the window.
 */
export class RequestPacer {
  private perWindow: number
  private burst = 1
  private ratePerMs = 0
  private tokens: number
  private last: number
  private queue: Promise<void> = Promise.resolve()

  constructor(
    perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>
  ) {
    this.perWindow = perWindow
    this.configure(perWindow)
    this.tokens = this.burst
    this.last = now()
  }

  /** Requests per window allowed now. */
  get ceiling(): number {
    return this.perWindow
  }

  /** Lowers the ceiling (after the portal said the user's window is full); never below 1. */
  lower(factor: number): void {
    this.refill()
    this.configure(Math.max(1, Math.floor(this.perWindow * factor)))
    this.tokens = Math.min(this.tokens, this.burst)
  }

  /** Resolves when the next request may start; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.acquire())
    this.queue = turn.catch(() => undefined)
    return turn
  }

  private configure(perWindow: number): void {
    this.perWindow = perWindow
    this.burst = Math.max(1, Math.min(perWindow, Math.floor((perWindow * 1000) / this.windowMs)))
    this.ratePerMs = Math.max(perWindow - this.burst, 1) / this.windowMs
  }

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerMs)
    this.last = now
  }

  private async acquire(): Promise<void> {
    // Bounded: each round waits for the token that is missing, which then has arrived.
    for (let round = 0; round < 1000; round++) {
      this.refill()
      if (this.tokens >= 1) {
        this.tokens -= 1
        return
      }
      await this.sleep(Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerMs)))
    }
  }
}

/** The portal's daily budget of writes is used up: no further write is sent in this run. */
export class DailyBudgetError extends Error {
  constructor(readonly retryAfterMs: number | undefined) {
    super(
      "the portal's daily budget of writes for this user is used up (HTTP 429)" +
        (retryAfterMs === undefined ? '' : `; it resets in ${formatWait(retryAfterMs)}`)
    )
    this.name = 'DailyBudgetError'
  }
}

function formatWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000)
  return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`
}

// The reason a request is cancelled with when the client met a 429 and was about to retry on its own:
// the governor decides instead, for the whole pool.
class RateLimitHit {
  constructor(
    readonly method: string,
    readonly info: RateLimitInfo,
    readonly error?: DocSpaceError
  ) {}
}

export interface PacingStats {
  /** Requests sent, retries included. */
  requests: number
  /** 429s met, by the limiter that refused. */
  refused: Record<RateLimiterKind, number>
  /** Time spent paused by 429s. */
  pausedMs: number
}

export type PauseListener = (kind: RateLimiterKind, ms: number) => void

/**
 * Runs every request of a long operation through one pool, under the client-side ceiling, and turns the
 * portal's 429s into pool-wide slow-downs (per-minute and in-flight limits) or a stop of all writes
 * (daily budget).
 */
export class RequestGovernor {
  readonly pool: TaskPool
  readonly pacer: RequestPacer
  readonly stats: PacingStats = {
    requests: 0,
    refused: { window: 0, concurrency: 0, daily: 0 },
    pausedMs: 0
  }
  /** Set once the daily budget refused a write. */
  writesStopped: DailyBudgetError | undefined
  private windowStreak = 0
  private successes = 0

  constructor(
    private readonly settings: PacingSettings,
    private readonly onPause: PauseListener = () => undefined
  ) {
    this.pool = new TaskPool(Math.max(1, settings.concurrency))
    this.pacer = new RequestPacer(
      settings.requestsPerWindow,
      settings.windowMs,
      settings.now,
      settings.sleep
    )
  }

  /** The same client with every request paced and pooled. */
  wrap(client: DocSpaceApi): DocSpaceApi {
    return new PacedClient(client, this)
  }

  /** Sends one request of `client` through the pool, under the ceiling; `method` in upper case. */
  async request<T>(
    client: DocSpaceApi,
    method: string,
    path: string,
    options: RequestOptions
  ): Promise<ApiResult<T>> {
    const write = method !== 'GET' && method !== 'HEAD'
    // Bounded by the pause budget: every round that goes on has paused at least once.
    for (let round = 1; ; round++) {
      if (write && this.writesStopped) throw this.writesStopped
      const controller = new AbortController()
      const signal = options.signal
        ? AbortSignal.any([options.signal, controller.signal])
        : controller.signal
      const onRetry = (retry: RetryNotice): void => {
        options.onRetry?.(retry)
        if (retry.status === 429) controller.abort(new RateLimitHit(method, retry.rateLimit ?? {}))
        else this.stats.requests++
      }
      let hit: RateLimitHit
      try {
        const result = await this.pool.run(async () => {
          // Writes queued before the daily budget ran out are not sent either.
          if (write && this.writesStopped) throw this.writesStopped
          await this.pacer.take()
          this.stats.requests++
          return client.request<T>(method, path, { ...options, signal, onRetry })
        })
        this.succeeded()
        return result
      } catch (error) {
        if (error instanceof DailyBudgetError) throw error
        if (error instanceof RateLimitHit) hit = error
        else if (error instanceof DocSpaceError && error.kind === 'rate-limited') {
          hit = new RateLimitHit(method, error.rateLimit ?? {}, error)
        } else throw error
      }
      const kind = classifyRateLimit(method, hit.info)
      this.stats.refused[kind]++
      if (kind === 'daily') {
        this.writesStopped ??= new DailyBudgetError(hit.info.retryAfterMs)
        if (write) throw this.writesStopped
      }
      const pause = this.pauseFor(kind, hit.info)
      if (this.stats.pausedMs + pause > this.settings.maxTotalPauseMs) {
        throw (
          hit.error ??
          new DocSpaceError(
            'rate-limited',
            `${method} ${path.split('?')[0]}`,
            `${method} ${path.split('?')[0]}: the portal's rate limit (HTTP 429) held the run back ` +
              `longer than ${formatWait(this.settings.maxTotalPauseMs)} in all; gave up after ${round} rounds`,
            { status: 429 }
          )
        )
      }
      this.stats.pausedMs += pause
      this.pool.pause(pause)
      this.onPause(kind, pause)
    }
  }

  // Per-minute: wait for the window to move on and lower the ceiling, since someone else is using the
  // same user's budget. In flight: fewer at once, retry soon.
  // A wait the portal (or a proxy in front of it) named is honoured, up to a window.
  private pauseFor(kind: RateLimiterKind, info: RateLimitInfo): number {
    const jitter = 1 + this.settings.random()
    if (info.retryAfterMs !== undefined) {
      if (kind === 'window') this.pacer.lower(0.75)
      return Math.min(this.settings.windowMs, Math.max(1, Math.round(info.retryAfterMs)))
    }
    if (kind === 'concurrency') {
      this.pool.resize(Math.max(1, Math.floor(this.pool.limit / 2)))
      return Math.round(this.settings.concurrencyPauseMs * jitter)
    }
    this.pacer.lower(0.75)
    const base = Math.min(
      this.settings.windowMs,
      this.settings.windowPauseMs * 2 ** Math.min(this.windowStreak, 10)
    )
    this.windowStreak++
    return Math.min(this.settings.windowMs, Math.round(base * jitter))
  }

  // The pool grows back one slot per 20 answers after an in-flight 429 shrank it.
  private succeeded(): void {
    this.windowStreak = 0
    this.successes++
    if (this.pool.limit < this.settings.concurrency && this.successes % 20 === 0) {
      this.pool.resize(this.pool.limit + 1)
    }
  }
}
