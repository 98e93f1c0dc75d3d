// Fault injection: a middleware that makes chosen requests fail the way a flaky network, a busy portal or
// a misconfigured proxy makes them fail, so that tests can prove what the action does then. Faults are
// queued with a match and a count, per test through `emulator.faults`, or for a whole emulator process
// through the EMULATOR_FAULTS environment variable (see parseFaults).
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RequestContext } from './context.js'
import type { Middleware } from './router.js'
import { CHUNK_HANDLER_PATH } from './routes/uploads.js'

export const FAULT_KINDS = [
  'status',
  'reset-before',
  'reset-after',
  'stall',
  'stall-headers',
  'html',
  'truncated-json',
  'envelope-error',
  'redirect'
] as const

/**
 * - `status`: an error status (default 503) with an empty body, as DocSpace and the gateways in front of
 *   it send; a 429 can carry `Retry-After` and DocSpace's X-RateLimit-* headers.
 * - `reset-before`: the connection is reset before the request is handled: nothing changes.
 * - `reset-after`: the request is handled (its changes take effect), then the connection is reset instead
 *   of answering. With `hangUp`, both close the connection in order instead (a "socket hang up").
 * - `stall`: the request is handled, the headers and part of the body are sent, then nothing more.
 * - `stall-headers`: no answer at all.
 * - `html`: 200 with a text/html sign-in page.
 * - `truncated-json`: 200 with JSON cut in the middle (a complete HTTP message with a broken body).
 * - `envelope-error`: 200 with an API envelope that reports an error (`status: 1` and an `error` object);
 *   on the legacy chunk handler, its own error reply `{success: false, message}`.
 * - `redirect`: a redirect (default 302) to the recorder, a second loopback server on another port that
 *   keeps the headers it receives; `to: 'same-origin'` redirects to the same URL on the emulator instead.
 */
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface FaultSpec {
  kind: FaultKind
  /** Only requests with this method. */
  method?: string
  /** A substring of, or a RegExp tested against, the request's path and query (`/api/2.0/…?a=b`). */
  path?: string | RegExp
  /** How many matching requests get the fault (default 1). */
  count?: number
  /** How many matching requests pass untouched before the fault applies (default 0). */
  skip?: number
  /**
   * `status`: the status sent (default 503). `redirect`: 301, 302, 303, 307 or 308 (default 302).
   * `envelope-error`: the `statusCode` inside the envelope (default 200, the HTTP status it arrives with).
   */
  status?: number
  /** `status`: a `Retry-After` header, in seconds or as a moment (sent as an HTTP date). */
  retryAfter?: number | string | Date
  /** `status`: the body (default none). */
  body?: string
  /** `envelope-error`: the error message (default "Internal server error"). */
  message?: string
  /**
   * Run the request's handler first, so that its changes take effect, and throw its answer away. Always
   * true for `reset-after`, never for `reset-before`; default true for `stall`, false for the others.
   */
  handled?: boolean
  /** `stall`: bytes of the body sent before stalling (default half of it). */
  stallBytes?: number
  /** `stall`, `stall-headers`: give up after this long and drop the connection (default 120 s). */
  holdMs?: number
  /**
   * `reset-before`, `reset-after`: close the connection in order (FIN: the client's "socket hang up")
   * instead of resetting it (RST).
   */
  hangUp?: boolean
  /** `redirect`: to the recorder on another port (default), or to the same URL on the emulator. */
  to?: 'other-origin' | 'same-origin'
}

/** A queued fault and how it has been used. */
export interface Fault {
  readonly spec: Readonly<FaultSpec>
  /** Matching requests still to get the fault. */
  remaining: number
  /** Matching requests still to let through first. */
  toSkip: number
  /** Requests that got the fault. */
  hits: number
}

/** One injected fault, for assertions. */
export interface FaultHit {
  kind: FaultKind
  method: string
  /** Path and query. */
  path: string
  at: Date
}

/** A request that reached the recorder: headers are kept on purpose, to show which credentials leaked. */
export interface RecordedRequest {
  method: string
  /** Path and query. */
  path: string
  headers: IncomingHttpHeaders
  at: Date
}

