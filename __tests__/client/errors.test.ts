import { describe, expect, it } from '@jest/globals'
import type { ErrorKind } from '../../src/docspace/errors.js'
import {
  API_KEY,
  AUTH_TOKEN,
  assertNoSecret,
  errorEnvelope,
  failure,
  send,
  testClient
} from './harness.js'
import { useServer } from '../helpers/fixtures.js'

// The status to answer comes from the path: /status/<code>/<message or "-">.
const server = useServer((_req, res, recorded) => {
  const [, , code, message] = recorded.path.split('/')
  const status = Number(code)
  if (message === 'empty') {
    res.writeHead(status)
    return res.end()
  }
  if (message === 'html') {
    res.writeHead(status, { 'content-type': 'text/html' })
    return res.end('<html><body>502 Bad Gateway nginx</body></html>')
  }
  send(res, status, errorEnvelope(decodeURIComponent(message), status))
})

function countFor(path: string): number {
  return server.requests.filter((r) => r.path === path).length
}

describe('error statuses', () => {
  const cases: [number, string, ErrorKind, RegExp][] = [
    [
      400,
      'Password must be at least 8 characters',
      'bad-request',
      /rejected as invalid \(HTTP 400\): Password must be at least 8 characters$/
    ],
    [
      401,
      'empty',
      'unauthorized',
      /authentication failed \(HTTP 401\): the portal rejected the API key given in api-key; check api-key$/
    ],
    [
      402,
      'Plan lacks option',
      'payment-required',
      /plan lacks an option .*\(HTTP 402\): Plan lacks option$/
    ],
    [
      403,
      'Access denied',
      'forbidden',
      /: the key's user lacks permission for this, or the API key's scopes do not cover it \(HTTP 403\)$/
    ],
    [
      403,
      'The maximum number of links may not exceed 6',
      'forbidden',
      /lacks permission for this, .*\(HTTP 403\): The maximum number of links may not exceed 6$/
    ],
    [
      404,
      'Item not found',
      'not-found',
      /no such file, folder, room or link \(HTTP 404\): Item not found; check the id$/
    ],
    [409, 'Conflict', 'bad-request', /was rejected \(HTTP 409\): Conflict$/],
    [
      415,
      'Not supported',
      'unsupported',
      /does not accept this kind of content \(HTTP 415\): Not supported$/
    ],
    [
      500,
      'Object reference not set',
      'server',
      /failed with HTTP 500: Object reference not set; try again later$/
    ],
    [501, 'html', 'server', /failed with HTTP 501; try again later$/]
  ]
  for (const [status, message, kind, pattern] of cases) {
    it(`${status} (${message}) is ${kind}, names the endpoint and is never retried`, async () => {
      const { client, log } = testClient(server.url, { maxRetries: 3 })
      const path = `/status/${status}/${encodeURIComponent(message)}`
      const error = await failure(
        client.request('PUT', path, { query: { token: 'q' }, json: {}, retry: 'idempotent' })
      )
      expect(error.kind).toBe(kind)
      expect(error.status).toBe(status)
      expect(error.ambiguous).toBe(false)
      expect(error.endpoint).toBe(`PUT ${path}`)
      expect(error.message.startsWith(`PUT ${path}`)).toBe(true)
      expect(error.message).toMatch(pattern)
      expect(error.message).not.toContain('?')
      expect(error.message).not.toContain('<html>')
      expect(countFor(path)).toBe(1)
      expect(log.at('warning')).toEqual([])
    })
  }

  it('401 with an auth token points at auth-token', async () => {
    const { client } = testClient(server.url, {
      auth: { kind: 'auth-token', authToken: AUTH_TOKEN }
    })
    const error = await failure(client.request('GET', '/status/401/empty'))
    expect(error.message).toMatch(/check auth-token$/)
  })

  const retried: [number, ErrorKind][] = [
    [429, 'rate-limited'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server']
  ]
  for (const [status, kind] of retried) {
    it(`${status} is ${kind} once the retries are used up`, async () => {
      const { client, waits } = testClient(server.url, { maxRetries: 2 })
      const path = `/status/${status}/html`
      const error = await failure(client.request('GET', path))
      expect(error.kind).toBe(kind)
      expect(error.status).toBe(status)
      expect(error.message).toMatch(new RegExp(`^GET ${path}: .*HTTP ${status}`))
      expect(error.message).toMatch(/\(gave up after 3 attempts\)$/)
      expect(countFor(path)).toBe(3)
      expect(waits).toHaveLength(2)
    })
  }

  it('429 says to lower concurrency', async () => {
    const { client } = testClient(server.url, { maxRetries: 0 })
    const error = await failure(client.request('GET', '/status/429/empty'))
    expect(error.message).toBe(
      "GET /status/429/empty: the portal's rate limit was exceeded (HTTP 429): lower concurrency or run later"
    )
  })
})

describe('secrets', () => {
  it('never appear in a message, even when the server echoes them', async () => {
    const { client, log } = testClient(server.url, { maxRetries: 1 })
    const echoed = `bad key ${API_KEY} and ${encodeURIComponent(API_KEY)}`
    const messages: string[] = []
    for (const path of [
      `/status/400/${encodeURIComponent(echoed)}`,
      `/status/403/${encodeURIComponent(echoed)}`,
      `/status/503/${encodeURIComponent(echoed)}`
    ]) {
      const error = await failure(client.request('GET', path, { query: { key: API_KEY } }))
      messages.push(error.message)
    }
    expect(messages[0]).toContain('bad key *** and ***')
    assertNoSecret([...messages, ...log.lines.map((l) => l.message)])
    // The scrub is what kept them out: the server really sent them.
    expect(server.requests.at(-1)!.search).toContain(encodeURIComponent(API_KEY))
  })

  it('masks link passwords of a JSON body that the server quotes back', async () => {
    const { client, log } = testClient(server.url)
    const password = 'Link-Pa55word-xyz'
    const error = await failure(
      client.request('PUT', `/status/400/${encodeURIComponent(`weak password ${password}`)}`, {
        json: { linkId: 'x', password }
      })
    )
    expect(error.message).toMatch(/weak password \*\*\*$/)
    assertNoSecret([error.message, ...log.lines.map((l) => l.message)], [password])
  })
})
