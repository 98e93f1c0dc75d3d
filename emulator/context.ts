// The per-request context handed to middlewares and route handlers.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorState } from './state.js'
import type { Caller } from './users.js'
import type { Reply } from './http.js'
import {
  ApiError,
  Unauthorized,
  ValidationError,
  errorEnvelope,
  omitNulls,
  parseJsonBody,
  readBody,
  successEnvelope,
  validationEnvelope,
  writeEmpty,
  writeJson
} from './http.js'
import { formatApiDate } from './dates.js'

/** Portal-wide settings the DTOs need. */
export interface Portal {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  url: string
  timeZoneOffsetMinutes: number
  /** An ApiDateTime string in the portal's zone. */
  date(d: Date): string
}

export interface RequestContext {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  /** Upper case. */
  readonly method: string
  /** The full request URL (the envelope's `links[0].href`). */
  readonly url: URL
  readonly path: string
  /** First value of each query parameter. */
  readonly query: Record<string, string>
  /** Route parameters, set when a route matched. */
  params: Record<string, string>
  /** The authenticated caller, resolved before the middlewares run. */
  readonly user?: Caller
  readonly state: EmulatorState
  readonly portal: Portal
  readonly startedAt: Date
  /** Scratch space for middlewares and handlers of the same request. */
  readonly locals: Record<string, unknown>
  /** The raw body (read once, limited in size: 413 beyond). */
  body(): Promise<Buffer>
  /** The body parsed as JSON; empty or malformed → 400 validation. */
  json(): Promise<unknown>
  /** Writes a reply; ignored once a response has started. */
  send(reply: Reply): void
  /** Writes the response for an error thrown by a handler (ApiError, ValidationError, Unauthorized…). */
  fail(error: unknown): void
}

export interface ContextInit {
  req: IncomingMessage
  res: ServerResponse
  user?: Caller
  state: EmulatorState
  portal: Portal
  bodyLimit: number
}

export function createContext(init: ContextInit): RequestContext {
  const { req, res, portal } = init
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? new URL(portal.url).host}`)
  const query: Record<string, string> = {}
  for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v
  const method = (req.method ?? 'GET').toUpperCase()
  let bodyPromise: Promise<Buffer> | undefined

  const ctx: RequestContext = {
    req,
    res,
    method,
    url,
    path: url.pathname,
    query,
    params: {},
    user: init.user,
    state: init.state,
    portal,
    startedAt: new Date(),
    locals: {},
    body() {
      bodyPromise ??= readBody(req, init.bodyLimit)
      return bodyPromise
    },
    async json() {
      return parseJsonBody(await ctx.body())
    },
    send(reply) {
      if (res.headersSent || res.destroyed) return
      const href = url.href
      switch (reply.kind) {
        case 'envelope':
          writeJson(res, reply.statusCode, successEnvelope(reply, href, method), reply.headers)
          break
        case 'json':
          writeJson(res, reply.statusCode, reply.body, reply.headers)
          break
        case 'raw':
          if (reply.body === undefined) {
            writeEmpty(res, reply.statusCode, reply.headers)
          } else {
            res.writeHead(reply.statusCode, {
              'Content-Length': String(Buffer.byteLength(reply.body)),
              ...reply.headers
            })
            res.end(reply.body)
          }
          break
      }
    },
    fail(error) {
      if (res.headersSent || res.destroyed) {
        res.destroy()
        return
      }
      if (error instanceof Unauthorized) {
        writeEmpty(res, 401)
      } else if (error instanceof ValidationError) {
        writeJson(res, 400, omitNulls(validationEnvelope(error.errors, url.href, method)))
      } else if (error instanceof ApiError) {
        // An unread oversized body would otherwise keep the connection busy.
        const headers: Record<string, string> =
          error.statusCode === 413 ? { Connection: 'close' } : {}
        writeJson(res, error.statusCode, errorEnvelope(error), headers)
      } else {
        const message = error instanceof Error ? error.message : String(error)
        writeJson(res, 500, errorEnvelope(new ApiError(500, message)))
      }
    }
  }
  return ctx
}

export function makePortal(url: string, timeZoneOffsetMinutes: number): Portal {
  return { url, timeZoneOffsetMinutes, date: (d) => formatApiDate(d, timeZoneOffsetMinutes) }
}