export interface Recorder {
  /** `http://127.0.0.1:<another port>` */
  readonly url: string
  readonly requests: RecordedRequest[]
}

export interface FaultController {
  /** Queues faults; a request gets the first queued fault that matches it and still has a count. */
  add(...specs: FaultSpec[]): Fault[]
  /** Drops the queued faults (the logs stay). */
  clear(): void
  /** Drops the queued faults, the hit log and what the recorder received. */
  reset(): void
  /** Faults that still have a count left. */
  pending(): Fault[]
  readonly hits: FaultHit[]
  readonly recorder: Recorder
  /** The middleware to install first on the emulator. */
  readonly middleware: Middleware
  /** Ends the stalled responses and stops the recorder. */
  close(): Promise<void>
}

const DEFAULT_HOLD_MS = 120_000
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

export const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>ONLYOFFICE DocSpace: Sign in</title>' +
  '</head>\n<body><form method="post" action="/login"><input name="login" type="email">' +
  '<input name="password" type="password"><button type="submit">Sign in</button></form></body></html>\n'

// What a stall or a cut-off body sends when the real answer was not produced: a success envelope.
const SYNTHETIC_BODY = JSON.stringify({
  response: { id: 1, title: 'synthetic', access: 2 },
  count: 1,
  links: [],
  status: 0,
  statusCode: 200
})

export class FaultSpecError extends Error {}

function isInteger(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

/** Throws a FaultSpecError naming the field (prefixed with `where`) when a spec cannot be honoured. */
export function checkFault(spec: FaultSpec, where = 'fault'): FaultSpec {
  const fail = (field: string, problem: string): never => {
    throw new FaultSpecError(`${where}.${field} ${problem}`)
  }
  if (!FAULT_KINDS.includes(spec.kind)) fail('kind', `must be one of ${FAULT_KINDS.join(', ')}`)
  if (spec.method !== undefined && !/^[A-Za-z]+$/.test(spec.method))
    fail('method', 'must be an HTTP method')
  if (spec.path !== undefined && typeof spec.path !== 'string' && !(spec.path instanceof RegExp))
    fail('path', 'must be a string or a RegExp')
  if (spec.count !== undefined && !isInteger(spec.count, 1)) fail('count', 'must be an integer ≥ 1')
  if (spec.skip !== undefined && !isInteger(spec.skip, 0)) fail('skip', 'must be an integer ≥ 0')
  if (spec.status !== undefined) {
    const ok =
      spec.kind === 'redirect'
        ? REDIRECT_STATUSES.has(spec.status)
        : isInteger(spec.status, spec.kind === 'envelope-error' ? 100 : 400, 599)
    if (!ok) {
      fail(
        'status',
        spec.kind === 'redirect'
          ? 'must be 301, 302, 303, 307 or 308'
          : spec.kind === 'envelope-error'
            ? 'must be an HTTP status'
            : 'must be an error status (400 to 599)'
      )
    }
  }
  const retryAfter = spec.retryAfter
  if (
    retryAfter !== undefined &&
    !(typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0) &&
    !(typeof retryAfter === 'string' && retryAfter.trim() !== '') &&
    !(retryAfter instanceof Date && !Number.isNaN(retryAfter.getTime()))
  ) {
    fail('retryAfter', 'must be seconds ≥ 0, a date or a header value')
  }
  if (spec.body !== undefined && typeof spec.body !== 'string') fail('body', 'must be a string')
  if (spec.message !== undefined && typeof spec.message !== 'string')
    fail('message', 'must be a string')
  if (spec.handled !== undefined && typeof spec.handled !== 'boolean')
    fail('handled', 'must be true or false')
  if (spec.stallBytes !== undefined && !isInteger(spec.stallBytes, 0))
    fail('stallBytes', 'must be an integer ≥ 0')
  if (spec.holdMs !== undefined && !isInteger(spec.holdMs, 1))
    fail('holdMs', 'must be an integer ≥ 1')
  if (spec.hangUp !== undefined && typeof spec.hangUp !== 'boolean')
    fail('hangUp', 'must be true or false')
  if (spec.to !== undefined && spec.to !== 'other-origin' && spec.to !== 'same-origin')
    fail('to', 'must be other-origin or same-origin')
  return spec
}

const JSON_FIELDS = new Set([
  'kind',
  'method',
  'path',
  'pathRegExp',
  'count',
  'skip',
  'status',
  'retryAfter',
  'body',
  'message',
  'handled',
  'stallBytes',
  'holdMs',
  'hangUp',
  'to'
])

/**
 * Faults from JSON, as EMULATOR_FAULTS gives them: an array of specs (or one spec). A RegExp path is
 * written as `"pathRegExp": "^/api/2\\.0/files/file/\\d+/links"`; a date `retryAfter` as an HTTP date.
 */
export function parseFaults(text: string, source = 'EMULATOR_FAULTS'): FaultSpec[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new FaultSpecError(
      `${source} must be JSON: an array of faults like [{"kind":"status","status":503}]`
    )
  }
  const list = Array.isArray(value) ? value : [value]
  return list.map((item, i) => {
    const where = `${source}[${i}]`
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new FaultSpecError(`${where} must be an object like {"kind":"status","status":503}`)
    }
    const record = item as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (!JSON_FIELDS.has(key)) throw new FaultSpecError(`${where}.${key} is not a fault field`)
    }
    const { pathRegExp, ...rest } = record
    const spec = { ...rest } as unknown as FaultSpec
    if (pathRegExp !== undefined) {
      if (rest.path !== undefined)
        throw new FaultSpecError(`${where}: give path or pathRegExp, not both`)
      if (typeof pathRegExp !== 'string')
        throw new FaultSpecError(`${where}.pathRegExp must be a string`)
      try {
        spec.path = new RegExp(pathRegExp)
      } catch {
        throw new FaultSpecError(`${where}.pathRegExp is not a valid regular expression`)
      }
    }
    return checkFault(spec, where)
  })
}

