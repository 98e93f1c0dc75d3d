// What may be repeated and how long to wait before repeating it.

/**
 * `not-sent`: the server did not act on the request (refused connection, 429, 503): safe to repeat even a
 * write that is not idempotent. `maybe-done`: the request may have reached the server and its outcome is
 * unknown (reset, hang-up, timeout, 502, 504). `final`: repeating cannot help.
 */
export type Safety = 'not-sent' | 'maybe-done' | 'final'

export const RETRY_AFTER_CAP_MS = 60_000

export interface HeaderSource {
  get(name: string): string | null
}

/** Full jitter: a random wait between 0 and the exponential bound of this retry (1 for the first). */
export function backoffMs(
  retry: number,
  baseMs: number,
  capMs: number,
  random: () => number
): number {
  const bound = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1))
  return Math.round(Math.min(1, Math.max(0, random())) * bound)
}

/**
 * The wait the server asked for: `Retry-After` in seconds or as an HTTP date, else DocSpace's
 * `X-RateLimit-Reset` (unix seconds, or seconds from now when small). Capped so a broken header cannot
 * stall a run.
 */
export function requestedWaitMs(headers: HeaderSource, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim()
  let wait: number | undefined
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) wait = Number(retryAfter) * 1000
    else {
      const at = Date.parse(retryAfter)
      if (!Number.isNaN(at)) wait = at - nowMs
    }
  }
  if (wait === undefined) {
    const reset = headers.get('x-ratelimit-reset')?.trim()
    if (reset && /^\d+(\.\d+)?$/.test(reset)) {
      const value = Number(reset)
      // Anything after 2001 is a timestamp; smaller numbers are a delay.
      wait = value > 1_000_000_000 ? value * 1000 - nowMs : value * 1000
    }
  }
  if (wait === undefined || !Number.isFinite(wait)) return undefined
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.round(wait)))
}

export function statusSafety(status: number): Safety {
  if (status === 429 || status === 503) return 'not-sent'
  if (status === 502 || status === 504) return 'maybe-done'
  return 'final'
}

export interface NetworkProblem {
  code: string
  safety: Safety
  /** "the connection was reset": what happened, for messages and logs. */
  what: string
  /** What the user can do, when there is more to say than "try again later". */
  hint?: string
}

const NOT_SENT: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENETDOWN: 'the network is down',
  EHOSTDOWN: 'the host is down',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)'
}

const MAYBE_DONE: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while the request was being sent',
  ECONNABORTED: 'the connection was aborted',
  ERR_STREAM_PREMATURE_CLOSE: 'the connection closed before the whole response arrived'
}

const TLS_CODE =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function syscallOf(error: unknown): string | undefined {
  const e = error as { erroredSysCall?: unknown; syscall?: unknown } | null
  const syscall = e?.erroredSysCall ?? e?.syscall
  return typeof syscall === 'string' ? syscall : undefined
}

/** Classifies an error thrown by fetch or while reading the body. Never reads its message. */
export function networkProblem(error: unknown, host: string): NetworkProblem {
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause) ?? 'EUNKNOWN'
  // The address tried, so that a wrong host or port in portal-url shows at once.
  if (code in NOT_SENT) return { code, safety: 'not-sent', what: `${NOT_SENT[code]} at ${host}` }
  if (code === 'ETIMEDOUT') {
    // A connect that timed out never carried the request; a read or write that timed out may have.
    const sent = syscallOf(error) === 'read' || syscallOf(error) === 'write'
    return {
      code,
      safety: sent ? 'maybe-done' : 'not-sent',
      what: sent ? 'the connection timed out' : 'connecting timed out'
    }
  }
  if (code === 'ENOTFOUND') {
    return {
      code,
      safety: 'final',
      what: `the host name ${host} could not be resolved`,
      hint: 'check portal-url'
    }
  }
  if (TLS_CODE.test(code)) {
    return {
      code,
      safety: 'final',
      what: `the TLS certificate of ${host} was not accepted`,
      hint:
        'check portal-url; for a portal with a private certificate authority, give the runner its ' +
        'certificate through NODE_EXTRA_CA_CERTS'
    }
  }
  if (code in MAYBE_DONE) return { code, safety: 'maybe-done', what: MAYBE_DONE[code] }
  if (code.startsWith('HPE_')) {
    return { code, safety: 'maybe-done', what: 'the response was not valid HTTP' }
  }
  if (code.startsWith('ERR_INVALID_')) {
    return { code, safety: 'final', what: 'the request could not be built' }
  }
  return { code, safety: 'maybe-done', what: 'the connection failed' }
}
