import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import ts from 'typescript'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { proxyUrlFor } from '../../src/docspace/proxy.js'
import {
  API_KEY,
  assertNoSecret,
  envelope,
  failure,
  send,
  startServer,
  testClient,
  type TestServer
} from './harness.js'

const PROXY_VARIABLES = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy'
]
const saved = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]))

function clearProxyEnv(): void {
  for (const name of PROXY_VARIABLES) delete process.env[name]
}

interface Forwarded {
  method: string
  /** Absolute-form URL for a forwarded request, `host:port` for CONNECT. */
  target: string
  headers: http.IncomingHttpHeaders
}

// A tiny proxy: forwards absolute-form HTTP requests to the target server, and tunnels CONNECT to a TCP
// endpoint that records the bytes it receives (a TLS ClientHello, which carries the host name).
let target: TestServer
let proxy: http.Server
let proxyUrl: string
let forwarded: Forwarded[]
let tunnelEnd: net.Server
let tunnelBytes: Buffer[]
let connectAnswer: string

beforeAll(async () => {
  target = await startServer((_req, res, recorded) =>
    send(res, 200, envelope({ path: recorded.path }))
  )
  tunnelBytes = []
  tunnelEnd = net.createServer((socket) => {
    socket.on('data', (chunk) => {
      tunnelBytes.push(chunk)
      socket.destroy()
    })
  })
  await new Promise<void>((resolve) => tunnelEnd.listen(0, '127.0.0.1', resolve))
  const tunnelPort = (tunnelEnd.address() as AddressInfo).port

  proxy = http.createServer((req, res) => {
    forwarded.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers })
    const url = new URL(req.url ?? '')
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...req.headers, host: url.host }
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    forwarded.push({ method: 'CONNECT', target: req.url ?? '', headers: req.headers })
    if (connectAnswer !== '200') {
      socket.end(
        `HTTP/1.1 ${connectAnswer}\r\nProxy-Authenticate: Basic realm="p"\r\nContent-Length: 0\r\n\r\n`
      )
      return
    }
    const tunnel = net.connect(tunnelPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      tunnel.pipe(socket)
      socket.pipe(tunnel)
    })
    tunnel.on('error', () => socket.destroy())
    socket.on('error', () => tunnel.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
})

beforeEach(() => {
  clearProxyEnv()
  forwarded = []
  tunnelBytes = []
  connectAnswer = '200'
})

afterEach(() => {
  clearProxyEnv()
  for (const [name, value] of saved) if (value !== undefined) process.env[name] = value
})

afterAll(async () => {
  await target.close()
  proxy.closeAllConnections()
  await new Promise<void>((resolve) => proxy.close(() => resolve()))
  await new Promise<void>((resolve) => tunnelEnd.close(() => resolve()))
})

describe('which requests go through a proxy', () => {
  it('follows HTTPS_PROXY, HTTP_PROXY and NO_PROXY, and never proxies loopback', () => {
    process.env.HTTPS_PROXY = 'http://proxy.corp:3128'
    process.env.http_proxy = 'proxy.corp:8080'
    expect(proxyUrlFor(new URL('https://portal.example.com'))?.href).toBe('http://proxy.corp:3128/')
    expect(proxyUrlFor(new URL('http://portal.example.com'))?.href).toBe('http://proxy.corp:8080/')
    for (const loopback of [
      'http://127.0.0.1:8080',
      'https://localhost',
      'http://[::1]:80',
      'https://127.1.2.3'
    ]) {
      expect(proxyUrlFor(new URL(loopback))).toBeUndefined()
    }
    process.env.NO_PROXY = 'other.org, .example.com'
    expect(proxyUrlFor(new URL('https://portal.example.com'))).toBeUndefined()
    expect(proxyUrlFor(new URL('https://portal.example.org'))?.host).toBe('proxy.corp:3128')
    process.env.NO_PROXY = 'portal.example.com:8443'
    expect(proxyUrlFor(new URL('https://portal.example.com:8443'))).toBeUndefined()
    expect(proxyUrlFor(new URL('https://portal.example.com'))).toBeDefined()
    process.env.no_proxy = '*'
    expect(proxyUrlFor(new URL('https://portal.example.com'))).toBeUndefined()
  })

  it('refuses a proxy URL it cannot use without quoting it', () => {
    process.env.HTTPS_PROXY = 'http://user:hunter2@[broken'
    expect(() => proxyUrlFor(new URL('https://portal.example.com'))).toThrow(
      'the proxy in HTTPS_PROXY is not a valid URL'
    )
    process.env.HTTPS_PROXY = 'socks5://127.0.0.1:1080'
    expect(() => proxyUrlFor(new URL('https://portal.example.com'))).toThrow(
      'only http:// and https:// proxies are supported'
    )
  })
})

