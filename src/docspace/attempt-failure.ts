// The failure of one attempt, as the retry loop sees it: how safe it is to repeat, what to tell the user
// while retrying, and the error the caller gets if it is not repeated. Transport, redirects and envelope
// all throw it, so that the one loop in the client decides for all of them.
import { DocSpaceError } from './errors.js'
import type { Safety } from './http-retry.js'
import type { RateLimitInfo } from './rate-limit.js'

// Thrown inside one attempt; the retry loop decides whether it becomes the error the caller sees.
export class AttemptFailure {
  constructor(
    readonly safety: Safety,
    /** For the retry warning: "HTTP 503", "the connection was reset (ECONNRESET)". */
    readonly reason: string,
    readonly toError: (attempts: number, ambiguous: boolean) => DocSpaceError,
    /** The wait the server asked for. */
    readonly waitMs?: number,
    /** The server may have acted on the request even though it is not repeated. */
    readonly outcomeUnknown = safety === 'maybe-done',
    /** The HTTP status that caused it; undefined for connection errors and timeouts. */
    readonly status?: number,
    readonly rateLimit?: RateLimitInfo
  ) {}
}

export function finalFailure(error: DocSpaceError): AttemptFailure {
  return new AttemptFailure('final', error.message, () => error)
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

export function gaveUp(attempts: number): string {
  return attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''
}

export const UNKNOWN_OUTCOME =
  'it is unknown whether the portal carried it out, so it was not repeated'
