// Response shapes of the DocSpace API (success envelope, error envelope, validation problem, 401) and
// the errors handlers throw to produce them.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'

/** A successful API result, wrapped in the success envelope when written. */
export interface EnvelopeReply {
  kind: 'envelope'
  statusCode: number
  /** Omitted from the envelope when undefined or null (the server's "action returned null"). */
  response?: unknown
  /** Overrides the computed count (the server's HttpContext "Count"). */
  count?: number
  /** Only set where the server calls SetTotalCount. */
  total?: number
  headers?: Record<string, string>
}

/** Any JSON body outside the envelope (e.g. the legacy chunk uploader). Nulls are kept. */
export interface JsonReply {
  kind: 'json'
  statusCode: number
  body: unknown
  headers?: Record<string, string>
}

/** A body written as is (downloads), or no body at all. */
export interface RawReply {
  kind: 'raw'
  statusCode: number
  body?: Buffer | string
  headers?: Record<string, string>
}

export type Reply = EnvelopeReply | JsonReply | RawReply

export function ok(
  response: unknown,
  extra: {
    total?: number
    count?: number
    statusCode?: number
    headers?: Record<string, string>
  } = {}
): EnvelopeReply {
  return { ...extra, kind: 'envelope', statusCode: extra.statusCode ?? 200, response }
}

/** An exception the server maps to the error envelope: `{error: {message, type, stack, hresult}}`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** The .NET exception type; null for the cases where the server omits details (401, 415…). */
    readonly type: string | null = 'System.Exception',
    readonly hresult = -2146233088
  ) {
    super(message)
  }
}

export const notFound = (message = 'Item not found'): ApiError =>
  new ApiError(404, message, 'ASC.Common.Web.ItemNotFoundException', -2146233088)

/** ArgumentException → 400. */
export const badRequest = (message: string): ApiError =>
  new ApiError(400, message, 'System.ArgumentException', -2147024809)

/** InvalidOperationException → 403 with its own message (role not available, link limits). */
export const forbidden = (message: string): ApiError =>
  new ApiError(403, message, 'System.InvalidOperationException', -2146233079)

/** Model binding failure: HTTP 400 with a ValidationProblemDetails inside the success envelope. */
export class ValidationError extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super('One or more validation errors occurred.')
  }
}

/** The authentication challenge: 401 with an empty body. */
export class Unauthorized extends Error {
  constructor() {
    super('Unauthorized')
  }
}

/** Request bodies larger than this are refused with 413. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

/** Drops null and undefined object properties recursively, as the server's JSON options do. */
export function omitNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitNulls)
  if (value instanceof Date || value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[k] = omitNulls(v)
  }
  return out
}

export function successEnvelope(reply: EnvelopeReply, href: string, method: string): unknown {
  const hasResponse = reply.response !== undefined && reply.response !== null
  const count =
    reply.count ?? (!hasResponse ? 0 : Array.isArray(reply.response) ? reply.response.length : 1)
  return omitNulls({
    response: reply.response,
    count,
    total: reply.total,
    links: [{ href, action: method }],
    status: 0,
    statusCode: reply.statusCode
  })
}

export function validationEnvelope(errors: Record<string, string[]>, href: string, method: string) {
  const traceId = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`
  return {
    response: {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors,
      traceId
    },
    count: 1,
    links: [{ href, action: method }],
    status: 1,
    statusCode: 400
  }
}

/** The error envelope keeps its nulls: the server writes it with plain JSON defaults. */
export function errorEnvelope(error: ApiError): unknown {
  const detailed = error.type !== null
  return {
    error: {
      message: error.message,
      type: error.type,
      stack: detailed ? `   at ${error.type}` : null,
      hresult: detailed ? error.hresult : 0
    },
    status: 1,
    statusCode: error.statusCode
  }
}

export function writeJson(
  res: ServerResponse,
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(statusCode, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

export function writeEmpty(
  res: ServerResponse,
  statusCode: number,
  headers: Record<string, string> = {}
): void {
  res.writeHead(statusCode, { 'Content-Length': '0', ...headers })
  res.end()
}

/** Reads the whole body, refusing (413) more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge(limit))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks))
    })
    req.on('error', (err) => {
      if (!failed) reject(err)
    })
  })
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, `Request body exceeds ${limit} bytes`, null, 0)
}

/** Parses a JSON request body like [FromBody] binding: empty or malformed → 400 validation. */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString('utf8').trim()
  if (text === '') {
    throw new ValidationError({ '': ['A non-empty request body is required.'] })
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ValidationError({ $: ['The request body is not valid JSON.'] })
  }
}
