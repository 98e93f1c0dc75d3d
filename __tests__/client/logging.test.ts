import { describe, expect, it } from '@jest/globals'
import {
  API_KEY,
  AUTH_TOKEN,
  assertNoSecret,
  envelope,
  errorEnvelope,
  failure,
  send,
  testClient
} from './harness.js'
import { useServer } from '../helpers/fixtures.js'

const LINK_PASSWORD = 'Visitor-Pa55-word'
const REQUEST_TOKEN = 'requestTokenValue0123456789abcdef'
const QUERY_VALUE = 'query-value-not-for-logs'

const server = useServer((_req, res, recorded) => {
  switch (recorded.path) {
    case '/api/2.0/files/file/12/links':
      return send(
        res,
        200,
        envelope([
          { access: 2, sharedLink: { password: LINK_PASSWORD, requestToken: REQUEST_TOKEN } }
        ])
      )
    case '/api/2.0/flaky':
      if (flaky++ === 0) return send(res, 503, '', { 'retry-after': '0' })
      return send(res, 200, envelope({ requestToken: REQUEST_TOKEN }))
    case '/api/2.0/moved':
      res.writeHead(302, { location: `/api/2.0/files/file/12/links?token=${REQUEST_TOKEN}` })
      return res.end()
    case '/api/2.0/denied':
      return send(res, 403, errorEnvelope('Access denied', 403))
    default:
      return send(res, 404, errorEnvelope('Item not found', 404))
  }
})
let flaky = 0

describe('debug logging', () => {
  it('writes one line per exchange: method, path, status, time and attempt, nothing else', async () => {
    const { client, log } = testClient(server.url)
    await client.request('PUT', '/api/2.0/files/file/12/links', {
      query: { q: QUERY_VALUE },
      json: { password: LINK_PASSWORD },
      retry: 'idempotent'
    })
    await client.request('GET', '/api/2.0/flaky', { query: { q: QUERY_VALUE } })
    await client.request('GET', '/api/2.0/moved')
    expect(log.at('debug')).toEqual([
      expect.stringMatching(
        /^PUT \/api\/2.0\/files\/file\/12\/links: HTTP 200 in \d+ ms \(attempt 1 of 4\)$/
      ),
      expect.stringMatching(/^GET \/api\/2.0\/flaky: HTTP 503 in \d+ ms \(attempt 1 of 4\)$/),
      expect.stringMatching(/^GET \/api\/2.0\/flaky: HTTP 200 in \d+ ms \(attempt 2 of 4\)$/),
      expect.stringMatching(/^GET \/api\/2.0\/moved: HTTP 302 in \d+ ms \(attempt 1 of 4\)$/),
      'GET /api/2.0/moved: redirected to /api/2.0/files/file/12/links',
      expect.stringMatching(
        /^GET \/api\/2.0\/files\/file\/12\/links: HTTP 200 in \d+ ms \(attempt 1 of 4\)$/
      )
    ])
    expect(log.at('warning')).toEqual([
      'GET /api/2.0/flaky: HTTP 503, retrying in 0.0 s (attempt 2 of 4)'
    ])
  })

  it('no secret, query value, password or requestToken reaches a log line or an error', async () => {
    const messages: string[] = []
    for (const auth of [
      { kind: 'api-key' as const, apiKey: API_KEY },
      { kind: 'auth-token' as const, authToken: AUTH_TOKEN }
    ]) {
      const { client, log } = testClient(server.url, { auth, maxRetries: 1 })
      await client.request('GET', '/api/2.0/files/file/12/links', { query: { q: QUERY_VALUE } })
      for (const path of ['/api/2.0/denied', '/api/2.0/missing']) {
        const error = await failure(
          client.request('PUT', path, {
            query: { q: QUERY_VALUE },
            json: { password: LINK_PASSWORD }
          })
        )
        messages.push(error.message)
      }
      messages.push(...log.lines.map((l) => l.message))
    }
    expect(messages.length).toBeGreaterThan(6)
    assertNoSecret(messages, [API_KEY, AUTH_TOKEN, LINK_PASSWORD, REQUEST_TOKEN, QUERY_VALUE])
  })
})
