// The DocSpace client: one request, with the portal's origin checked, secrets scrubbed from whatever
// the caller sees, and the one retry loop of the action. The pieces of an attempt live next to it:
// transport.ts (one exchange with timeout and proxy), redirects.ts, http-retry.ts (which failures may be
// repeated and after how long) and envelope.ts (what an answer means).
import fetch from 'node-fetch'
import type { Connection } from '../request.js'
import type { Logger } from '../log.js'
import { silentLogger } from '../log.js'
import { DocSpaceError } from './errors.js'
import { makeScrub, secretsInBody, type Scrub } from '../scrub.js'
import { scrubSecrets } from '../secrets.js'
import { backoffMs } from './http-retry.js'
import { RequestBudget } from './budget.js'
import { PortalFindings } from './findings.js'
import { MAX_RESPONSE_BYTES } from './http-body.js'
import type { ApiResult, DocSpaceApi, Query, RequestOptions, RetryMode } from './api.js'
import { AttemptFailure, seconds } from './attempt-failure.js'
import { interpret } from './envelope.js'
import { followRedirects, originOf } from './redirects.js'
import { BodySource } from './request-body.js'
import { Transport, type Call } from './transport.js'

// Re-exported so that imports of the request's types from the client, where they first lived, keep working.
export type {
  ApiResult,
  DocSpaceApi,
  Query,
  RequestOptions,
  RetryMode,
  RetryNotice
} from './api.js'

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

export class DocSpaceClient implements DocSpaceApi {
  private readonly portal: URL
  private readonly base: string
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly now: () => number
  private readonly backoffBaseMs: number
  private readonly maxBackoffMs: number
  private readonly transport: Transport
  /** Requests and time the step has left; shared with every decorator of the client (the paced pool). */
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
    this.findings = new PortalFindings(log)
    this.budget = new RequestBudget(
      { maxRequests: connection.maxRequests, timeoutMs: connection.stepTimeoutMs },
      this.now
    )
    this.transport = new Transport({
      connection,
      log,
      budget: this.budget,
      fetchImpl: options.fetchImpl ?? fetch,
      maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES
    })
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

  // One attempt: the request and the same-origin redirects it leads to, then what the answer means.
  private async attempt<T>(call: Call): Promise<ApiResult<T>> {
    const exchange = await followRedirects(call, this.portal, this.log, (url, verb, withBody) =>
      this.transport.exchange(call, url, verb, withBody)
    )
    return interpret<T>(call, exchange, this.connection.auth.kind, this.now)
  }
}
