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
  | 'network' // connection refused, reset, hang-up
  | 'timeout'
  | 'bad-response' // HTML, malformed JSON, an error envelope with a 2xx status
  | 'redirect' // a redirect that cannot be followed safely

export class DocSpaceError extends Error {
  readonly kind: ErrorKind
  readonly status?: number
  /** `PUT /api/2.0/files/file/12/links` */
  readonly endpoint: string
  /** The request reached the server and its outcome is unknown (timeout or reset after sending). */
  readonly ambiguous: boolean

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