describe('requests through a proxy', () => {
  it('HTTP_PROXY forwards a request to an http:// portal', async () => {
    process.env.HTTP_PROXY = proxyUrl
    const portal = `http://docspace.test:${target.port}`
    const { client, log } = testClient(portal, { maxRetries: 0 })
    const result = await client.request<{ path: string }>('GET', '/api/2.0/files/file/12/links', {
      query: { count: 1 }
    })
    expect(result.data).toEqual({ path: '/api/2.0/files/file/12/links' })
    expect(forwarded).toHaveLength(1)
    expect(forwarded[0].method).toBe('GET')
    expect(forwarded[0].target).toBe(`${portal}/api/2.0/files/file/12/links?count=1`)
    expect(target.requests.at(-1)!.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(log.at('debug')[0]).toMatch(
      new RegExp(`^GET /api/2.0/files/file/12/links via the proxy ${proxyUrl}: HTTP 200 in \\d+ ms`)
    )
  })

  it('lower-case http_proxy works the same', async () => {
    process.env.http_proxy = proxyUrl
    const { client } = testClient(`http://docspace.test:${target.port}`, { maxRetries: 0 })
    await client.request('GET', '/api/2.0/lower')
    expect(forwarded.map((f) => f.target)).toEqual([
      `http://docspace.test:${target.port}/api/2.0/lower`
    ])
  })

  it('NO_PROXY sends the request directly', async () => {
    process.env.HTTP_PROXY = proxyUrl
    process.env.NO_PROXY = 'docspace.test'
    const { client } = testClient(`http://docspace.test:${target.port}`, {
      maxRetries: 0,
      requestTimeoutMs: 3000
    })
    // Directly, the made-up host name does not resolve: the proxy would have resolved it.
    const error = await failure(client.request('GET', '/api/2.0/direct'))
    expect(forwarded).toEqual([])
    expect(error.kind).toBe('network')
    expect(error.message).not.toContain('proxy')
  })

  it('loopback portals bypass the proxy', async () => {
    process.env.HTTP_PROXY = proxyUrl
    const { client } = testClient(target.url, { maxRetries: 0 })
    const result = await client.request<{ path: string }>('GET', '/api/2.0/loopback')
    expect(result.data).toEqual({ path: '/api/2.0/loopback' })
    expect(forwarded).toEqual([])
  })

  it('HTTPS_PROXY tunnels with CONNECT: the proxy sees the host, never the credentials', async () => {
    process.env.HTTPS_PROXY = proxyUrl
    const { client, log } = testClient('https://docspace.test', { maxRetries: 0 })
    // The tunnel ends at a server that speaks no TLS, so the request fails once TLS has started.
    const error = await failure(client.request('GET', '/api/2.0/files/file/12/links'))
    expect(forwarded).toHaveLength(1)
    expect(forwarded[0].method).toBe('CONNECT')
    expect(forwarded[0].target).toBe('docspace.test:443')
    expect(forwarded[0].headers.authorization).toBeUndefined()
    const hello = Buffer.concat(tunnelBytes)
    expect(hello[0]).toBe(0x16) // a TLS handshake record
    expect(hello.includes(Buffer.from('docspace.test'))).toBe(true)
    expect(hello.includes(Buffer.from(API_KEY))).toBe(false)
    expect(error.kind).toBe('network')
    expect(error.message).toContain(`via the proxy ${proxyUrl}`)
    assertNoSecret([error.message, ...log.lines.map((l) => l.message)])
  })

  it('a proxy that wants credentials gets a clear error, and its password is never shown', async () => {
    connectAnswer = '407 Proxy Authentication Required'
    const credentials = 'agent:Pr0xyPassw0rd'
    process.env.HTTPS_PROXY = proxyUrl.replace('http://', `http://${credentials}@`)
    const { client, log } = testClient('https://docspace.test', { maxRetries: 3 })
    const error = await failure(client.request('GET', '/api/2.0/files/file/12/links'))
    expect(forwarded).toHaveLength(1)
    expect(forwarded[0].headers['proxy-authorization']).toBe(
      `Basic ${Buffer.from(credentials).toString('base64')}`
    )
    expect(error.kind).toBe('network')
    expect(error.status).toBe(407)
    expect(error.message).toBe(
      `GET /api/2.0/files/file/12/links: the proxy ${proxyUrl} asks for credentials (HTTP 407): give ` +
        'them in the proxy URL (http://user:password@host:port)'
    )
    assertNoSecret([error.message, ...log.lines.map((l) => l.message)], ['Pr0xyPassw0rd', API_KEY])
  })
})

describe('start-up cost', () => {
  // The module is compiled to a folder where the agent packages cannot be resolved: a run without a
  // proxy must still work (they are never imported), and a run with one must try to import them.
  it('loads the proxy agent modules only when a proxy applies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-lazy-'))
    try {
      const source = readFileSync(new URL('../../src/docspace/proxy.ts', import.meta.url), 'utf8')
      const proxyFromEnv = pathToFileURL(
        join(process.cwd(), 'node_modules/proxy-from-env/index.js')
      ).href
      const js = ts
        .transpileModule(source, {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
        })
        .outputText.replace(`'proxy-from-env'`, `'${proxyFromEnv}'`)
      writeFileSync(join(dir, 'proxy.mjs'), js)
      writeFileSync(
        join(dir, 'check.mjs'),
        [
          `import { proxyRouteFor } from './proxy.mjs'`,
          `const direct = await proxyRouteFor(new URL('https://docspace.test'))`,
          `process.env.HTTPS_PROXY = 'http://127.0.0.1:9'`,
          `const proxied = await proxyRouteFor(new URL('https://docspace.test')).then(`,
          `  () => 'loaded', (e) => e.code + ' ' + (String(e.message).match(/'([^']+)'/) || [])[1])`,
          `console.log(JSON.stringify({ direct: direct === undefined, proxied }))`
        ].join('\n')
      )
      const env = { ...process.env }
      for (const name of PROXY_VARIABLES) delete env[name]
      const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'check.mjs')], {
        env
      })
      expect(JSON.parse(stdout)).toEqual({
        direct: true,
        proxied: 'ERR_MODULE_NOT_FOUND https-proxy-agent'
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
