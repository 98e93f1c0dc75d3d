import type { RateLimitInfo } from './rate-limit.js'

// One error type for everything that can go wrong talking to the portal. Messages name the endpoint
// (method and path, never the query or a token) and say what to do; they never contain a secret.

export type ErrorKind =
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'bad-request' // 400
  | 'payment-required' // 402: the plan lacks an option, or a quota
  | 'unsupported' // 415
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'network' // connection refused, reset, hang-up, DNS, TLS; a proxy that wants credentials (407)
  | 'timeout'
  | 'bad-response' // HTML, malformed or empty JSON, an error envelope with a 2xx status and no error code
  | 'redirect' // a redirect that cannot be followed safely, or a URL off the portal's origin
  | 'limit' // the step's request count or deadline is spent (max-requests, step-timeout)

export class DocSpaceError extends Error {
  readonly kind: ErrorKind
  readonly status?: number
  /** `PUT /api/2.0/files/file/12/links` */
  readonly endpoint: string
  /**
   * The request may have reached the server and its outcome is unknown (timeout, reset or 502/504 after
   * sending, or a 2xx whose body cannot be read): set for writes only, which the client then never
   * repeats on its own when they are not idempotent.
   */
  readonly ambiguous: boolean
  /** A 429's rate-limit headers: which limiter refused, and the wait it asked for. */
  rateLimit?: RateLimitInfo

  constructor(
    kind: ErrorKind,
    endpoint: string,
    message: string,
    options: { status?: number; ambiguous?: boolean; cause?: unknown } = {}
  ) {
    super(message, { cause: options.cause })
    this.name = 'DocSpaceError'
    this.kind = kind
    this.endpoint = endpoint
    this.status = options.status
    this.ambiguous = options.ambiguous ?? false
  }
}
