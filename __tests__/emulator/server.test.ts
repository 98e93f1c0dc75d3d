import { describe, it, expect, afterEach } from '@jest/globals'
import { request as httpRequest } from 'node:http'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/server.js'
import { runCli, defaultSeed } from '../../emulator/cli.js'
import { ok } from '../../emulator/http.js'
import { call } from './call.js'

describe('emulator server', () => {
  const started: Emulator[] = []
  const start = async (...args: Parameters<typeof startEmulator>) => {
    const emu = await startEmulator(...args)
    started.push(emu)
    return emu
  }
  afterEach(async () => {
    await Promise.all(started.splice(0).map((e) => e.close()))
  })

  it('listens on loopback with a random port', async () => {
    const emu = await start()
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(emu.adminKey).toMatch(/^sk-/)
    expect(emu.userKey).toMatch(/^sk-/)
    expect(emu.userKey).not.toBe(emu.adminKey)
  })

  it('delays every response by the latency, which can change later', async () => {
    const emu = await start({ latencyMs: 150 })
    const t0 = Date.now()
    const res = await call(emu, 'GET', '/api/2.0/files/@my')
    expect(res.status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145)

    emu.setLatency(0)
    expect(emu.latencyMs).toBe(0)
    const t1 = Date.now()
    await call(emu, 'GET', '/api/2.0/files/@my')
    expect(Date.now() - t1).toBeLessThan(145)
    expect(() => emu.setLatency(-1)).toThrow()
  })

  it('logs every request without headers or bodies', async () => {
    const emu = await start()
    await call(emu, 'GET', '/api/2.0/files/@my?count=5&startIndex=0')
    await call(emu, 'PUT', '/api/2.0/files/file/123/links', { json: { access: 2 } })
    await call(emu, 'GET', '/api/2.0/files/@my', { auth: null })
    expect(
      emu.requests.map(({ method, path, query, status }) => ({ method, path, query, status }))
    ).toEqual([
      {
        method: 'GET',
        path: '/api/2.0/files/@my',
        query: { count: '5', startIndex: '0' },
        status: 200
      },
      { method: 'PUT', path: '/api/2.0/files/file/123/links', query: {}, status: 404 },
      { method: 'GET', path: '/api/2.0/files/@my', query: {}, status: 401 }
    ])
    for (const entry of emu.requests) {
      expect(entry.endedAt.getTime()).toBeGreaterThanOrEqual(entry.startedAt.getTime())
      expect(Object.keys(entry).sort()).toEqual(
        ['endedAt', 'method', 'path', 'query', 'startedAt', 'status'].sort()
      )
    }
    expect(JSON.stringify(emu.requests)).not.toContain(emu.adminKey)
  })

  it('runs middlewares in order before routing; one may answer instead', async () => {
    const emu = await start()
    const seen: string[] = []
    emu.use(async (ctx, next) => {
      seen.push(`first ${ctx.path}`)
      await next()
      seen.push('first after')
    })
    emu.use((ctx, next) => {
      if (ctx.query.busy) {
        ctx.send({ kind: 'raw', statusCode: 429, headers: { 'Retry-After': '1' } })
        return
      }
      return next()
    })
    const busy = await call(emu, 'GET', '/api/2.0/files/@my?busy=1')
    expect(busy.status).toBe(429)
    expect(busy.headers.get('retry-after')).toBe('1')
    expect(busy.text).toBe('')
    const normal = await call(emu, 'GET', '/api/2.0/files/@my')
    expect(normal.status).toBe(200)
    expect(seen).toEqual([
      'first /api/2.0/files/@my',
      'first after',
      'first /api/2.0/files/@my',
      'first after'
    ])
  })

  it('lets a middleware drop the connection, logged with status 0', async () => {
    const emu = await start()
    emu.use((ctx) => {
      ctx.req.socket.destroy()
    })
    await expect(fetch(`${emu.url}/api/2.0/files/@my`)).rejects.toThrow()
    for (let i = 0; i < 50 && emu.requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(emu.requests[0]).toMatchObject({ path: '/api/2.0/files/@my', status: 0 })
  })

  it('serves routes registered later by other areas, with auth unless anonymous', async () => {
    const emu = await start()
    emu.route('GET', '/api/2.0/demo/{name}/{n:int}', (ctx) =>
      ok({ name: ctx.params.name, n: Number(ctx.params.n), admin: ctx.user?.isAdmin })
    )
    emu.route('GET', '/api/2.0/demo/open', () => ok('hello'), { anonymous: true })
    const res = await call(emu, 'GET', '/api/2.0/demo/abc/42')
    expect(res.body.response).toEqual({ name: 'abc', n: 42, admin: true })
    expect((await call(emu, 'GET', '/api/2.0/demo/abc/x')).status).toBe(404)
    expect((await call(emu, 'GET', '/api/2.0/demo/abc/42', { auth: null })).status).toBe(401)
    expect((await call(emu, 'GET', '/api/2.0/demo/open', { auth: null })).body.response).toBe(
      'hello'
    )
    expect(emu.router.list()).toContainEqual({ method: 'GET', pattern: '/api/2.0/demo/open' })
  })

  it('answers 500 with the error envelope when a handler throws', async () => {
    const emu = await start()
    emu.route('GET', '/api/2.0/boom', () => {
      throw new Error('kaboom')
    })
    const res = await call(emu, 'GET', '/api/2.0/boom')
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ error: { message: 'kaboom' }, status: 1, statusCode: 500 })
  })

  it('closes promptly even with a request in flight and a kept-alive connection', async () => {
    const emu = await startEmulator()
    emu.route('GET', '/api/2.0/hang', () => new Promise<never>(() => undefined))
    await call(emu, 'GET', '/api/2.0/files/@my')
    const hanging = new Promise<string>((resolve) => {
      const req = httpRequest(`${emu.url}/api/2.0/hang`, {
        headers: { Authorization: `Bearer ${emu.adminKey}` }
      })
      req.on('error', () => resolve('error'))
      req.on('response', () => resolve('response'))
      req.end()
    })
    await new Promise((r) => setTimeout(r, 50))
    const t0 = Date.now()
    await emu.close()
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(await hanging).toBe('error')
    await emu.close()
  })

  it('applies a seed and maps its keys to ids', async () => {
    const emu = await start({
      seed: {
        folders: [
          { key: 'child', title: 'Child', parentKey: 'parent' },
          { key: 'parent', title: 'Parent' }
        ],
        rooms: [{ key: 'vdr', title: 'Data room', roomType: 8 }],
        files: [
          { key: 'doc', title: 'doc.txt', parentKey: 'child', content: 'hello' },
          { key: 'big', title: 'big.bin', parentKey: 'vdr', size: 5_000_000 }
        ],
        links: [
          { entryKey: 'doc', title: 'old', expirationDate: '2020-01-01T00:00:00Z', primary: true },
          { entryKey: 'vdr', linkType: 0, access: 11 }
        ]
      }
    })
    const { seed, state } = emu
    expect(state.folder(seed.child)?.parentId).toBe(seed.parent)
    expect(state.room(seed.vdr)?.roomType).toBe(8)
    expect(state.file(seed.doc)?.content?.toString()).toBe('hello')
    expect(state.file(seed.big)).toMatchObject({ size: 5_000_000, content: undefined })
    const [expired] = state.links('file', seed.doc)
    expect(expired).toMatchObject({ subjectType: 4, title: 'old' })
    expect(expired.expirationDate?.toISOString()).toBe('2020-01-01T00:00:00.000Z')
    expect(state.links('room', seed.vdr)[0]).toMatchObject({ subjectType: 3, access: 11 })
    expect(state.journal).toEqual([])

    await expect(
      startEmulator({ seed: { files: [{ key: 'f', title: 'x', parentKey: 'none' }] } })
    ).rejects.toThrow(/unknown key "none"/)
  })

  it('starts from the environment like the command line and prints one JSON line', async () => {
    const lines: string[] = []
    const emu = await runCli({ EMULATOR_LATENCY_MS: '5' }, (line) => lines.push(line))
    started.push(emu)
    expect(lines).toHaveLength(1)
    expect(lines[0].endsWith('\n')).toBe(true)
    const info = JSON.parse(lines[0])
    expect(info).toMatchObject({
      url: emu.url,
      apiKey: emu.adminKey,
      userKey: emu.userKey,
      authToken: emu.authToken
    })
    expect(emu.latencyMs).toBe(5)
    expect(Object.keys(info.seed).sort()).toEqual(
      [
        'appZip',
        'checksums',
        'downloadsRoom',
        'partnerGuide',
        'partnersRoom',
        'releaseFolder'
      ].sort()
    )
    expect(emu.state.folder(info.seed.releaseFolder)?.title).toBe('Release artifacts')
    expect(emu.state.children(info.seed.releaseFolder).files.map((f) => f.title)).toEqual([
      'app-1.0.0.zip',
      'checksums.txt'
    ])
    expect(emu.state.room(info.seed.partnersRoom)?.roomType).toBe(5)
    expect(emu.state.room(info.seed.downloadsRoom)?.roomType).toBe(6)
    expect(emu.state.children(info.seed.partnersRoom).files).toHaveLength(1)
    expect(defaultSeed.files?.length).toBe(3)
  })

  it('reads a seed file named by EMULATOR_SEED and rejects bad numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-seed-'))
    try {
      const file = join(dir, 'seed.json')
      writeFileSync(file, JSON.stringify({ rooms: [{ key: 'r', title: 'Only room' }] }))
      const emu = await runCli({ EMULATOR_SEED: file }, () => undefined)
      started.push(emu)
      expect(emu.seed).toEqual({ r: expect.any(Number) })
      expect(emu.state.room(emu.seed.r)?.title).toBe('Only room')
      await expect(runCli({ EMULATOR_PORT: 'abc' }, () => undefined)).rejects.toThrow(
        /EMULATOR_PORT/
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
