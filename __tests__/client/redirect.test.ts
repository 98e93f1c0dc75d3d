import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  API_KEY,
  AUTH_TOKEN,
  assertNoSecret,
  envelope,
  failure,
  send,
  startServer,
  testClient,
  type TestServer
} from './harness.js'

// `portal` redirects /r/<status>/<target path> to the target; `other` is another origin (another port on
// the same host) that must never see a request carrying credentials.
let portal: TestServer
let other: TestServer

beforeAll(async () => {
  other = await startServer((_req, res) => send(res, 200, envelope('other')))
  portal = await startServer((_req, res, recorded) => {
    const redirect = /^\/r\/(\d{3})(\/.*)$/.exec(recorded.path)
    if (redirect) {
      const [, status, target] = redirect
      const location = target.startsWith('/other')
        ? `${other.url}${target.slice('/other'.length)}?token=abc`
        : target.startsWith('/https')
          ? `https://127.0.0.1:${portal.port}${target.slice('/https'.length)}`
          : target
      res.writeHead(Number(status), { location, 'content-type': 'text/html' })
      return res.end('<html>Moved</html>')
    }
    if (recorded.path === '/loop') {
      res.writeHead(302, { location: '/loop' })
      return res.end()
    }
    if (recorded.path === '/no-location') {
      res.writeHead(302)
      return res.end()
    }
    send(res, 200, envelope({ method: recorded.method, body: recorded.body }))
  })
})

afterAll(async () => {
  await portal.close()
  await other.close()
})

function last(server: TestServer, path: string) {
  return server.requests.filter((r) => r.path === path).at(-1)
}

describe('same-origin redirects', () => {
  it('are followed with the credentials', async () => {
    const { client } = testClient(portal.url)
    const result = await client.request<{ method: string }>('GET', '/r/302/api/2.0/new-a')
    expect(result.data).toEqual({ method: 'GET', body: '' })
    expect(last(portal, '/api/2.0/new-a')!.headers.authorization).toBe(`Bearer ${API_KEY}`)
  })

  it('follow an auth-token cookie too', async () => {
    const { client } = testClient(portal.url, {
      auth: { kind: 'auth-token', authToken: AUTH_TOKEN }
    })
    await client.request('GET', '/r/301/api/2.0/new-b')
    expect(last(portal, '/api/2.0/new-b')!.headers.cookie).toBe(`asc_auth_key=${AUTH_TOKEN}`)
  })

  it('307 and 308 repeat the method and the body', async () => {
    const { client } = testClient(portal.url)
    for (const status of [307, 308]) {
      const path = `/api/2.0/new-${status}`
      const result = await client.request('PUT', `/r/${status}${path}`, {
        json: { linkId: 'l1' },
        retry: 'idempotent'
      })
      expect(result.data).toEqual({ method: 'PUT', body: '{"linkId":"l1"}' })
      expect(last(portal, path)!.headers['content-type']).toBe('application/json')
    }
  })

  it('307 re-creates a body given as a factory', async () => {
    const { client } = testClient(portal.url)
    const result = await client.request('POST', '/r/307/api/2.0/new-f', {
      body: () => Readable.from([Buffer.from('part')]),
      retry: 'none'
    })
    expect(result.data).toEqual({ method: 'POST', body: 'part' })
  })

  it('303 becomes a GET without a body', async () => {
    const { client } = testClient(portal.url)
    const result = await client.request('POST', '/r/303/api/2.0/new-c', { json: { a: 1 } })
    expect(result.data).toEqual({ method: 'GET', body: '' })
    expect(last(portal, '/api/2.0/new-c')!.headers['content-type']).toBeUndefined()
  })

  it('a 301 of a write is not followed: it would turn into a GET that does nothing', async () => {
    const { client } = testClient(portal.url)
    const error = await failure(client.request('PUT', '/r/301/api/2.0/new-d', { json: {} }))
    expect(error.kind).toBe('redirect')
    expect(error.message).toMatch(
      /^PUT \/r\/301\/api\/2.0\/new-d: the portal redirected the request/
    )
    expect(last(portal, '/api/2.0/new-d')).toBeUndefined()
  })

  it('a 307 with a stream given directly is not followed', async () => {
    const { client } = testClient(portal.url)
    const error = await failure(
      client.request('POST', '/r/307/api/2.0/new-e', { body: Readable.from([Buffer.from('x')]) })
    )
    expect(error.kind).toBe('redirect')
    expect(last(portal, '/api/2.0/new-e')).toBeUndefined()
  })

  it('stop after 5 redirects', async () => {
    const { client } = testClient(portal.url, { maxRetries: 3 })
    const before = portal.requests.length
    const error = await failure(client.request('GET', '/loop'))
    expect(error.kind).toBe('redirect')
    expect(error.message).toBe('GET /loop: more than 5 redirects: check portal-url')
    expect(portal.requests.length - before).toBe(6)
  })

  it('a redirect without a location is a bad response', async () => {
    const { client } = testClient(portal.url)
    const error = await failure(client.request('GET', '/no-location'))
    expect(error.kind).toBe('bad-response')
    expect(error.status).toBe(302)
  })
})

describe('cross-origin redirects', () => {
  it('to another port are refused, and the other origin never sees the credentials', async () => {
    const { client, log } = testClient(portal.url)
    const error = await failure(client.request('GET', '/r/302/other/api/2.0/files/file/12'))
    expect(error.kind).toBe('redirect')
    expect(error.status).toBe(302)
    expect(error.message).toBe(
      `GET /r/302/other/api/2.0/files/file/12: the portal redirected (HTTP 302) to another origin, ` +
        `${other.url}, and the credentials are not sent there: check portal-url (it should be the ` +
        "portal's own address, with https:// and the right host and port)"
    )
    expect(error.message).not.toContain('token=abc')
    expect(other.requests).toEqual([])
    assertNoSecret([error.message, ...log.lines.map((l) => l.message)])
  })

  it('to https on the same host and port are another origin too', async () => {
    const { client } = testClient(portal.url)
    const error = await failure(
      client.request('PUT', '/r/307/https/api/2.0/x', { json: {}, retry: 'idempotent' })
    )
    expect(error.kind).toBe('redirect')
    expect(error.message).toContain(`https://127.0.0.1:${portal.port},`)
  })

  it('an absolute URL on another origin is refused before anything is sent', async () => {
    const { client } = testClient(portal.url)
    const error = await failure(client.request('POST', `${other.url}/ChunkedUploader.ashx?uid=1`))
    expect(error.kind).toBe('redirect')
    expect(error.message).toContain(`refusing to send the credentials to ${other.url}`)
    expect(other.requests).toEqual([])
  })
})
