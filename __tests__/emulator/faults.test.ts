// The emulator's fault injection, observed on the wire with a bare HTTP client: what each fault sends (or
// does not send), whether the request took effect, and how faults are matched, counted and configured.
import { afterEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { runCli } from '../../emulator/cli.js'
import { FaultSpecError, LOGIN_PAGE, parseFaults } from '../../emulator/faults.js'
import { useEmulator } from '../helpers/fixtures.js'

interface RawResult {
  status?: number
  headers?: http.IncomingHttpHeaders
  body: string
  /** The error code when the exchange failed (ECONNRESET, ABORTED…). */
  error?: string
  /** The response had started when the exchange ended. */
  gotHeaders: boolean
}

/** One request with node:http, ended after `abortMs` when given: shows partial bodies and resets. */
function raw(
  emulator: Emulator,
  method: string,
  path: string,
  options: {
    json?: unknown
    abortMs?: number
    base?: string
    headers?: Record<string, string>
  } = {}
): Promise<RawResult> {
  return new Promise((resolve) => {
    const body = options.json === undefined ? undefined : JSON.stringify(options.json)
    const url = new URL(path, options.base ?? emulator.url)
    const result: RawResult = { body: '', gotHeaders: false }
    let timer: NodeJS.Timeout | undefined
    const req = http.request(
      url,
      {
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${emulator.adminKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers
        }
      },
      (res) => {
        result.gotHeaders = true
        result.status = res.statusCode
        result.headers = res.headers
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (result.body += chunk))
        res.on('end', () => {
          clearTimeout(timer)
          resolve(result)
        })
        res.on('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer)
          resolve({ ...result, error: error.code ?? 'ABORTED' })
        })
      }
    )
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      resolve({ ...result, error: error.code ?? error.message })
    })
    if (options.abortMs !== undefined) {
      timer = setTimeout(() => {
        resolve({ ...result, error: 'ABORTED' })
        req.destroy()
      }, options.abortMs)
    }
    req.end(body)
  })
}

const emulator = useEmulator()
afterEach(() => {
  emulator.faults.reset()
})

function newFile(): number {
  const folder = emulator.addFolder({ title: `faults-${Math.random()}` })
  return emulator.addFile({ parentId: folder.id, title: 'a.zip', content: 'x' }).id
}

const createBody = { access: 2, title: 'Fault probe' }
const linksPath = (fileId: number) => `/api/2.0/files/file/${fileId}/links`

describe('status faults', () => {
  it('answers N requests with the status and an empty body, then lets requests through', async () => {
    const fileId = newFile()
    const [fault] = emulator.faults.add({ kind: 'status', status: 503, count: 2, path: '/links' })
    const statuses: number[] = []
    const bodies: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await raw(emulator, 'GET', linksPath(fileId))
      statuses.push(res.status ?? 0)
      bodies.push(res.body)
    }
    expect(statuses).toEqual([503, 503, 200])
    expect(bodies.slice(0, 2)).toEqual(['', ''])
    expect(JSON.parse(bodies[2]).status).toBe(0)
    expect(fault.hits).toBe(2)
    expect(emulator.faults.pending()).toHaveLength(0)
    expect(emulator.faults.hits.map((h) => h.kind)).toEqual(['status', 'status'])
  })

  it('sends Retry-After in seconds with DocSpace rate-limit headers on a 429', async () => {
    emulator.faults.add({ kind: 'status', status: 429, retryAfter: 2 })
    const before = Math.floor(Date.now() / 1000)
    const res = await raw(emulator, 'GET', '/api/2.0/files/@my')
    expect(res.status).toBe(429)
    expect(res.headers?.['retry-after']).toBe('2')
    expect(res.headers?.['x-ratelimit-remaining']).toBe('0')
    const reset = Number(res.headers?.['x-ratelimit-reset'])
    expect(reset).toBeGreaterThanOrEqual(before + 2)
    expect(reset).toBeLessThanOrEqual(before + 4)
  })

  it('sends Retry-After as an HTTP date when given a moment', async () => {
    const at = new Date(Date.now() + 5000)
    emulator.faults.add({ kind: 'status', status: 429, retryAfter: at })
    const res = await raw(emulator, 'GET', '/api/2.0/files/@my')
    expect(res.headers?.['retry-after']).toBe(at.toUTCString())
    expect(Date.parse(res.headers?.['retry-after'] ?? '')).toBe(
      Math.floor(at.getTime() / 1000) * 1000
    )
  })

  it('does not change state unless asked to handle the request first', async () => {
    const fileId = newFile()
    emulator.faults.add({ kind: 'status', status: 502, method: 'PUT' })
    const first = await raw(emulator, 'PUT', linksPath(fileId), { json: createBody })
    expect(first.status).toBe(502)
    expect(emulator.state.links('file', fileId)).toHaveLength(0)

    emulator.faults.add({ kind: 'status', status: 504, method: 'PUT', handled: true })
    const second = await raw(emulator, 'PUT', linksPath(fileId), { json: createBody })
    expect(second.status).toBe(504)
    // The gateway gave up, but the portal made the link: the case an ambiguous write must handle.
    expect(emulator.state.links('file', fileId)).toHaveLength(1)
  })
})

