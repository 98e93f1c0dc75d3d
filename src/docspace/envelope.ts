// What an answer means: a status outside 2xx becomes an AttemptFailure classified for the retry loop
// (with the wait a 429 or 503 asked for); a 2xx is unwrapped from the DocSpace envelope
// `{response, status, statusCode}`, whose own error flag wins over the HTTP status.
import type { Connection } from '../request.js'
import type { ApiResult } from './api.js'
import { AttemptFailure, finalFailure } from './attempt-failure.js'
import { DocSpaceError } from './errors.js'
import {
  badBody,
  isRecord,
  notAnEnvelope,
  parseBody,
  serverMessageOf,
  statusError
} from './http-response.js'
import { requestedWaitMs, statusSafety } from './http-retry.js'
import { rateLimitOf } from './rate-limit.js'
import type { Call, Exchange } from './transport.js'
import type { Envelope } from './types.js'

export function interpret<T>(
  call: Call,
  exchange: Exchange,
  authKind: Connection['auth']['kind'],
  now: () => number
): ApiResult<T> {
  const { endpoint } = call
  const { status } = exchange
  const body = parseBody(exchange.text, exchange.headers.get('content-type'))
  const auth = authKind
  if (status < 200 || status >= 300) {
    const serverMessage = serverMessageOf(body)
    const waitMs =
      status === 429 || status === 503 ? requestedWaitMs(exchange.headers, now()) : undefined
    const rateLimit = status === 429 ? rateLimitOf(exchange.headers, now()) : undefined
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
