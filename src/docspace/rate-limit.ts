// What a 429 says about the limiter that refused it. DocSpace chains three limiters per user and answers
// each refusal with an empty 429 whose X-RateLimit-Limit is that limiter's limit: 1500 (requests a
// minute, sliding), 50 or 15 (GETs or writes in flight), 10000 (POST+PUT a day). Only the daily one sends
// Retry-After. A 200 carries no rate-limit headers at all, so nothing can be read ahead of a refusal.

import type { HeaderSource } from './http-retry.js'

export interface RateLimitInfo {
  /** X-RateLimit-Limit, when sent. */
  limit?: number
  /** Retry-After in milliseconds (uncapped), when sent. */
  retryAfterMs?: number
}

/** window: the per-minute budget; concurrency: too many in flight; daily: the day's writes are used up. */
export type RateLimiterKind = 'window' | 'concurrency' | 'daily'

/** The largest in-flight limit the server sets (50 GETs); per-minute and daily limits are larger. */
const MAX_CONCURRENCY_LIMIT = 50
const SERVER_WINDOW_LIMIT = 1500
const SERVER_DAILY_LIMIT = 10_000

export function rateLimitOf(headers: HeaderSource, nowMs: number): RateLimitInfo {
  const info: RateLimitInfo = {}
  const limit = headers.get('x-ratelimit-limit')?.trim()
  if (limit && /^\d+$/.test(limit)) info.limit = Number(limit)
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) info.retryAfterMs = Number(retryAfter) * 1000
    else {
      const at = Date.parse(retryAfter)
      if (!Number.isNaN(at)) info.retryAfterMs = Math.max(0, at - nowMs)
    }
  }
  return info
}

/**
 * Which limiter refused: by the server's own figures first (1500, 10000); otherwise (limits set
 * differently) the daily window is the only one that limits writes alone and sends Retry-After, and
 * in-flight limits are small numbers. Anything else (a proxy's 429 without headers included) is treated
 * as the per-minute window.
 */
export function classifyRateLimit(method: string, info: RateLimitInfo): RateLimiterKind {
  const write = method !== 'GET' && method !== 'HEAD'
  if (info.limit === SERVER_DAILY_LIMIT) return 'daily'
  if (info.limit === SERVER_WINDOW_LIMIT) return 'window'
  if (write && info.retryAfterMs !== undefined && info.limit !== undefined) return 'daily'
  if (info.limit !== undefined && info.limit <= MAX_CONCURRENCY_LIMIT) return 'concurrency'
  return 'window'
}
