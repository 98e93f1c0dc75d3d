import { performance } from 'node:perf_hooks'
import fetch from 'node-fetch'
import type { BodyInit, RequestInit } from 'node-fetch'
import type { Connection } from '../request.js'
import type { Logger } from '../log.js'
import { silentLogger } from '../log.js'
import type { Envelope } from './types.js'
import { DocSpaceError } from './errors.js'
import { makeScrub, secretsInBody, type Scrub } from '../scrub.js'
import { scrubSecrets } from '../secrets.js'
import {
  backoffMs,
  networkProblem,
  requestedWaitMs,
  statusSafety,
  type HeaderSource,
  type Safety
} from './http-retry.js'
import {
  badBody,
  isRecord,
  notAnEnvelope,
  parseBody,
  serverMessageOf,
  statusError
} from './http-response.js'
import { ProxyConfigError, proxyRouteFor, type ProxyRoute } from './proxy.js'
import { RequestBudget } from './budget.js'
import { PortalFindings } from './findings.js'
import { BodyTooLarge, MAX_RESPONSE_BYTES, mib, readBodyCapped } from './http-body.js'
import { rateLimitOf, type RateLimitInfo } from './rate-limit.js'

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

/** Seams for tests; production uses the defaults. */
export interface ClientOptions {
  sleep?: (ms: number) => Promise<void>
  /** In [0, 1): the jitter of the backoff. */
  random?: () => number
  /** Wall clock in ms, for `Retry-After` dates and `X-RateLimit-Reset`. */
  now?: () => number
  backoffBaseMs?: number
  maxBackoffMs?: number
  fetchImpl?: typeof fetch
  /** The largest response body read (default MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number
}

const USER_AGENT = 'docspace-share-links-action'
const MAX_REDIRECTS = 5
const DEFAULT_TIMEOUT_MS = 30_000
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

// Thrown inside one attempt; the retry loop decides whether it becomes the error the caller sees.
class AttemptFailure {
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

function finalFailure(error: DocSpaceError): AttemptFailure {
  return new AttemptFailure('final', error.message, () => error)
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function gaveUp(attempts: number): string {
  return attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''
}

const UNKNOWN_OUTCOME = 'it is unknown whether the portal carried it out, so it was not repeated'

function isSingleUse(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false
  const b = body as { pipe?: unknown; getReader?: unknown; [Symbol.asyncIterator]?: unknown }
  return (
    typeof b.pipe === 'function' ||
    typeof b.getReader === 'function' ||
    typeof b[Symbol.asyncIterator] === 'function'
  )
}

// Produces the request body for each attempt and knows whether it can be produced again.
class BodySource {
  private sent = false

  constructor(private readonly options: RequestOptions) {}

  get present(): boolean {
    return this.options.json !== undefined || this.options.body !== undefined
  }

  get isJson(): boolean {
    return this.options.json !== undefined
  }

  canSendAgain(): boolean {
    const body = this.options.body
    return !this.sent || typeof body === 'function' || !isSingleUse(body)
  }

  async next(): Promise<BodyInit | undefined> {
    this.sent = true
    if (this.options.json !== undefined) return JSON.stringify(this.options.json)
    const body = this.options.body
    if (typeof body === 'function') return (await (body as () => unknown)()) as BodyInit
    return body as BodyInit | undefined
  }
}

interface Call {
  verb: string
  endpoint: string
  url: URL
  options: RequestOptions
  body: BodySource
  scrub: Scrub
  attempt: number
  attempts: number
}

interface Exchange {
  status: number
  headers: HeaderSource
  text: string
  proxy?: string
}

export class DocSpaceClient {
  private readonly portal: URL
  private readonly base: string
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly now: () => number
  private readonly backoffBaseMs: number
  private readonly maxBackoffMs: number
  private readonly fetchImpl: typeof fetch
  private readonly maxResponseBytes: number
  /** Requests and time the step has left; shared by every copy of the client (pooled clients too). */
  readonly budget: RequestBudget
  /** Listings cut short and entries of the wrong shape, reported with the run's result. */
  readonly findings: PortalFindings

