import { describe, expect, it } from '@jest/globals'
import {
  API_KEY,
  AUTH_TOKEN,
  envelope,
  errorEnvelope,
  failure,
  send,
  testClient
} from './harness.js'
import { useServer } from '../helpers/fixtures.js'

// Each path of this server answers one way; the tests read what the client made of it.
const server = useServer((_req, res, recorded) => {
  switch (recorded.path) {
    case '/api/2.0/files/file/12/links':
      return send(res, 200, envelope([{ access: 2, sharedLink: { id: 'a' } }]))
    case '/api/2.0/files/file/12':
      return send(res, 200, errorEnvelope('The required file was not found', 404))
    case '/api/2.0/error-without-code':
      return send(res, 200, JSON.stringify({ status: 1, statusCode: 200 }))
    case '/api/2.0/html':
      res.writeHead(200, { 'content-type': 'text/html' })
      return res.end('<!DOCTYPE html><html><body>Sign in</body></html>')
    case '/api/2.0/truncated':
      return send(res, 200, '{"response":[{"access":2,"sharedLink":{"id":"a"')
    case '/api/2.0/empty':
      return send(res, 200, '')
    case '/api/2.0/plain':
      res.writeHead(200, { 'content-type': 'text/plain' })
      return res.end('OK')
    case '/api/2.0/no-content':
      res.writeHead(204)
      return res.end()
    case '/api/2.0/not-envelope':
      return send(res, 200, JSON.stringify({ hello: 'world' }))
    case '/ChunkedUploader.ashx':
      return send(res, 200, JSON.stringify({ success: false, message: 'Chunk too large' }))
    case '/api/2.0/validation':
      return send(
        res,
        400,
        JSON.stringify({
          response: {
            title: 'One or more validation errors occurred.',
            status: 400,
            errors: { '$.expirationDate': ['The JSON value could not be converted.'] }
          },
          status: 1,
          statusCode: 400
        })
      )
    case '/prefix/api/2.0/ok':
      return send(res, 200, envelope(true))
    default:
      return send(res, 200, envelope({ echo: recorded.path }))
  }
})

