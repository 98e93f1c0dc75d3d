// The server's chained rate limiter, per user (DocSpace-server v3.7.2 common/ASC.Api.Core/Core/
// BaseStartup.cs L228-303, limits in common/ASC.Common/Utils/RateLimiterSettings.cs L38-41), in order:
//   1. a sliding window of 1,500 requests a minute;
//   2. a concurrency limit of 50 GETs and 15 other requests in flight, no queue;
//   3. a fixed window of 10,000 POST+PUT a day.
// It is off unless configured (the stock config has `rateLimiterOptions:enable` false). A rejection is
// a 429 with an empty body whose X-RateLimit-Limit names the limiter that refused; only the daily window
// sends Retry-After (aspnetcore-redis-rate-limiting 1.2.1, RateLimitMetadata.cs and the three
// Redis*RateLimiter.cs). 200 responses carry no rate-limit headers. A request refused by the concurrency
// or daily limiter has already taken a slot of the sliding window; one refused by the window has not.
import type { RequestContext } from './context.js'

export interface RateLimitOptions {
  /** Sliding window: at most `limit` requests per `windowMs` per user. */
  window?: { limit: number; windowMs: number }
  /** Requests in flight per user: `get` for GET (and HEAD), `write` for the rest. */
  concurrency?: { get: number; write: number }
  /** Fixed window over POST and PUT: at most `limit` per `windowMs` (a day on the server). */
  daily?: { limit: number; windowMs: number }
}

/** The server's own figures. Tests scale them down. */
export const SERVER_RATE_LIMITS: Required<RateLimitOptions> = {
  window: { limit: 1500, windowMs: 60_000 },
  concurrency: { get: 50, write: 15 },
  daily: { limit: 10_000, windowMs: 24 * 3600_000 }
}

export type LimiterName = 'window' | 'concurrency' | 'daily'

interface Partition {
  /** Times of the requests admitted within the sliding window, oldest first. */
  admitted: number[]
  reads: number
  writes: number
  dailyStart: number
  dailyCount: number
}

export class RateLimiter {
  private options: RateLimitOptions = {}
  private readonly partitions = new Map<string, Partition>()
  /** Requests refused, by the limiter that refused them. */
  readonly rejected: Record<LimiterName, number> = { window: 0, concurrency: 0, daily: 0 }

  constructor(private readonly now: () => number = Date.now) {}

  /** Turns limiters on (with these limits) or off (`undefined` or an empty object); keeps the counts. */
  configure(options: RateLimitOptions | undefined): void {
    this.options = options ?? {}
  }

  get enabled(): boolean {
    const o = this.options
    return o.window !== undefined || o.concurrency !== undefined || o.daily !== undefined
  }

  /** Forgets what each user has used (a new day, a new minute). */
  reset(): void {
    this.partitions.clear()
  }

  /**
   * Admits the request, or answers it with a 429 and returns false. An admitted request holds its
   * concurrency slot until its response closes.
   */
  admit(ctx: RequestContext): boolean {
    if (!this.enabled || !ctx.path.toLowerCase().startsWith('/api/')) return true
    const key = ctx.user?.id ?? ctx.req.socket.remoteAddress ?? 'anonymous'
    const now = this.now()
    const p = this.partitions.get(key) ?? {
      admitted: [],
      reads: 0,
      writes: 0,
      dailyStart: now,
      dailyCount: 0
    }
    this.partitions.set(key, p)
    const { window, concurrency, daily } = this.options
    if (window) {
      while (p.admitted.length > 0 && p.admitted[0] <= now - window.windowMs) p.admitted.shift()
      if (p.admitted.length >= window.limit) return this.reject(ctx, 'window', window.limit)
      p.admitted.push(now)
    }
    const read = ctx.method === 'GET' || ctx.method === 'HEAD'
    if (concurrency) {
      const limit = read ? concurrency.get : concurrency.write
      if ((read ? p.reads : p.writes) >= limit) return this.reject(ctx, 'concurrency', limit)
    }
    if (daily && (ctx.method === 'POST' || ctx.method === 'PUT')) {
      if (now - p.dailyStart >= daily.windowMs) {
        p.dailyStart = now
        p.dailyCount = 0
      }
      if (p.dailyCount >= daily.limit) {
        const retryAfter = Math.max(1, Math.ceil((p.dailyStart + daily.windowMs - now) / 1000))
        return this.reject(ctx, 'daily', daily.limit, { 'Retry-After': String(retryAfter) })
      }
      p.dailyCount++
    }
    if (concurrency) {
      if (read) p.reads++
      else p.writes++
      let released = false
      ctx.res.on('close', () => {
        if (released) return
        released = true
        if (read) p.reads--
        else p.writes--
      })
    }
    return true
  }

  private reject(
    ctx: RequestContext,
    limiter: LimiterName,
    limit: number,
    extra: Record<string, string> = {}
  ): false {
    this.rejected[limiter]++
    ctx.send({
      kind: 'raw',
      statusCode: 429,
      headers: { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0', ...extra }
    })
    return false
  }
}
