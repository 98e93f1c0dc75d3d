// What the operations and links/ see of the DocSpace client: one request method and the run's shared
// state. Typing callers against this interface, not the class, lets a decorator (the sweep's paced pool)
// stand in for the client without copying it.
import type { Connection } from '../request.js'
import type { Logger } from '../log.js'
import type { Envelope } from './types.js'
import type { RequestBudget } from './budget.js'
import type { PortalFindings } from './findings.js'
import type { RateLimitInfo } from './rate-limit.js'

export type Query = Record<string, string | number | boolean | undefined>

export type RetryMode = 'read' | 'idempotent' | 'none'

export interface RequestOptions {
  query?: Query
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown
  /**
   * A raw body (multipart form, stream, buffer) for uploads; headers must carry its content type unless
   * it is a node-fetch `FormData`. A function is called for every attempt and returns a fresh body (or a
   * promise of one), so that a stream can be re-created for a retry or a 307/308 redirect. A stream given
   * directly is sent once and never repeated.
   */
  body?: unknown
  headers?: Record<string, string>
  /**
   * `read`: safe to repeat. `idempotent`: a write that gives the same result when repeated (PUT of an
   * existing link by id). `none`: never repeated once it may have reached the server (creating a link,
   * starting an upload session): the caller gets an `ambiguous` DocSpaceError and checks the state.
   * Default: `read` for GET and HEAD, `none` otherwise.
   */
  retry?: RetryMode
  /** `envelope` (default): the DocSpace `{response, status, statusCode}` wrapper. `json`: any JSON body. */
  expect?: 'envelope' | 'json'
  /** Bound of one attempt (connect, headers and the whole body); default `connection.requestTimeoutMs`. */
  timeoutMs?: number
  /** Cancels the request, including a wait before a retry; the request then rejects with its reason. */
  signal?: AbortSignal
  /** Told before each retry's wait, so a caller running many requests can slow them all down. */
  onRetry?: (retry: RetryNotice) => void
}

export interface ApiResult<T> {
  /** `envelope.response` (or the whole JSON body with `expect: 'json'`); undefined when absent. */
  data: T | undefined
  envelope: Envelope<T>
  status: number
}

export interface RetryNotice {
  waitMs: number
  /** The HTTP status that caused the retry; undefined for connection errors and timeouts. */
  status?: number
  /** A 429's rate-limit headers. */
  rateLimit?: RateLimitInfo
  /** The method of the request retried. */
  method?: string
}

export interface DocSpaceApi {
  readonly connection: Connection
  readonly log: Logger
  /** Requests and time the step has left; one for the run, shared by every decorator of the client. */
  readonly budget: RequestBudget
  /** Listings cut short and entries of the wrong shape, reported with the run's result. */
  readonly findings: PortalFindings
  /** `path` is `/api/2.0/...` relative to the portal, or an absolute URL on the portal's origin. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<ApiResult<T>>
}
