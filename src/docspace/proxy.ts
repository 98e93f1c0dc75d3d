// Proxy support for self-hosted runners: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case) as curl and
// most tools read them. The agent modules are loaded only when a proxy applies, so that a run without a
// proxy does not pay for loading them.

import type { Agent } from 'node:http'
import { getProxyForUrl } from 'proxy-from-env'

export interface ProxyRoute {
  agent: Agent
  /** `http://proxy.example:3128`, without credentials: safe for messages. */
  display: string
}

export class ProxyConfigError extends Error {}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  )
}

function variableFor(target: URL): string {
  return target.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'
}

/** The proxy that a request to `target` goes through, or undefined for a direct connection. */
export function proxyUrlFor(target: URL): URL | undefined {
  if (isLoopback(target.hostname)) return undefined
  const proxy = getProxyForUrl(target.href)
  if (!proxy) return undefined
  let url: URL
  try {
    url = new URL(proxy)
  } catch {
    // The value may hold credentials: name the variable, never the value.
    throw new ProxyConfigError(`the proxy in ${variableFor(target)} is not a valid URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyConfigError(
      `the proxy in ${variableFor(target)} uses ${url.protocol.replace(/:$/, '')}://, but only http:// ` +
        'and https:// proxies are supported'
    )
  }
  return url
}

// One agent per proxy and target scheme, so that connections through the proxy are reused.
const agents = new Map<string, Promise<Agent>>()

async function createAgent(target: URL, proxy: URL): Promise<Agent> {
  if (target.protocol === 'https:') {
    // CONNECT tunnel: the proxy sees the host name only, never the request or its credentials.
    const { HttpsProxyAgent } = await import('https-proxy-agent')
    return new HttpsProxyAgent(proxy, { keepAlive: true })
  }
  const { HttpProxyAgent } = await import('http-proxy-agent')
  return new HttpProxyAgent(proxy, { keepAlive: true })
}

export async function proxyRouteFor(target: URL): Promise<ProxyRoute | undefined> {
  const proxy = proxyUrlFor(target)
  if (!proxy) return undefined
  const display = `${proxy.protocol}//${proxy.host}`
  const key = `${target.protocol} ${proxy.href}`
  let agent = agents.get(key)
  if (!agent) {
    agent = createAgent(target, proxy)
    agents.set(key, agent)
  }
  return { agent: await agent, display }
}