function pathAndQuery(ctx: RequestContext): string {
  return `${ctx.url.pathname}${ctx.url.search}`
}

function matches(spec: FaultSpec, ctx: RequestContext): boolean {
  if (spec.method !== undefined && spec.method.toUpperCase() !== ctx.method) return false
  if (spec.path === undefined) return true
  const target = pathAndQuery(ctx)
  if (typeof spec.path === 'string') return target.includes(spec.path)
  spec.path.lastIndex = 0
  return spec.path.test(target)
}

interface Captured {
  status: number
  headers: Record<string, string>
  body: Buffer
}

type Callback = (error?: Error | null) => void

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk
  if (chunk instanceof Uint8Array) return Buffer.from(chunk)
  return Buffer.from(
    String(chunk),
    typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'
  )
}

function callbackIn(args: unknown[]): Callback | undefined {
  const last = args[args.length - 1]
  return typeof last === 'function' ? (last as Callback) : undefined
}

function flatHeaders(headers: OutgoingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return out
}

/**
 * Lets the route handle the request while keeping what it answers off the wire, so that the fault can
 * send something else (or nothing) once the request has taken effect.
 */
async function handleAside(ctx: RequestContext, next: () => Promise<void>): Promise<Captured> {
  const res = ctx.res
  const methods = res as unknown as Record<'writeHead' | 'write' | 'end', unknown>
  const original = { writeHead: methods.writeHead, write: methods.write, end: methods.end }
  const chunks: Buffer[] = []
  let status = 200
  let written: OutgoingHttpHeaders = {}
  let finish = (): void => undefined
  const ended = new Promise<void>((resolve) => (finish = resolve))
  const closed = new Promise<void>((resolve) => res.once('close', () => resolve()))

  methods.writeHead = (code: number, ...rest: unknown[]) => {
    status = code
    const headers = rest.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r))
    if (headers) written = { ...written, ...(headers as OutgoingHttpHeaders) }
    return res
  }
  methods.write = (chunk: unknown, ...rest: unknown[]) => {
    chunks.push(toBuffer(chunk, rest[0]))
    const done = callbackIn(rest)
    if (done) setImmediate(done)
    return true
  }
  methods.end = (...args: unknown[]) => {
    if (
      args.length > 0 &&
      typeof args[0] !== 'function' &&
      args[0] !== undefined &&
      args[0] !== null
    ) {
      chunks.push(toBuffer(args[0], args[1]))
    }
    const done = callbackIn(args)
    if (done) setImmediate(done)
    finish()
    return res
  }
  try {
    await next()
  } catch (error) {
    ctx.fail(error)
  }
  await Promise.race([ended, closed])
  Object.assign(methods, original)
  return {
    status,
    headers: { ...flatHeaders(res.getHeaders()), ...flatHeaders(written) },
    body: Buffer.concat(chunks)
  }
}

