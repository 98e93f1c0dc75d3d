// Redirects, followed by hand: node-fetch would re-send the credentials to another port of the same
// host. Only the portal's own origin is followed, at most MAX_REDIRECTS times, and a redirect is refused
// where following it would change what the request does (a write turned into a GET, a body that cannot
// be sent again).
import type { Logger } from '../log.js'
import { finalFailure } from './attempt-failure.js'
import { DocSpaceError } from './errors.js'
import type { Call, Exchange } from './transport.js'

const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** The exchange that ends the chain of redirects (a status that is not a redirect, or one with no Location). */
export async function followRedirects(
  call: Call,
  portal: URL,
  log: Logger,
  exchange: (url: URL, verb: string, withBody: boolean) => Promise<Exchange>
): Promise<Exchange> {
  let url = call.url
  let verb = call.verb
  let withBody = call.body.present
  for (let hop = 0; ; hop++) {
    const answer = await exchange(url, verb, withBody)
    if (!REDIRECT_STATUSES.has(answer.status) || answer.headers.get('location') === null) {
      return answer
    }
    const next = redirectTarget(call, portal, answer, url, verb, hop)
    log.debug(call.scrub(`${call.endpoint}: redirected to ${next.pathname}`))
    // 303, and 301/302 of a GET or HEAD, are repeated without a body; 307/308 keep method and body.
    if (answer.status === 303) {
      verb = verb === 'HEAD' ? 'HEAD' : 'GET'
      withBody = false
    } else if (answer.status === 301 || answer.status === 302) {
      withBody = false
    }
    url = next
  }
}

function redirectTarget(
  call: Call,
  portal: URL,
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
  if (originOf(next) !== originOf(portal)) {
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

export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`
}