describe('matching', () => {
  it('matches on method, path substring, RegExp and skips the first matches when asked', async () => {
    const fileId = newFile()
    emulator.faults.add(
      { kind: 'status', status: 500, method: 'PUT', path: '/links' },
      { kind: 'status', status: 404, path: /\/files\/file\/\d+\/links\?startIndex=0/, skip: 1 }
    )
    // The GET passes the PUT-only fault and the RegExp fault's first match is let through.
    expect((await raw(emulator, 'GET', `${linksPath(fileId)}?startIndex=0`)).status).toBe(200)
    expect((await raw(emulator, 'GET', `${linksPath(fileId)}?startIndex=0`)).status).toBe(404)
    expect((await raw(emulator, 'GET', `${linksPath(fileId)}?startIndex=0`)).status).toBe(200)
    expect((await raw(emulator, 'GET', `${linksPath(fileId)}?startIndex=5`)).status).toBe(200)
    expect((await raw(emulator, 'PUT', linksPath(fileId), { json: createBody })).status).toBe(500)
    expect((await raw(emulator, 'PUT', linksPath(fileId), { json: createBody })).status).toBe(200)
    expect(emulator.state.links('file', fileId)).toHaveLength(1)
  })

  it('refuses a spec it cannot honour, naming the field', () => {
    expect(() => emulator.faults.add({ kind: 'status', count: 0 })).toThrow(/fault\.count/)
    expect(() => emulator.faults.add({ kind: 'redirect', status: 200 })).toThrow(/fault\.status/)
    expect(() => emulator.faults.add({ kind: 'nonsense' as unknown as 'status' })).toThrow(
      /fault\.kind must be one of status, reset-before/
    )
    expect(emulator.faults.pending()).toHaveLength(0)
  })
})

