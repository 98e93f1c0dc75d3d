// Real HTTP servers on 127.0.0.1 for the client tests, plus a Logger that keeps every line.

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { DocSpaceClient, type ClientOptions } from '../../src/docspace/client.js'
import { DocSpaceError } from '../../src/docspace/errors.js'
import type { Logger } from '../../src/log.js'
import type { Auth, Connection } from '../../src/request.js'

export const API_KEY = 'sk-Secret0ApiKey0For0Tests0123456789'
export const AUTH_TOKEN = 'SecretAuthToken-for-tests-abcdef0123'

export interface Recorded {
  method: string
  path: string
  /** The raw query string, `?a=b`, or empty. */
  search: string
  headers: http.IncomingHttpHeaders
  body: string
}

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  recorded: Recorded,
  index: number
) => unknown

export interface TestServer {
  url: string
  port: number
  requests: Recorded[]
  setHandler(handler: Handler): void
  close(): Promise<void>
}

export async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const requests: Recorded[] = []
  let current = handler
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://placeholder')
      const recorded: Recorded = {
        method: req.method ?? '',
        path: url.pathname,
        search: url.search,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(recorded)
      void Promise.resolve(current(req, res, recorded, requests.length - 1)).catch(() => {
        res.destroy()
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    setHandler: (next) => {
      current = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export function envelope(response: unknown, statusCode = 200): string {
  return JSON.stringify({ response, count: 1, links: [], status: 0, statusCode })
}

export function errorEnvelope(message: string, statusCode: number): string {
  return JSON.stringify({
    error: { message, type: 'ASC.Some.Exception', stack: null, hresult: 0 },
    status: 1,
    statusCode
  })
}

export function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(body)
}

export interface CapturedLogger extends Logger {
  lines: { level: string; message: string }[]
  at(level: string): string[]
}

export function captureLogger(): CapturedLogger {
  const lines: { level: string; message: string }[] = []
  const keep = (level: string) => (message: string) => {
    lines.push({ level, message })
  }
  return {
    lines,
    at: (level) => lines.filter((l) => l.level === level).map((l) => l.message),
    debug: keep('debug'),
    info: keep('info'),
    warning: keep('warning'),
    notice: keep('notice'),
    startGroup: keep('group'),
    endGroup: () => undefined
  }
}

export function connection(portalUrl: string, overrides: Partial<Connection> = {}): Connection {
  const auth: Auth = { kind: 'api-key', apiKey: API_KEY }
  return { portalUrl, auth, requestTimeoutMs: 5000, maxRetries: 3, ...overrides }
}

export interface TestClient {
  client: DocSpaceClient
  log: CapturedLogger
  /** Waits the client asked for between attempts, in ms. */
  waits: number[]
}

/** A client whose waits between attempts are recorded and skipped. */
export function testClient(
  portalUrl: string,
  overrides: Partial<Connection> = {},
  options: ClientOptions = {}
): TestClient {
  const log = captureLogger()
  const waits: number[] = []
  const client = new DocSpaceClient(connection(portalUrl, overrides), log, {
    sleep: async (ms) => {
      waits.push(ms)
    },
    random: () => 0.5,
    ...options
  })
  return { client, log, waits }
}

/** The DocSpaceError a promise rejects with; fails the test when it resolves or throws something else. */
export async function failure(promise: Promise<unknown>): Promise<DocSpaceError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof DocSpaceError) return error
    throw new Error(`expected a DocSpaceError, got ${String(error)}`, { cause: error })
  }
  throw new Error('expected the request to fail, but it succeeded')
}

/** Every message a test run produced: logged lines and thrown errors. */
export function assertNoSecret(texts: string[], secrets: string[] = [API_KEY, AUTH_TOKEN]): void {
  for (const text of texts) {
    for (const secret of secrets) {
      if (text.includes(secret)) throw new Error(`a secret leaked into: ${text}`)
    }
  }
}
