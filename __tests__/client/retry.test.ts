import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import { DocSpaceClient } from '../../src/docspace/client.js'
import { backoffMs, requestedWaitMs } from '../../src/docspace/http-retry.js'
import {
  captureLogger,
  connection,
  envelope,
  failure,
  send,
  startServer,
  testClient,
  type Recorded,
  type TestServer
} from './harness.js'
import { useServer } from '../helpers/fixtures.js'

// Scripted answers per path: the n-th request to a path gets the n-th step (the last one repeats).
type Step =
  | { status: number; headers?: Record<string, string>; body?: string }
  | 'reset'
  | ((res: import('node:http').ServerResponse, recorded: Recorded) => void)
const scripts = new Map<string, Step[]>()
const server = useServer((req, res, recorded) => {
  const steps = scripts.get(recorded.path) ?? [{ status: 200 }]
  const step = steps[Math.min(count(recorded.path) - 1, steps.length - 1)]
  if (step === 'reset') {
    req.socket.destroy()
    return
  }
  if (typeof step === 'function') return step(res, recorded)
  send(res, step.status, step.body ?? envelope({ n: count(recorded.path) }), step.headers)
})

function script(path: string, ...steps: Step[]): string {
  scripts.set(path, steps)
  return path
}

function count(path: string): number {
  return server.requests.filter((r) => r.path === path).length
}

describe('backoff and requested waits', () => {
  it('grows exponentially with full jitter and a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 500, 30_000, () => 1))).toEqual([
      500, 1000, 2000, 4000
    ])
    expect(backoffMs(3, 500, 30_000, () => 0.5)).toBe(1000)
    expect(backoffMs(3, 500, 30_000, () => 0)).toBe(0)
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000)
  })

  it('reads Retry-After seconds and dates, X-RateLimit-Reset, and caps them at 60 s', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0)
    const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null })
    expect(requestedWaitMs(headers({ 'retry-after': '7' }), now)).toBe(7000)
    const date = new Date(now + 5000).toUTCString()
    expect(requestedWaitMs(headers({ 'retry-after': date }), now)).toBe(5000)
    expect(requestedWaitMs(headers({ 'retry-after': '3600' }), now)).toBe(60_000)
    expect(requestedWaitMs(headers({ 'x-ratelimit-reset': String(now / 1000 + 9) }), now)).toBe(
      9000
    )
    expect(requestedWaitMs(headers({ 'x-ratelimit-reset': '4' }), now)).toBe(4000)
    expect(requestedWaitMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined()
    expect(requestedWaitMs(headers({}), now)).toBeUndefined()
  })
})

describe('retries', () => {
  it('429 with Retry-After in seconds waits that long, then succeeds', async () => {
    const path = script(
      '/429-seconds',
      { status: 429, headers: { 'retry-after': '7' }, body: '' },
      { status: 200 }
    )
    const { client, waits, log } = testClient(server.url)
    const result = await client.request<{ n: number }>('GET', path)
    expect(result.data).toEqual({ n: 2 })
    expect(waits).toEqual([7000])
    expect(count(path)).toBe(2)
    expect(log.at('warning')).toEqual([`GET ${path}: HTTP 429, retrying in 7.0 s (attempt 2 of 4)`])
  })

  it('429 with Retry-After as an HTTP date waits until then', async () => {
    const now = Date.UTC(2026, 5, 1, 8, 30, 0)
    const path = script(
      '/429-date',
      { status: 429, headers: { 'retry-after': new Date(now + 12_000).toUTCString() }, body: '' },
      { status: 200 }
    )
    const { client, waits } = testClient(server.url, {}, { now: () => now })
    await client.request('GET', path)
    expect(waits).toEqual([12_000])
  })

  it('429 with X-RateLimit-Reset (unix seconds) waits until the reset', async () => {
    const now = Date.UTC(2026, 5, 1, 8, 30, 0)
    const path = script(
      '/429-reset',
      { status: 429, headers: { 'x-ratelimit-reset': String(now / 1000 + 3) }, body: '' },
      { status: 200 }
    )
    const { client, waits } = testClient(server.url, {}, { now: () => now })
    await client.request('POST', path, { json: {}, retry: 'none' })
    expect(waits).toEqual([3000])
    expect(count(path)).toBe(2)
  })

  it('really sleeps for Retry-After with the default sleep', async () => {
    const path = script(
      '/429-real',
      { status: 429, headers: { 'retry-after': '1' }, body: '' },
      { status: 200 }
    )
    const client = new DocSpaceClient(connection(server.url), captureLogger())
    const started = Date.now()
    await client.request('GET', path)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(count(path)).toBe(2)
  })

  it('503 twice, then success, with exponential backoff', async () => {
    const path = script(
      '/503-twice',
      { status: 503, body: '' },
      { status: 503, body: '' },
      { status: 200 }
    )
    const { client, waits, log } = testClient(
      server.url,
      {},
      { random: () => 1, backoffBaseMs: 1200 }
    )
    const result = await client.request<{ n: number }>('GET', path, { query: { q: 'hidden' } })
    expect(result.data).toEqual({ n: 3 })
    expect(waits).toEqual([1200, 2400])
    expect(log.at('warning')).toEqual([
      `GET ${path}: HTTP 503, retrying in 1.2 s (attempt 2 of 4)`,
      `GET ${path}: HTTP 503, retrying in 2.4 s (attempt 3 of 4)`
    ])
  })

  it('max-retries 0 makes one attempt, 3 makes four', async () => {
    const zero = script('/always-503-a', { status: 503, body: '' })
    await failure(testClient(server.url, { maxRetries: 0 }).client.request('GET', zero))
    expect(count(zero)).toBe(1)
    const three = script('/always-503-b', { status: 503, body: '' })
    const { client, waits } = testClient(server.url, { maxRetries: 3 })
    const error = await failure(client.request('GET', three))
    expect(count(three)).toBe(4)
    expect(waits).toHaveLength(3)
    expect(error.message).toContain('(gave up after 4 attempts)')
  })

  it('a 503 to a non-idempotent write is retried: the server did not do it', async () => {
    const path = script('/create-503', { status: 503, body: '' }, { status: 200 })
    const { client } = testClient(server.url)
    const result = await client.request('PUT', path, { json: { title: 'x' }, retry: 'none' })
    expect(result.status).toBe(200)
    expect(server.requests.filter((r) => r.path === path).map((r) => r.body)).toEqual([
      '{"title":"x"}',
      '{"title":"x"}'
    ])
  })

  for (const status of [502, 504]) {
    it(`a ${status} to a non-idempotent write is ambiguous and not repeated`, async () => {
      const path = script(`/create-${status}`, { status, body: '' }, { status: 200 })
      const { client, log } = testClient(server.url)
      const error = await failure(client.request('PUT', path, { json: {}, retry: 'none' }))
      expect(error.ambiguous).toBe(true)
      expect(error.kind).toBe('server')
      expect(error.message).toContain('it is unknown whether the portal carried it out')
      expect(count(path)).toBe(1)
      expect(log.at('warning')).toEqual([])
    })
  }

  it('a 502 to an idempotent write is repeated', async () => {
    const path = script('/update-502', { status: 502, body: '' }, { status: 200 })
    const { client } = testClient(server.url)
    await client.request('PUT', path, { json: {}, retry: 'idempotent' })
    expect(count(path)).toBe(2)
  })
})

