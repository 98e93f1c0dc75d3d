import { describe, expect, it, jest } from '@jest/globals'
import { envelope, failure, send, testClient } from './harness.js'
import { useServer } from '../helpers/fixtures.js'

// /stall-body sends headers and half a body, then nothing; /stall-headers never answers; /slow answers
// after 150 ms.
const server = useServer((_req, res, recorded) => {
  if (recorded.path === '/stall-body') {
    const body = envelope({ big: 'x'.repeat(200) })
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(body.length)
    })
    res.write(body.slice(0, 40))
    return
  }
  if (recorded.path === '/stall-headers') return
  if (recorded.path === '/gone') return send(res, 404, '')
  if (recorded.path === '/slow') {
    setTimeout(() => send(res, 200, envelope('late')), 150)
    return
  }
  send(res, 200, envelope('ok'))
})

function count(path: string): number {
  return server.requests.filter((r) => r.path === path).length
}

describe('timeouts', () => {
  it('a response that stalls mid-body times out within the bound', async () => {
    const { client } = testClient(server.url, { requestTimeoutMs: 300, maxRetries: 0 })
    const started = Date.now()
    const error = await failure(client.request('GET', '/stall-body'))
    const took = Date.now() - started
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe(
      'GET /stall-body: no complete answer within 0.3 s; raise request-timeout or check the portal'
    )
    expect(took).toBeGreaterThanOrEqual(290)
    expect(took).toBeLessThan(2000)
    expect(count('/stall-body')).toBe(1)
  })

  it('a read that timed out is retried, each attempt with its own bound', async () => {
    const before = count('/stall-headers')
    const { client, log } = testClient(server.url, { requestTimeoutMs: 200, maxRetries: 1 })
    const started = Date.now()
    const error = await failure(client.request('GET', '/stall-headers'))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(error.kind).toBe('timeout')
    expect(error.message).toContain('(gave up after 2 attempts)')
    expect(count('/stall-headers') - before).toBe(2)
    expect(log.at('warning')).toEqual([
      'GET /stall-headers: timed out after 0.2 s, retrying in 0.3 s (attempt 2 of 2)'
    ])
  })

  it('a non-idempotent write that timed out is ambiguous and not repeated', async () => {
    const before = count('/stall-headers')
    const { client } = testClient(server.url, { requestTimeoutMs: 200, maxRetries: 3 })
    const error = await failure(
      client.request('POST', '/stall-headers', { json: {}, retry: 'none' })
    )
    expect(error.kind).toBe('timeout')
    expect(error.ambiguous).toBe(true)
    expect(error.message).toContain('it is unknown whether the portal carried it out')
    expect(count('/stall-headers') - before).toBe(1)
  })

  it('timeoutMs of a request overrides the connection timeout', async () => {
    const { client } = testClient(server.url, { requestTimeoutMs: 50, maxRetries: 0 })
    const result = await client.request<string>('GET', '/slow', { timeoutMs: 2000 })
    expect(result.data).toBe('late')
  })

  it('clears its timers on success, on an error status and when cancelled', async () => {
    // A timer of this unusual length can only be the client's per-attempt bound.
    const bound = 61_234
    const started: unknown[] = []
    const cleared = new Set<unknown>()
    const realSet = globalThis.setTimeout
    const realClear = globalThis.clearTimeout
    const setSpy = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((
      fn: () => void,
      ms?: number
    ) => {
      const handle = realSet(fn, ms)
      if (ms === bound) started.push(handle)
      return handle
    }) as typeof setTimeout)
    const clearSpy = jest.spyOn(globalThis, 'clearTimeout').mockImplementation(((
      handle?: Parameters<typeof clearTimeout>[0]
    ) => {
      cleared.add(handle)
      realClear(handle)
    }) as typeof clearTimeout)
    try {
      const { client } = testClient(server.url, { requestTimeoutMs: bound, maxRetries: 0 })
      await client.request('GET', '/ok')
      await failure(client.request('GET', '/gone'))
      // Cancelled by the caller while the body stalls: the client's own timer must go too.
      await expect(
        client.request('GET', '/stall-body', { signal: AbortSignal.timeout(100) })
      ).rejects.toThrow()
    } finally {
      setSpy.mockRestore()
      clearSpy.mockRestore()
    }
    expect(started).toHaveLength(3)
    expect(started.filter((handle) => !cleared.has(handle))).toEqual([])
  })

  it("the caller's signal cancels the request with its own reason", async () => {
    const { client } = testClient(server.url, { requestTimeoutMs: 10_000 })
    const controller = new AbortController()
    const reason = new Error('cancelled by the caller')
    setTimeout(() => controller.abort(reason), 50)
    await expect(
      client.request('GET', '/stall-headers', { signal: controller.signal })
    ).rejects.toBe(reason)
  })
})