describe('connection faults', () => {
  it('reset-before drops the connection and leaves the state alone', async () => {
    const fileId = newFile()
    emulator.faults.add({ kind: 'reset-before', method: 'PUT' })
    const res = await raw(emulator, 'PUT', linksPath(fileId), { json: createBody })
    expect(res.gotHeaders).toBe(false)
    expect(res.error).toMatch(/ECONNRESET|EPIPE/)
    expect(emulator.state.links('file', fileId)).toHaveLength(0)
    const logged = emulator.requests.filter((r) => r.path === linksPath(fileId))
    expect(logged.map((r) => r.status)).toEqual([0])
  })

  it('reset-after lets the request take effect and drops the answer', async () => {
    const fileId = newFile()
    emulator.faults.add({ kind: 'reset-after', method: 'PUT' })
    const res = await raw(emulator, 'PUT', linksPath(fileId), { json: createBody })
    expect(res.gotHeaders).toBe(false)
    expect(res.error).toBe('ECONNRESET')
    const links = emulator.state.links('file', fileId)
    expect(links).toHaveLength(1)
    expect(links[0].title).toBe('Fault probe')
    const created = emulator.state.journal.filter((e) => e.target.includes(String(fileId)))
    expect(created.map((e) => e.description?.[1])).toEqual(['Fault probe'])
  })

  it('stall sends the headers and part of the real body, then nothing until the client gives up', async () => {
    const fileId = newFile()
    emulator.faults.add({ kind: 'stall', method: 'PUT' })
    const res = await raw(emulator, 'PUT', linksPath(fileId), { json: createBody, abortMs: 400 })
    expect(res.status).toBe(200)
    expect(res.error).toBe('ABORTED')
    const length = Number(res.headers?.['content-length'])
    expect(res.body.length).toBeGreaterThan(0)
    expect(res.body.length).toBeLessThan(length)
    expect(res.body.startsWith('{"response":')).toBe(true)
    // The request was handled: the link exists although its answer never fully arrived.
    expect(emulator.state.links('file', fileId)).toHaveLength(1)
  })

  it('stall-headers never answers and changes nothing', async () => {
    const fileId = newFile()
    emulator.faults.add({ kind: 'stall-headers', method: 'PUT' })
    const started = Date.now()
    const res = await raw(emulator, 'PUT', linksPath(fileId), { json: createBody, abortMs: 300 })
    expect(res.gotHeaders).toBe(false)
    expect(res.error).toBe('ABORTED')
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(emulator.state.links('file', fileId)).toHaveLength(0)
  })

  it('a stall ends by itself after holdMs, and close() ends the ones still held', async () => {
    emulator.faults.add({ kind: 'stall-headers', holdMs: 150 })
    const held = await raw(emulator, 'GET', '/api/2.0/files/@my')
    expect(held.gotHeaders).toBe(false)
    expect(held.error).toMatch(/ECONNRESET|socket hang up/)

    const other = await startEmulator()
    other.faults.add({ kind: 'stall' })
    const pending = raw(other, 'GET', '/api/2.0/files/@my')
    // Let the partial answer go out before closing.
    await new Promise((resolve) => setTimeout(resolve, 100))
    const started = Date.now()
    await other.close()
    const res = await pending
    expect(Date.now() - started).toBeLessThan(2000)
    expect(res.status).toBe(200)
    expect(res.error).toBeDefined()
  })
})

describe('body faults', () => {
  it('html answers 200 with a sign-in page', async () => {
    emulator.faults.add({ kind: 'html' })
    const res = await raw(emulator, 'GET', '/api/2.0/files/@my')
    expect(res.status).toBe(200)
    expect(res.headers?.['content-type']).toMatch(/^text\/html/)
    expect(res.body).toBe(LOGIN_PAGE)
  })

  it('truncated-json answers 200 with JSON cut in the middle, of the real answer when handled', async () => {
    emulator.faults.add({ kind: 'truncated-json' })
    const synthetic = await raw(emulator, 'GET', '/api/2.0/files/@my')
    expect(synthetic.status).toBe(200)
    expect(() => JSON.parse(synthetic.body)).toThrow()
    expect(synthetic.body.startsWith('{"response"')).toBe(true)

    const fileId = newFile()
    emulator.faults.add({ kind: 'truncated-json', method: 'PUT', handled: true })
    const real = await raw(emulator, 'PUT', linksPath(fileId), { json: createBody })
    expect(() => JSON.parse(real.body)).toThrow()
    expect(Number(real.headers?.['content-length'])).toBe(Buffer.byteLength(real.body))
    const [link] = emulator.state.links('file', fileId)
    expect(link).toBeDefined()
    expect(real.body).toContain('"response"')
  })

  it('envelope-error answers 200 with status 1 and an error object', async () => {
    emulator.faults.add(
      { kind: 'envelope-error' },
      { kind: 'envelope-error', status: 500, message: 'Database is down' }
    )
    const first = await raw(emulator, 'GET', '/api/2.0/files/@my')
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).toMatchObject({
      status: 1,
      statusCode: 200,
      error: { message: 'Internal server error' }
    })
    const second = await raw(emulator, 'GET', '/api/2.0/files/@my')
    expect(JSON.parse(second.body)).toMatchObject({
      status: 1,
      statusCode: 500,
      error: { message: 'Database is down' }
    })
  })
})