  constructor(
    readonly connection: Connection,
    readonly log: Logger = silentLogger,
    options: ClientOptions = {}
  ) {
    this.portal = new URL(connection.portalUrl)
    this.base = `${this.portal.origin}${this.portal.pathname.replace(/\/+$/, '')}`
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.random = options.random ?? Math.random
    this.now = options.now ?? Date.now
    this.backoffBaseMs = options.backoffBaseMs ?? 500
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000
    this.fetchImpl = options.fetchImpl ?? fetch
    this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES
    this.findings = new PortalFindings(log)
    this.budget = new RequestBudget(
      { maxRequests: connection.maxRequests, timeoutMs: connection.stepTimeoutMs },
      this.now
    )
  }

  /** `path` is `/api/2.0/...` relative to the portal, or an absolute URL on the portal's origin. */
  async request<T>(
    method: string,
    path: string,
    options: RequestOptions = {}
  ): Promise<ApiResult<T>> {
    const verb = method.toUpperCase()
    const auth = this.connection.auth
    const own = makeScrub([
      auth.kind === 'api-key' ? auth.apiKey : auth.authToken,
      ...secretsInBody(options.json)
    ])
    // A link password seen earlier in the run may come back in the answer to another request.
    const scrub: Scrub = (text) => scrubSecrets(own(text))
    const url = this.resolve(verb, path, options.query)
    const endpoint = `${verb} ${url.pathname}`
    try {
      if (originOf(url) !== originOf(this.portal)) {
        throw new DocSpaceError(
          'redirect',
          endpoint,
          `${endpoint}: refusing to send the credentials to ${originOf(url)}, which is not the portal's ` +
            `origin ${originOf(this.portal)}: check portal-url`
        )
      }
      return await this.withRetries<T>(verb, endpoint, url, options, scrub)
    } catch (error) {
      throw this.sanitised(error, endpoint, scrub, options.signal)
    }
  }

  private resolve(verb: string, path: string, query: Query | undefined): URL {
    let url: URL
    try {
      url = /^[a-z][a-z0-9+.-]*:/i.test(path)
        ? new URL(path)
        : new URL(`${this.base}/${path.replace(/^\/+/, '')}`)
    } catch {
      const shown = path.split('?')[0]
      throw new DocSpaceError(
        'bad-request',
        `${verb} ${shown}`,
        `${verb} ${shown} is not a valid URL`
      )
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    return url
  }

  // The caller only ever sees a DocSpaceError (or the reason of its own signal), scrubbed of secrets.
  private sanitised(
    error: unknown,
    endpoint: string,
    scrub: Scrub,
    signal: AbortSignal | undefined
  ): unknown {
    if (signal?.aborted && error === signal.reason) return error
    if (error instanceof DocSpaceError) {
      error.message = scrub(error.message)
      return error
    }
    // Not from fetch (whose errors are classified by then): a body factory or a bug. Its message may
    // quote a URL, so only the origin of any URL is kept.
    const detail = error instanceof Error ? error.message : String(error)
    const safe = detail.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (match) => {
      try {
        return originOf(new URL(match))
      } catch {
        return '(a URL)'
      }
    })
    return new DocSpaceError('network', endpoint, scrub(`${endpoint}: the request failed: ${safe}`))
  }

