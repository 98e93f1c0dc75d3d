import http from 'node:http'
import https from 'node:https'

// The agents for connections straight to the portal (no proxy): keep-alive, like Node's global agents, and
// each socket guarded against an error that arrives when no request holds it. A portal or its gateway may
// answer a request before reading its body (a 4xx to an upload chunk) and reset the connection; the reset
// can reach the socket after its request let go of it, and Node guards a socket between requests with a
// one-time listener only, so a second error there would end the step as an uncaught exception. The error
// still reaches a request that holds the socket, through the request's own listener.

function ignoreIdleError(): void {
  // A request in progress hears of the error through its own listener; an idle socket is just closed.
}

/** The agent, with a lasting error listener on every socket it opens. */
function guarded<A extends http.Agent>(agent: A): A {
  const open = agent.createConnection.bind(agent)
  agent.createConnection = (...args) => {
    const socket = open(...args)
    socket?.on('error', ignoreIdleError)
    return socket
  }
  return agent
}

// The settings of Node's global agents.
const KEEP_ALIVE = { keepAlive: true, scheduling: 'lifo', timeout: 5000 } as const

let httpAgent: http.Agent | undefined
let httpsAgent: https.Agent | undefined

/** The agent for a direct request to `url`, one per scheme for the whole run. */
export function directAgentFor(url: URL): http.Agent {
  if (url.protocol === 'https:') return (httpsAgent ??= guarded(new https.Agent(KEEP_ALIVE)))
  return (httpAgent ??= guarded(new http.Agent(KEEP_ALIVE)))
}
