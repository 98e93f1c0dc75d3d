// One HTTP exchange with the portal: the credentials and headers, the proxy, the request budget and a
// timeout that bounds everything from connect to the last byte of the body (cut short by the step's
// deadline). It follows no redirect and repeats nothing; a failure leaves as an AttemptFailure that says
// how safe a repeat would be, for the retry loop in the client to decide.
import { performance } from 'node:perf_hooks'
import fetch from 'node-fetch'
import type { RequestInit } from 'node-fetch'
import type { Connection } from '../request.js'
import type { Logger } from '../log.js'
import type { Scrub } from '../scrub.js'
import type { RequestOptions } from './api.js'
import {
  AttemptFailure,
  finalFailure,
  gaveUp,
  seconds,
  UNKNOWN_OUTCOME
} from './attempt-failure.js'
import type { RequestBudget } from './budget.js'
import { directAgentFor } from './direct-agent.js'
import { DocSpaceError } from './errors.js'
import { BodyTooLarge, mib, readBodyCapped } from './http-body.js'
import { networkProblem, type HeaderSource } from './http-retry.js'
import { ProxyConfigError, proxyRouteFor, type ProxyRoute } from './proxy.js'
import type { BodySource } from './request-body.js'

const USER_AGENT = 'docspace-share-links-action'
const DEFAULT_TIMEOUT_MS = 30_000

/** One request as the caller made it, and which attempt of it this is. */
export interface Call {
  verb: string
  endpoint: string
  url: URL
  options: RequestOptions
  body: BodySource
  scrub: Scrub
  attempt: number
  attempts: number
}

export interface Exchange {
  status: number
  headers: HeaderSource
  text: string
  proxy?: string
}

export interface TransportSettings {
  connection: Connection
  log: Logger
  budget: RequestBudget
  fetchImpl: typeof fetch
  /** The largest response body read. */
  maxResponseBytes: number
}

export class Transport {
  private readonly connection: Connection
  private readonly log: Logger
  private readonly budget: RequestBudget
  private readonly fetchImpl: typeof fetch
  private readonly maxResponseBytes: number

  constructor(settings: TransportSettings) {
    this.connection = settings.connection
    this.log = settings.log
    this.budget = settings.budget
    this.fetchImpl = settings.fetchImpl
    this.maxResponseBytes = settings.maxResponseBytes
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
  async exchange(call: Call, url: URL, verb: string, withBody: boolean): Promise<Exchange> {
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
      agent: route?.agent ?? directAgentFor(url)
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
}

/** `portal.example.com:443`: the port too, even where the URL leaves out the default one. */
function hostAndPort(url: URL): string {
  return url.port ? url.host : `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`
}