describe('success', () => {
  it('returns the response of the envelope, sends the credentials and the user agent', async () => {
    const { client } = testClient(server.url)
    const result = await client.request<{ access: number }[]>(
      'GET',
      '/api/2.0/files/file/12/links',
      { query: { startIndex: 0, count: 100, skipped: undefined } }
    )
    expect(result.status).toBe(200)
    expect(result.data).toEqual([{ access: 2, sharedLink: { id: 'a' } }])
    expect(result.envelope.statusCode).toBe(200)
    const seen = server.requests.at(-1)!
    expect(seen.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(seen.headers.cookie).toBeUndefined()
    expect(seen.headers['user-agent']).toBe('docspace-share-links-action')
    expect(seen.search).toBe('?startIndex=0&count=100')
  })

  it('sends an auth token as the asc_auth_key cookie, without Authorization', async () => {
    const { client } = testClient(server.url, {
      auth: { kind: 'auth-token', authToken: AUTH_TOKEN }
    })
    await client.request('GET', '/api/2.0/anything')
    const seen = server.requests.at(-1)!
    expect(seen.headers.cookie).toBe(`asc_auth_key=${AUTH_TOKEN}`)
    expect(seen.headers.authorization).toBeUndefined()
  })

  it('sends JSON bodies with their content type', async () => {
    const { client } = testClient(server.url)
    await client.request('PUT', '/api/2.0/anything', { json: { access: 2 }, retry: 'idempotent' })
    const seen = server.requests.at(-1)!
    expect(seen.method).toBe('PUT')
    expect(seen.headers['content-type']).toBe('application/json')
    expect(JSON.parse(seen.body)).toEqual({ access: 2 })
  })

  it('keeps the path prefix of the portal URL', async () => {
    const { client } = testClient(`${server.url}/prefix`)
    const result = await client.request<boolean>('GET', '/api/2.0/ok')
    expect(result.data).toBe(true)
    expect(server.requests.at(-1)!.path).toBe('/prefix/api/2.0/ok')
  })

  it('accepts 204 without a body', async () => {
    const { client } = testClient(server.url)
    const result = await client.request('DELETE', '/api/2.0/no-content')
    expect(result).toEqual({ data: undefined, envelope: {}, status: 204 })
  })

  it("returns any JSON with expect 'json' and leaves success: false to the caller", async () => {
    const { client } = testClient(server.url)
    const result = await client.request<{ success: boolean; message: string }>(
      'POST',
      `${server.url}/ChunkedUploader.ashx?uid=abc`,
      { body: 'chunk', expect: 'json' }
    )
    expect(result.data).toEqual({ success: false, message: 'Chunk too large' })
    expect(server.requests.at(-1)!.search).toBe('?uid=abc')
  })
})

describe('responses that are not what was expected', () => {
  const cases: [string, string, RegExp][] = [
    ['/api/2.0/html', 'GET /api/2.0/html', /HTTP 200 with an HTML page, not JSON: is portal-url/],
    ['/api/2.0/truncated', 'GET /api/2.0/truncated', /HTTP 200 with malformed or truncated JSON/],
    ['/api/2.0/empty', 'GET /api/2.0/empty', /HTTP 200 with an empty body where JSON was expected/],
    [
      '/api/2.0/plain',
      'GET /api/2.0/plain',
      /HTTP 200 with a body that is not JSON \(text\/plain\)/
    ],
    ['/api/2.0/not-envelope', 'GET /api/2.0/not-envelope', /not a DocSpace API response/],
    [
      '/api/2.0/error-without-code',
      'GET /api/2.0/error-without-code',
      /HTTP 200 but reported an error/
    ]
  ]
  for (const [path, endpoint, message] of cases) {
    it(`${path} is a bad-response naming the endpoint, not retried`, async () => {
      const { client } = testClient(server.url)
      const before = server.requests.length
      const error = await failure(client.request('GET', path, { query: { secretish: 'q' } }))
      expect(error.kind).toBe('bad-response')
      expect(error.status).toBe(200)
      expect(error.ambiguous).toBe(false)
      expect(error.endpoint).toBe(endpoint)
      expect(error.message.startsWith(endpoint)).toBe(true)
      expect(error.message).toMatch(message)
      expect(error.message).not.toContain('secretish')
      expect(error.message).not.toContain('Sign in')
      expect(server.requests.length - before).toBe(1)
    })
  }

  it('an unreadable 2xx to a non-idempotent write is ambiguous and not repeated', async () => {
    const { client } = testClient(server.url)
    const before = server.requests.length
    const error = await failure(
      client.request('PUT', '/api/2.0/truncated', { json: { title: 't' }, retry: 'none' })
    )
    expect(error.kind).toBe('bad-response')
    expect(error.ambiguous).toBe(true)
    expect(error.message).toBe(
      'PUT /api/2.0/truncated answered HTTP 200 with malformed or truncated JSON (47 bytes) (the ' +
        'portal may have carried out the request, so it was not repeated)'
    )
    expect(server.requests.length - before).toBe(1)
  })

  it('a 2xx carrying an error envelope takes the kind of its statusCode', async () => {
    const { client } = testClient(server.url)
    const error = await failure(client.request('GET', '/api/2.0/files/file/12'))
    expect(error.kind).toBe('not-found')
    expect(error.status).toBe(404)
    expect(error.message).toContain('The required file was not found')
  })

  it('a validation failure quotes the field and the reason', async () => {
    const { client } = testClient(server.url)
    const error = await failure(client.request('PUT', '/api/2.0/validation', { json: {} }))
    expect(error.kind).toBe('bad-request')
    expect(error.message).toBe(
      'PUT /api/2.0/validation was rejected as invalid (HTTP 400): expirationDate: The JSON value ' +
        'could not be converted.'
    )
  })
})
