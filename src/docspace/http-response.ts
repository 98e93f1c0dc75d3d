// Turns what the portal answered into data or into one clear DocSpaceError. Messages name the endpoint
// and the HTTP status and say what to do; the only part of a body they quote is the server's own error
// message.

import type { Auth } from '../request.js'
import { DocSpaceError, type ErrorKind } from './errors.js'

// A server message is quoted on one line and never at length.
const MAX_SERVER_MESSAGE = 300

export type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  | { kind: 'html' }
  | { kind: 'malformed'; bytes: number }
  | { kind: 'text'; contentType: string }

export function parseBody(text: string, contentType: string | null): Body {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'empty' }
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  if (type.includes('html') || trimmed.startsWith('<')) return { kind: 'html' }
  try {
    return { kind: 'json', value: JSON.parse(trimmed) as unknown }
  } catch {
    // JSON that was cut off or mangled, as opposed to a body that never meant to be JSON.
    if (/^[[{"]/.test(trimmed) || type.includes('json')) {
      return { kind: 'malformed', bytes: Buffer.byteLength(text) }
    }
    return { kind: 'text', contentType: type || 'no content type' }
  }
}

function describe(body: Exclude<Body, { kind: 'json' }>): string {
  switch (body.kind) {
    case 'empty':
      return 'an empty body where JSON was expected'
    case 'html':
      return "an HTML page, not JSON: is portal-url the portal's address?"
    case 'malformed':
      return `malformed or truncated JSON (${body.bytes} bytes)`
    case 'text':
      return `a body that is not JSON (${body.contentType}): is portal-url the portal's address?`
  }
}

// After a 2xx to a write, what was asked may have been done even though the answer cannot be read.
function unknownOutcome(ambiguous: boolean): string {
  return ambiguous ? ' (the portal may have carried out the request, so it was not repeated)' : ''
}

export function badBody(
  endpoint: string,
  status: number,
  body: Exclude<Body, { kind: 'json' }>,
  ambiguous = false
): DocSpaceError {
  return new DocSpaceError(
    'bad-response',
    endpoint,
    `${endpoint} answered HTTP ${status} with ${describe(body)}${unknownOutcome(ambiguous)}`,
    { status, ambiguous }
  )
}

export function notAnEnvelope(endpoint: string, status: number, ambiguous = false): DocSpaceError {
  return new DocSpaceError(
    'bad-response',
    endpoint,
    `${endpoint} answered HTTP ${status} with JSON that is not a DocSpace API response: ` +
      `is portal-url the portal's address?${unknownOutcome(ambiguous)}`,
    { status, ambiguous }
  )
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_SERVER_MESSAGE ? `${flat.slice(0, MAX_SERVER_MESSAGE - 1)}…` : flat
}

// ASP.NET validation failures: `{title, errors: {field: [messages]}}`, inside `response` of an envelope.
function validationMessage(problem: Record<string, unknown>): string | undefined {
  const parts: string[] = []
  if (isRecord(problem.errors)) {
    for (const [field, messages] of Object.entries(problem.errors)) {
      const list = Array.isArray(messages) ? messages.filter((m) => typeof m === 'string') : []
      if (list.length > 0) parts.push(`${field.replace(/^\$\.?/, '') || 'body'}: ${list.join(' ')}`)
    }
  }
  if (parts.length > 0) return parts.join('; ')
  return typeof problem.title === 'string' ? problem.title : undefined
}

/** The server's own explanation in an error body, if it gave one. */
export function serverMessageOf(body: Body): string | undefined {
  if (body.kind !== 'json' || !isRecord(body.value)) return undefined
  const value = body.value
  let message: string | undefined
  if (isRecord(value.error) && typeof value.error.message === 'string')
    message = value.error.message
  else if (isRecord(value.response) && (value.response.errors || value.response.title)) {
    message = validationMessage(value.response)
  } else if (value.errors || value.title) message = validationMessage(value)
  else if (typeof value.message === 'string') message = value.message
  if (message === undefined) return undefined
  const flat = oneLine(message)
  return flat === '' ? undefined : flat
}

export interface StatusContext {
  status: number
  endpoint: string
  serverMessage?: string
  auth: Auth['kind']
  /** `http://proxy:3128` when the request went through a proxy, which may have answered itself. */
  proxy?: string
  /** Attempts made, when more than one. */
  attempts: number
  ambiguous: boolean
}

function withMessage(text: string, serverMessage: string | undefined): string {
  return serverMessage ? `${text}: ${serverMessage}` : text
}

function statusText(ctx: StatusContext): { kind: ErrorKind; text: string } {
  const { status, endpoint, serverMessage } = ctx
  const http = `HTTP ${status}`
  const setting = ctx.auth === 'api-key' ? 'api-key' : 'auth-token'
  const who = ctx.auth === 'api-key' ? "the key's user" : "the token's user"
  switch (status) {
    case 400:
      return {
        kind: 'bad-request',
        text: `${endpoint} was rejected as invalid (${http}): ${serverMessage ?? 'the portal gave no reason'}`
      }
    case 401:
      return {
        kind: 'unauthorized',
        text:
          `${endpoint}: authentication failed (${http}): the portal rejected the ` +
          `${ctx.auth === 'api-key' ? 'API key' : 'auth token'} given in ${setting}; check ${setting}`
      }
    case 402:
      return {
        kind: 'payment-required',
        text: withMessage(
          `${endpoint}: the portal's plan lacks an option this needs, or a quota is used up (${http})`,
          serverMessage
        )
      }
    case 403: {
      const own =
        serverMessage && !/^access denied\.?$/i.test(serverMessage) ? serverMessage : undefined
      const scope = ctx.auth === 'api-key' ? ", or the API key's scopes do not cover it" : ''
      return {
        kind: 'forbidden',
        text: withMessage(`${endpoint}: ${who} lacks permission for this${scope} (${http})`, own)
      }
    }
    case 404:
      return {
        kind: 'not-found',
        text:
          `${endpoint}: no such file, folder, room or link (${http})` +
          (serverMessage ? `: ${serverMessage}` : '') +
          '; check the id'
      }
    case 407:
      return {
        kind: 'network',
        text:
          `${endpoint}: the proxy${ctx.proxy ? ` ${ctx.proxy}` : ''} asks for credentials (${http}): ` +
          'give them in the proxy URL (http://user:password@host:port)'
      }
    case 413:
      return {
        kind: 'bad-request',
        text: withMessage(
          `${endpoint}: the request is too large for the portal or a proxy in front of it (${http})`,
          serverMessage
        )
      }
    case 415:
      return {
        kind: 'unsupported',
        text: withMessage(
          `${endpoint}: the portal does not accept this kind of content (${http})`,
          serverMessage
        )
      }
    case 429:
      return {
        kind: 'rate-limited',
        text: `${endpoint}: the portal's rate limit was exceeded (${http}): lower concurrency or run later`
      }
  }
  if (status >= 500) {
    const gateway = status === 502 || status === 504 ? ' (a gateway error)' : ''
    const advice = ctx.ambiguous
      ? 'it is unknown whether the portal carried it out, so it was not repeated'
      : 'try again later'
    return {
      kind: 'server',
      text: `${withMessage(`${endpoint}: the portal failed with ${http}${gateway}`, serverMessage)}; ${advice}`
    }
  }
  if (status >= 400) {
    return {
      kind: 'bad-request',
      text: withMessage(`${endpoint} was rejected (${http})`, serverMessage)
    }
  }
  return {
    kind: 'bad-response',
    text: `${endpoint} answered ${http}, which the action does not handle: is portal-url the portal's address?`
  }
}

// Statuses that a proxy answers on its own when it cannot or will not pass a request on.
const PROXY_STATUSES = new Set([403, 502, 503, 504])

export function statusError(ctx: StatusContext): DocSpaceError {
  const { kind, text } = statusText(ctx)
  let message = text
  if (ctx.attempts > 1) message += ` (gave up after ${ctx.attempts} attempts)`
  if (ctx.proxy && PROXY_STATUSES.has(ctx.status)) {
    message += `; the request went through the proxy ${ctx.proxy}, which may have answered itself`
  }
  return new DocSpaceError(kind, ctx.endpoint, message, {
    status: ctx.status,
    ambiguous: ctx.ambiguous
  })
}