describe('redirect faults', () => {
  it('redirects to the recorder on another port, which keeps the headers it receives', async () => {
    emulator.faults.add({ kind: 'redirect', status: 307, path: '/links' })
    const fileId = newFile()
    const res = await raw(emulator, 'GET', `${linksPath(fileId)}?startIndex=0`)
    expect(res.status).toBe(307)
    const location = new URL(res.headers?.location ?? '')
    const recorder = new URL(emulator.faults.recorder.url)
    expect(location.hostname).toBe('127.0.0.1')
    expect(location.port).toBe(recorder.port)
    expect(location.port).not.toBe(new URL(emulator.url).port)
    expect(`${location.pathname}${location.search}`).toBe(`${linksPath(fileId)}?startIndex=0`)
    expect(emulator.faults.recorder.requests).toHaveLength(0)

    // A client that follows blindly hands its credentials over; the recorder shows it.
    const followed = await raw(emulator, 'GET', location.href, {
      base: emulator.faults.recorder.url,
      headers: { cookie: 'asc_auth_key=probe' }
    })
    expect(followed.status).toBe(200)
    const [received] = emulator.faults.recorder.requests
    expect(received.path).toBe(`${linksPath(fileId)}?startIndex=0`)
    expect(received.headers.authorization).toBe(`Bearer ${emulator.adminKey}`)
    expect(received.headers.cookie).toBe('asc_auth_key=probe')
  })

  it('redirects to the same URL on the emulator with to: same-origin', async () => {
    emulator.faults.add({ kind: 'redirect', to: 'same-origin' })
    const res = await raw(emulator, 'GET', '/api/2.0/files/@my?count=5')
    expect(res.status).toBe(302)
    expect(res.headers?.location).toBe('/api/2.0/files/@my?count=5')
  })
})

describe('EMULATOR_FAULTS', () => {
  it('parses specs, with a RegExp path, and refuses mistakes naming the entry and field', () => {
    const [a, b] = parseFaults(
      '[{"kind":"status","status":503,"count":2,"method":"GET","path":"/links"},' +
        '{"kind":"reset-after","pathRegExp":"^/api/2\\\\.0/files/file/\\\\d+/links$"}]'
    )
    expect(a).toEqual({ kind: 'status', status: 503, count: 2, method: 'GET', path: '/links' })
    expect(b.path).toBeInstanceOf(RegExp)
    expect((b.path as RegExp).test('/api/2.0/files/file/12/links')).toBe(true)
    expect(parseFaults('{"kind":"html"}')).toEqual([{ kind: 'html' }])

    expect(() => parseFaults('not json')).toThrow(FaultSpecError)
    expect(() => parseFaults('[{"kind":"status","cuont":2}]')).toThrow(
      'EMULATOR_FAULTS[0].cuont is not a fault field'
    )
    expect(() => parseFaults('[{"kind":"html"},{"kind":"status","count":-1}]')).toThrow(
      /EMULATOR_FAULTS\[1\]\.count must be an integer/
    )
    expect(() => parseFaults('[{"kind":"stall","pathRegExp":"("}]')).toThrow(/pathRegExp/)
    expect(() => parseFaults('[3]')).toThrow(/EMULATOR_FAULTS\[0\] must be an object/)
  })

  it('configures the faults of an emulator started by the CLI', async () => {
    let line = ''
    const cli = await runCli(
      {
        EMULATOR_FAULTS: '[{"kind":"status","status":503,"count":2,"method":"GET","path":"/@my"}]'
      },
      (text) => (line = text)
    )
    try {
      const { url } = JSON.parse(line) as { url: string }
      expect(url).toBe(cli.url)
      const statuses: number[] = []
      for (let i = 0; i < 3; i++)
        statuses.push((await raw(cli, 'GET', '/api/2.0/files/@my')).status ?? 0)
      expect(statuses).toEqual([503, 503, 200])
    } finally {
      await cli.close()
    }
  })

  it('refuses bad EMULATOR_FAULTS before starting', async () => {
    await expect(runCli({ EMULATOR_FAULTS: '[{"kind":"stal"}]' }, () => undefined)).rejects.toThrow(
      /EMULATOR_FAULTS\[0\]\.kind must be one of/
    )
  })
})