function dropConnection(ctx: RequestContext, hangUp: boolean): void {
  const socket = ctx.req.socket
  if (socket.destroyed) return
  // A TCP reset (RST) is what a crashed backend or a dropping proxy gives; an orderly close is what a
  // server that gives up on the request does.
  if (!hangUp && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
  else socket.destroy()
}

function httpDate(value: number | string | Date): string {
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toUTCString()
  return value
}

function secondsUntil(value: number | string | Date): number | undefined {
  if (typeof value === 'number') return Math.ceil(Date.now() / 1000 + value)
  const at = value instanceof Date ? value.getTime() : Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.ceil(at / 1000)
}

function statusHeaders(spec: FaultSpec, status: number): Record<string, string> {
  const headers: Record<string, string> = {}
  if (spec.retryAfter === undefined) return headers
  headers['Retry-After'] = httpDate(spec.retryAfter)
  const reset = secondsUntil(spec.retryAfter)
  if (status === 429 && reset !== undefined) {
    // DocSpace's rate limiter sends these with every 429.
    headers['X-RateLimit-Limit'] = '1500'
    headers['X-RateLimit-Remaining'] = '0'
    headers['X-RateLimit-Reset'] = String(reset)
  }
  return headers
}

function sendRaw(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer = ''
): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) })
  res.end(body)
}

