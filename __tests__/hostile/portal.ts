// A hostile portal for the tests: a loopback server in front of the emulator that passes every request on
// and lets a test rewrite the JSON it answers (a repeated page, a link without an id, a title that is an
// object) or answer on its own (an endless body). The emulator behind it keeps the real state, so a test
// asserts what the portal ended up holding, and the proxy keeps every write it passed on.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { beforeEach } from '@jest/globals'
import { configureAudit } from '../../emulator/audit-journal.js'
import type { Emulator } from '../../emulator/server.js'
import { started, useEmulator } from '../helpers/fixtures.js'
import { runAction } from '../../scripts/run-action.mjs'

export interface Exchange {
  method: string
  /** Path without the query. */
  path: string
  query: URLSearchParams
  /** The request body, parsed when it is JSON. */
  body: unknown
}

/** Returns the JSON to send instead, or undefined to send the emulator's answer unchanged. */
export type Rewrite = (exchange: Exchange, answer: unknown) => unknown

/** Answers the request itself (true) instead of passing it on. */
export type Override = (exchange: Exchange, res: ServerResponse) => boolean

export interface HostilePortal {
  url: string
  /** Every request that reached the proxy, in order. */
  exchanges: Exchange[]
  /** The writes (anything but GET) that reached the proxy. */
  writes(): Exchange[]
  rewrite: Rewrite | undefined
  override: Override | undefined
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startHostilePortal(emulator: Emulator): Promise<HostilePortal> {
  const portal: HostilePortal = {
    url: '',
    exchanges: [],
    writes: () => portal.exchanges.filter((e) => e.method !== 'GET'),
    rewrite: undefined,
    override: undefined,
    close: async () => undefined
  }
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let body: unknown
      try {
        body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined
      } catch {
        body = raw.toString('utf8')
      }
      const exchange: Exchange = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body
      }
      portal.exchanges.push(exchange)
      if (portal.override?.(exchange, res)) return
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length')
          headers[name] = value
      }
      const answer = await fetch(`${emulator.url}${req.url}`, {
        method: req.method,
        headers,
        body: raw.length > 0 ? raw : undefined
      })
      const text = await answer.text()
      let out = text
      if (portal.rewrite && (answer.headers.get('content-type') ?? '').includes('json')) {
        const replaced = portal.rewrite(exchange, JSON.parse(text))
        if (replaced !== undefined) out = JSON.stringify(replaced)
      }
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json'
      })
      res.end(out)
    })().catch((error: unknown) => {
      res.writeHead(500)
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  portal.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  portal.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return portal
}

/** An envelope as DocSpace wraps every answer. */
export function envelope(response: unknown, extra: Record<string, unknown> = {}): unknown {
  return { response, status: 0, statusCode: 200, ...extra }
}

/** Workflow commands the runner would obey in stdout: `::name …::` lines and `##[` anywhere. */
export function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['))
}

/** Commands the action itself may write: annotations, groups, masks, debug. */
export function ownCommand(line: string): boolean {
  return /^::(warning|error|notice|debug|group|endgroup|add-mask)(\s[^:]*)?::/.test(line)
}

export type RunResult = Awaited<ReturnType<typeof runAction>>

export function runBundle(
  url: string,
  key: string,
  inputs: Record<string, string | number | boolean | undefined>,
  env: Record<string, string> = {}
): Promise<RunResult> {
  return runAction({
    inputs: { 'portal-url': url, 'api-key': key, 'max-retries': 0, ...inputs },
    env,
    timeoutMs: 60_000
  })
}

/**
 * An emulator and the hostile proxy in front of it for the tests of the enclosing block; the proxy's
 * rewrites, overrides and recorded exchanges start afresh for every test. `audit`: the plan has the Audit
 * option, so downloads can be counted.
 */
export function useHostilePortal(options: { audit?: boolean } = {}): {
  emulator: Emulator
  portal: HostilePortal
} {
  const emulator = useEmulator()
  const portal = started(
    'hostile portal',
    async () => {
      if (options.audit) configureAudit(emulator, { auditOption: true })
      return startHostilePortal(emulator)
    },
    (proxy) => proxy.close()
  )
  beforeEach(() => {
    portal.rewrite = undefined
    portal.override = undefined
    portal.exchanges.length = 0
  })
  return { emulator, portal }
}