  private async withRetries<T>(
    verb: string,
    endpoint: string,
    url: URL,
    options: RequestOptions,
    scrub: Scrub
  ): Promise<ApiResult<T>> {
    const mode: RetryMode = options.retry ?? (verb === 'GET' || verb === 'HEAD' ? 'read' : 'none')
    const attempts = 1 + Math.max(0, Math.floor(this.connection.maxRetries) || 0)
    const body = new BodySource(options)
    for (let attempt = 1; ; attempt++) {
      let failure: AttemptFailure
      try {
        return await this.attempt<T>({
          verb,
          endpoint,
          url,
          options,
          body,
          scrub,
          attempt,
          attempts
        })
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error
        failure = error
      }
      const ambiguous = failure.outcomeUnknown && mode !== 'read'
      const repeatable =
        failure.safety === 'not-sent' || (failure.safety === 'maybe-done' && mode !== 'none')
      if (!repeatable || attempt >= attempts || !body.canSendAgain()) {
        throw failure.toError(attempt, ambiguous)
      }
      const wait =
        failure.waitMs ?? backoffMs(attempt, this.backoffBaseMs, this.maxBackoffMs, this.random)
      const left = this.budget.remainingMs()
      if (left !== undefined && wait >= left) throw failure.toError(attempt, ambiguous)
      this.log.warning(
        scrub(
          `${endpoint}: ${failure.reason}, retrying in ${seconds(wait)} ` +
            `(attempt ${attempt + 1} of ${attempts})`
        )
      )
      options.onRetry?.({
        waitMs: wait,
        status: failure.status,
        rateLimit: failure.rateLimit,
        method: verb
      })
      await this.pause(wait, options.signal)
    }
  }