describe('connection failures', () => {
  it('a reset before the response is retried for a read', async () => {
    const path = script('/reset-read', 'reset', { status: 200 })
    const { client, log } = testClient(server.url)
    const result = await client.request<{ n: number }>('GET', path)
    expect(result.data).toEqual({ n: 2 })
    expect(count(path)).toBe(2)
    expect(log.at('warning')[0]).toMatch(
      new RegExp(
        `^GET ${path}: the connection was reset \\(ECONNRESET\\), retrying in 0\\.3 s \\(attempt 2 of 4\\)$`
      )
    )
  })

  it('a reset after a non-idempotent write was sent is ambiguous and not repeated', async () => {
    const path = script('/reset-create', 'reset', { status: 200 })
    const { client } = testClient(server.url)
    const error = await failure(
      client.request('PUT', path, { json: { title: 'once' }, retry: 'none' })
    )
    expect(error.ambiguous).toBe(true)
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(
      /^PUT \/reset-create: the connection was reset \(ECONNRESET\); it is unknown/
    )
    expect(count(path)).toBe(1)
  })

  it('a refused connection is retried even for a non-idempotent write', async () => {
    // Take a free port, leave it closed for the first attempt, and open it during the wait.
    const probe = await startServer(() => undefined)
    const port = probe.port
    await probe.close()
    let late: TestServer | undefined
    const { client, log } = testClient(
      `http://127.0.0.1:${port}`,
      {},
      {
        sleep: async () => {
          late ??= await startServer((_req, res) => send(res, 200, envelope('created')), port)
        }
      }
    )
    try {
      const result = await client.request<string>('POST', '/api/2.0/create', {
        json: {},
        retry: 'none'
      })
      expect(result.data).toBe('created')
      expect(late!.requests).toHaveLength(1)
      expect(log.at('warning')[0]).toMatch(
        /the connection was refused at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/
      )
    } finally {
      await late?.close()
    }
  })

  it('a refused connection that never recovers fails as a network error', async () => {
    const probe = await startServer(() => undefined)
    await probe.close()
    const { client } = testClient(probe.url, { maxRetries: 2 })
    const error = await failure(client.request('GET', '/api/2.0/x'))
    expect(error.kind).toBe('network')
    expect(error.ambiguous).toBe(false)
    expect(error.message).toBe(
      `GET /api/2.0/x: the connection was refused at ${new URL(probe.url).host} (ECONNREFUSED); ` +
        'check portal-url and the network (gave up after 3 attempts)'
    )
  })
})

describe('request bodies on retry', () => {
  it('a body factory is called again for each attempt', async () => {
    const path = script('/upload-503', { status: 503, body: '' }, { status: 200 })
    const { client } = testClient(server.url)
    let made = 0
    await client.request('POST', path, {
      body: () => {
        made++
        return Readable.from([Buffer.from('chunk-'), Buffer.from(String(made))])
      },
      headers: { 'Content-Type': 'application/octet-stream' },
      retry: 'none'
    })
    expect(made).toBe(2)
    expect(server.requests.filter((r) => r.path === path).map((r) => r.body)).toEqual([
      'chunk-1',
      'chunk-2'
    ])
  })

  it('a stream given directly is sent once and not repeated', async () => {
    const path = script('/stream-503', { status: 503, body: '' }, { status: 200 })
    const { client } = testClient(server.url)
    const error = await failure(
      client.request('POST', path, { body: Readable.from([Buffer.from('once')]), retry: 'read' })
    )
    expect(error.kind).toBe('server')
    expect(count(path)).toBe(1)
  })
})