async function startRecorder(): Promise<{ recorder: Recorder; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '/',
      headers: { ...req.headers },
      at: new Date()
    })
    req.resume()
    // A plausible success, so that a client that followed the redirect would show it by succeeding.
    sendRaw(
      res,
      200,
      { 'Content-Type': 'application/json; charset=utf-8' },
      JSON.stringify({ response: [], count: 0, links: [], status: 0, statusCode: 200 })
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    recorder: { url: `http://127.0.0.1:${port}`, requests },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export async function createFaults(): Promise<FaultController> {
  let queue: Fault[] = []
  const hits: FaultHit[] = []
  const stalled = new Set<ServerResponse>()
  const { recorder, close: closeRecorder } = await startRecorder()

  function take(ctx: RequestContext): Fault | undefined {
    for (const fault of queue) {
      if (fault.remaining <= 0 || !matches(fault.spec, ctx)) continue
      if (fault.toSkip > 0) {
        fault.toSkip--
        return undefined
      }
      fault.remaining--
      fault.hits++
      return fault
    }
    return undefined
  }

  // Keeps the connection open without answering until the client gives up (or the hold runs out).
  function hold(ctx: RequestContext, holdMs: number): Promise<void> {
    const res = ctx.res
    ctx.req.resume()
    if (res.destroyed) return Promise.resolve()
    stalled.add(res)
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => res.destroy(), holdMs)
      timer.unref()
      res.once('close', () => {
        clearTimeout(timer)
        stalled.delete(res)
        resolve()
      })
    })
  }

  async function stall(ctx: RequestContext, spec: FaultSpec, next: () => Promise<void>) {
    let status = 200
    let headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
    let body: Buffer = Buffer.from(SYNTHETIC_BODY)
    if (spec.handled ?? true) {
      const captured = await handleAside(ctx, next)
      if (ctx.res.destroyed) return
      status = captured.status
      headers = captured.headers
      // An empty answer has nothing to stall in: the synthetic body stands in for it.
      if (captured.body.length > 0) body = captured.body
    }
    const sent = Math.min(spec.stallBytes ?? Math.floor(body.length / 2), body.length - 1)
    delete headers['transfer-encoding']
    ctx.res.writeHead(status, { ...headers, 'content-length': String(body.length) })
    // flushHeaders sends the head on its own when nothing of the body goes out.
    if (sent > 0) ctx.res.write(body.subarray(0, sent))
    else ctx.res.flushHeaders()
    await hold(ctx, spec.holdMs ?? DEFAULT_HOLD_MS)
  }

  async function inject(fault: Fault, ctx: RequestContext, next: () => Promise<void>) {
    const spec = fault.spec
    const res = ctx.res
    const handled = spec.handled ?? false
    // For the faults that replace the answer, the real one (when asked for) is produced and dropped.
    const replace = async (): Promise<boolean> => {
      if (handled) await handleAside(ctx, next)
      return !res.destroyed
    }
    switch (spec.kind) {
      case 'reset-before':
        dropConnection(ctx, spec.hangUp ?? false)
        return
      case 'reset-after':
        await handleAside(ctx, next)
        dropConnection(ctx, spec.hangUp ?? false)
        return
      case 'stall':
        return stall(ctx, spec, next)
      case 'stall-headers':
        if (await replace()) await hold(ctx, spec.holdMs ?? DEFAULT_HOLD_MS)
        return
      case 'status': {
        if (!(await replace())) return
        const status = spec.status ?? 503
        const headers = statusHeaders(spec, status)
        if (spec.body !== undefined) headers['Content-Type'] = 'text/plain; charset=utf-8'
        sendRaw(res, status, headers, spec.body)
        return
      }
      case 'html':
        if (await replace())
          sendRaw(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, LOGIN_PAGE)
        return
      case 'truncated-json': {
        let body: Buffer = Buffer.from(SYNTHETIC_BODY)
        if (handled) {
          const captured = await handleAside(ctx, next)
          if (res.destroyed) return
          if (captured.body.length > 2) body = captured.body
        }
        const cut = body.subarray(0, Math.max(1, Math.floor(body.length / 2)))
        sendRaw(res, 200, { 'Content-Type': 'application/json; charset=utf-8' }, cut)
        return
      }
      case 'envelope-error': {
        if (!(await replace())) return
        const message = spec.message ?? 'Internal server error'
        if (ctx.path.toLowerCase() === CHUNK_HANDLER_PATH.toLowerCase()) {
          // The legacy chunk handler has its own error shape, also sent with HTTP 200.
          sendRaw(
            res,
            200,
            { 'Content-Type': 'application/json; charset=utf-8' },
            JSON.stringify({ success: false, message })
          )
          return
        }
        const envelope = {
          error: {
            message,
            type: 'System.Exception',
            stack: '   at System.Exception',
            hresult: -2146233088
          },
          status: 1,
          statusCode: spec.status ?? 200
        }
        sendRaw(
          res,
          200,
          { 'Content-Type': 'application/json; charset=utf-8' },
          JSON.stringify(envelope)
        )
        return
      }
      case 'redirect': {
        ctx.req.resume()
        const base = spec.to === 'same-origin' ? '' : recorder.url
        sendRaw(res, spec.status ?? 302, { Location: `${base}${pathAndQuery(ctx)}` })
        return
      }
    }
  }

  const middleware: Middleware = async (ctx, next) => {
    const fault = take(ctx)
    if (!fault) return next()
    hits.push({
      kind: fault.spec.kind,
      method: ctx.method,
      path: pathAndQuery(ctx),
      at: new Date()
    })
    await inject(fault, ctx, next)
  }

  return {
    add(...specs) {
      const added = specs.map((spec) => {
        checkFault(spec)
        return { spec: { ...spec }, remaining: spec.count ?? 1, toSkip: spec.skip ?? 0, hits: 0 }
      })
      queue.push(...added)
      return added
    },
    clear() {
      queue = []
    },
    reset() {
      queue = []
      hits.length = 0
      recorder.requests.length = 0
    },
    pending: () => queue.filter((fault) => fault.remaining > 0),
    hits,
    recorder,
    middleware,
    async close() {
      queue = []
      for (const res of stalled) res.destroy()
      stalled.clear()
      await closeRecorder()
    }
  }
}