  private async pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (!signal) return this.sleep(ms)
    signal.throwIfAborted()
    let onAbort = (): void => undefined
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason)
      signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      await Promise.race([this.sleep(ms), aborted])
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  // One attempt: the request and the same-origin redirects it leads to.
  private async attempt<T>(call: Call): Promise<ApiResult<T>> {
    let url = call.url
    let verb = call.verb
    let withBody = call.body.present
    for (let hop = 0; ; hop++) {
      const exchange = await this.exchange(call, url, verb, withBody)
      if (!REDIRECT_STATUSES.has(exchange.status) || exchange.headers.get('location') === null) {
        return this.interpret<T>(call, exchange)
      }
      const next = this.redirectTarget(call, exchange, url, verb, hop)
      this.log.debug(call.scrub(`${call.endpoint}: redirected to ${next.pathname}`))
      // 303, and 301/302 of a GET or HEAD, are repeated without a body; 307/308 keep method and body.
      if (exchange.status === 303) {
        verb = verb === 'HEAD' ? 'HEAD' : 'GET'
        withBody = false
      } else if (exchange.status === 301 || exchange.status === 302) {
        withBody = false
      }
      url = next
    }
  }

  private redirectTarget(
    call: Call,
    exchange: Exchange,
    from: URL,
    verb: string,
    hop: number
  ): URL {
    const { endpoint } = call
    const status = exchange.status
    const fail = (message: string, kind: 'redirect' | 'bad-response' = 'redirect'): never => {
      throw finalFailure(new DocSpaceError(kind, endpoint, message, { status }))
    }
    let next: URL
    try {
      next = new URL(exchange.headers.get('location') ?? '', from)
    } catch {
      return fail(
        `${endpoint} answered HTTP ${status} with an invalid redirect location`,
        'bad-response'
      )
    }
    if (originOf(next) !== originOf(this.portal)) {
      // Only the origin: the path or query of the target may carry anything.
      return fail(
        `${endpoint}: the portal redirected (HTTP ${status}) to another origin, ${originOf(next)}, ` +
          "and the credentials are not sent there: check portal-url (it should be the portal's own " +
          'address, with https:// and the right host and port)'
      )
    }
    if (hop >= MAX_REDIRECTS) {
      return fail(`${endpoint}: more than ${MAX_REDIRECTS} redirects: check portal-url`)
    }
    if ((status === 301 || status === 302) && verb !== 'GET' && verb !== 'HEAD') {
      // Following would turn the write into a GET (what browsers do) and report a success that did nothing.
      return fail(
        `${endpoint}: the portal redirected the request (HTTP ${status}) to ${next.pathname}, and a ` +
          `${verb} is not repeated after such a redirect: check portal-url`
      )
    }
    if ((status === 307 || status === 308) && call.body.present && !call.body.canSendAgain()) {
      return fail(
        `${endpoint}: the portal redirected the request (HTTP ${status}) and its body cannot be sent ` +
          'again: check portal-url'
      )
    }
    return next
  }

  private async headersFor(call: Call, withBody: boolean): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json' }
    for (const [name, value] of Object.entries(call.options.headers ?? {})) {
      headers[name.toLowerCase()] = value
    }
    if (withBody && call.body.isJson) headers['content-type'] = 'application/json'
    if (!withBody) {
      delete headers['content-type']
      delete headers['content-length']
    }
    const auth = this.connection.auth
    if (auth.kind === 'api-key') headers.authorization = `Bearer ${auth.apiKey}`
    else headers.cookie = `asc_auth_key=${auth.authToken}`
    headers['user-agent'] = USER_AGENT
    return headers
  }

  // One HTTP exchange, bounded by the timeout from connect to the last byte of the body.
  private async exchange(call: Call, url: URL, verb: string, withBody: boolean): Promise<Exchange> {
    const { endpoint, options, scrub } = call
    let route: ProxyRoute | undefined
    try {
      route = await proxyRouteFor(url)
    } catch (error) {
      if (!(error instanceof ProxyConfigError)) throw error
      throw finalFailure(new DocSpaceError('network', endpoint, `${endpoint}: ${error.message}`))
    }
    const via = route ? ` via the proxy ${route.display}` : ''
    const requestTimeoutMs =
      options.timeoutMs && options.timeoutMs > 0
        ? options.timeoutMs
        : this.connection.requestTimeoutMs > 0
          ? this.connection.requestTimeoutMs
          : DEFAULT_TIMEOUT_MS
    try {
      this.budget.take(endpoint)
    } catch (error) {
      if (!(error instanceof DocSpaceError)) throw error
      throw finalFailure(error)
    }
    // The step's deadline shortens the last request rather than letting it run past.
    const left = this.budget.remainingMs()
    const cutByDeadline = left !== undefined && left < requestTimeoutMs
    const timeoutMs = cutByDeadline ? Math.max(1, left) : requestTimeoutMs
    const init: RequestInit = {
      method: verb,
      headers: await this.headersFor(call, withBody),
      body: withBody ? await call.body.next() : undefined,
      redirect: 'manual',
      agent: route?.agent
    }
    const controller = new AbortController()
    init.signal = controller.signal
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const external = options.signal
    const cancel = (): void => controller.abort()
    external?.addEventListener('abort', cancel, { once: true })
    if (external?.aborted) controller.abort()
    let status = 0
    const started = performance.now()
    const took = (): string => `${Math.round(performance.now() - started)} ms`
    const line = (outcome: string): void =>
      this.log.debug(
        scrub(
          `${verb} ${url.pathname}${via}: ${outcome} in ${took()} (attempt ${call.attempt} of ${call.attempts})`
        )
      )
    try {
      const response = await this.fetchImpl(url.href, init)
      status = response.status
      const text = await readBodyCapped(response, this.maxResponseBytes, () => controller.abort())
      line(`HTTP ${response.status}`)
      return { status: response.status, headers: response.headers, text, proxy: route?.display }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        line(`HTTP ${status}, body cut off past ${mib(error.limit)}`)
        throw this.tooLarge(endpoint, status, error.limit)
      }
      if (external?.aborted) throw external.reason
      if (timedOut && cutByDeadline) {
        line('stopped at the step deadline')
        throw finalFailure(this.budget.deadlineError(endpoint))
      }
      if (timedOut) {
        line(`timed out after ${seconds(timeoutMs)}`)
        throw new AttemptFailure(
          'maybe-done',
          `timed out after ${seconds(timeoutMs)}`,
          (n, ambiguous) =>
            new DocSpaceError(
              'timeout',
              endpoint,
              `${endpoint}: no complete answer within ${seconds(timeoutMs)}${via}` +
                (ambiguous
                  ? `; ${UNKNOWN_OUTCOME}`
                  : '; raise request-timeout or check the portal') +
                gaveUp(n),
              { ambiguous }
            )
        )
      }
      const problem = networkProblem(error, hostAndPort(url))
      const what = `${problem.what} (${problem.code})`
      line(what)
      throw new AttemptFailure(
        problem.safety,
        what,
        (n, ambiguous) =>
          new DocSpaceError(
            'network',
            endpoint,
            `${endpoint}: ${what}${via}` +
              (ambiguous
                ? `; ${UNKNOWN_OUTCOME}`
                : `; ${problem.hint ?? 'check portal-url and the network'}`) +
              gaveUp(n),
            { ambiguous }
          )
      )
    } finally {
      clearTimeout(timer)
      external?.removeEventListener('abort', cancel)
    }
  }

  // Never retried: a portal that sent so much once will do it again, and each try costs the whole bound.
  private tooLarge(endpoint: string, status: number, limit: number): AttemptFailure {
    const written = status >= 200 && status < 300
    return new AttemptFailure(
      'final',
      `an answer over ${mib(limit)}`,
      (_, ambiguous) =>
        new DocSpaceError(
          'bad-response',
          endpoint,
          `${endpoint} answered HTTP ${status} with a body over ${mib(limit)}, far more than any ` +
            'DocSpace answer: it was cut off and not retried; check portal-url and any proxy in front ' +
            `of the portal${ambiguous ? `; ${UNKNOWN_OUTCOME}` : ''}`,
          { status, ambiguous }
        ),
      undefined,
      written
    )
  }

  private interpret<T>(call: Call, exchange: Exchange): ApiResult<T> {
    const { endpoint } = call
    const { status } = exchange
    const body = parseBody(exchange.text, exchange.headers.get('content-type'))
    const auth = this.connection.auth.kind
    if (status < 200 || status >= 300) {
      const serverMessage = serverMessageOf(body)
      const waitMs =
        status === 429 || status === 503 ? requestedWaitMs(exchange.headers, this.now()) : undefined
      const rateLimit = status === 429 ? rateLimitOf(exchange.headers, this.now()) : undefined
      throw new AttemptFailure(
        statusSafety(status),
        `HTTP ${status}`,
        (attempts, ambiguous) => {
          const error = statusError({
            status,
            endpoint,
            serverMessage,
            auth,
            proxy: exchange.proxy,
            attempts,
            ambiguous
          })
          if (rateLimit) error.rateLimit = rateLimit
          return error
        },
        waitMs,
        undefined,
        status,
        rateLimit
      )
    }
    if (status === 204 || call.verb === 'HEAD') return { data: undefined, envelope: {}, status }
    // A 2xx that cannot be read may still have done what was asked: final, but ambiguous for a write.
    const unreadable = (make: (ambiguous: boolean) => DocSpaceError): AttemptFailure =>
      new AttemptFailure(
        'final',
        `HTTP ${status}`,
        (_, ambiguous) => make(ambiguous),
        undefined,
        true
      )
    if (body.kind !== 'json') {
      throw unreadable((ambiguous) => badBody(endpoint, status, body, ambiguous))
    }
    if (call.options.expect === 'json') {
      const envelope = (isRecord(body.value) ? body.value : {}) as Envelope<T>
      return { data: body.value as T, envelope, status }
    }
    const value = body.value
    if (
      !isRecord(value) ||
      !('status' in value || 'statusCode' in value || 'response' in value || 'error' in value)
    ) {
      throw unreadable((ambiguous) => notAnEnvelope(endpoint, status, ambiguous))
    }
    const envelope = value as Envelope<T>
    if (envelope.status === 1 || envelope.error !== undefined) {
      const reported = typeof envelope.statusCode === 'number' ? envelope.statusCode : 0
      const serverMessage = serverMessageOf(body)
      if (reported >= 400) {
        throw finalFailure(
          statusError({
            status: reported,
            endpoint,
            serverMessage,
            auth,
            attempts: 1,
            ambiguous: false
          })
        )
      }
      throw finalFailure(
        new DocSpaceError(
          'bad-response',
          endpoint,
          `${endpoint} answered HTTP ${status} but reported an error` +
            (serverMessage ? `: ${serverMessage}` : ''),
          { status }
        )
      )
    }
    return { data: envelope.response, envelope, status }
  }
}

/** `portal.example.com:443`: the port too, even where the URL leaves out the default one. */
function hostAndPort(url: URL): string {
  return url.port ? url.host : `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`
}

function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`
}
