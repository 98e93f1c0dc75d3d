import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { setShareRights } from '../../emulator/listing.js'
import { setDocSpaceVersion } from '../../emulator/routes/settings.js'
import { call } from './call.js'

describe('subtree listings', () => {
  let emu: Emulator
  // root ─ a.txt, sub ─ b.txt, deep ─ c.txt
  let root: number, sub: number, deep: number
  let a: number, b: number, c: number

  beforeAll(async () => {
    emu = await startEmulator()
    root = emu.addFolder({ title: 'root' }).id
    sub = emu.addFolder({ title: 'sub', parentId: root }).id
    deep = emu.addFolder({ title: 'deep', parentId: sub }).id
    c = emu.addFile({ parentId: deep, title: 'c.txt' }).id
    b = emu.addFile({ parentId: sub, title: 'b.txt' }).id
    a = emu.addFile({ parentId: root, title: 'a.txt' }).id
  })
  afterAll(async () => {
    await emu.close()
  })
  afterEach(() => {
    setDocSpaceVersion(emu.state, '3.7.2.0')
  })

  const list = async (id: number, query: string) => {
    const res = await call(emu, 'GET', `/api/2.0/files/${id}?${query}`)
    expect(res.status).toBe(200)
    return res.body.response
  }
  const ids = (items: Array<{ id: number }>) => items.map((e) => e.id)

  it('lists every file below with filterType=1 (withSubFolders defaults to true), with an exact total', async () => {
    const page = await list(root, 'filterType=1')
    expect(ids(page.files).sort()).toEqual([a, b, c].sort())
    expect(page.folders).toEqual([])
    expect(page.total).toBe(3)
    const flat = await list(root, 'filterType=1&withSubFolders=false')
    expect(ids(flat.files)).toEqual([a])
  })

  it('lists every folder below (not the root) with filterType=2; no filter means direct children only', async () => {
    const folders = await list(root, 'filterType=FoldersOnly&withSubFolders=true')
    expect(ids(folders.folders).sort()).toEqual([sub, deep].sort())
    expect(folders.files).toEqual([])
    const plain = await list(root, 'withSubFolders=true')
    expect(ids(plain.folders)).toEqual([sub])
    expect(ids(plain.files)).toEqual([a])
    expect(plain.total).toBe(2)
  })

  it('pages by offset over the sort asked for, and saves that sort as the caller’s default', async () => {
    const first = await list(
      root,
      'filterType=1&sortBy=DateAndTimeCreation&sortOrder=descending&count=2'
    )
    expect(ids(first.files)).toEqual([a, b])
    const second = await list(root, 'filterType=1&count=2&startIndex=2')
    // No sortBy: the saved order (creation, descending) applies.
    expect(ids(second.files)).toEqual([c])
    await list(root, 'filterType=1&sortBy=AZ&sortOrder=ascending')
    const res = await call(emu, 'GET', `/api/2.0/files/${root}?filterType=1&count=101`)
    expect(res.status).toBe(400)
  })

  it('marks entries with links of their own as shared, and says where this key cannot share', async () => {
    emu.addLink({ kind: 'file', id: b })
    emu.addLink({ kind: 'folder', id: deep })
    emu.addLink({ kind: 'file', id: c }, { expirationDate: new Date(Date.now() - 1000) })
    setShareRights(emu.state, c, false)
    try {
      const files = await list(root, 'filterType=1')
      const byId = new Map(files.files.map((f: { id: number }) => [f.id, f]))
      expect(byId.get(a)).toMatchObject({ shared: false, canShare: true })
      expect(byId.get(b)).toMatchObject({ shared: true, canShare: true, parentShared: false })
      // Expired links still count; no share rights: shared, but canShare false and no links to see.
      expect(byId.get(c)).toMatchObject({ shared: true, canShare: false, parentShared: true })
      const hidden = await call(emu, 'GET', `/api/2.0/files/file/${c}/links`)
      expect(hidden.body.response).toEqual([])
      const folders = await list(root, 'filterType=2')
      const deepDto = folders.folders.find((f: { id: number }) => f.id === deep)
      expect(deepDto).toMatchObject({ shared: true })
      const current = (await list(deep, 'filterType=1')).current
      expect(current).toMatchObject({ id: deep, shared: true })
      // Before 3.5 listings did not mark shared files.
      setDocSpaceVersion(emu.state, '3.2.1.0')
      const old = await list(root, 'filterType=1')
      expect(old.files.every((f: { shared: boolean }) => f.shared === false)).toBe(true)
    } finally {
      setShareRights(emu.state, c, true)
    }
  })

  it('reports its version in the envelope', async () => {
    const res = await call(emu, 'GET', '/api/2.0/settings/version/build')
    expect(res.body.response.docSpace).toBe('3.7.2.0')
    setDocSpaceVersion(emu.state, '3.2.1.0')
    const old = await call(emu, 'GET', '/api/2.0/settings/version/build')
    expect(old.body.response.docSpace).toBe('3.2.1.0')
  })
})

describe('rate limiters', () => {
  let emu: Emulator
  let file: number

  beforeAll(async () => {
    emu = await startEmulator({ latencyMs: 30 })
    file = emu.addFile({ parentId: emu.addFolder({ title: 'rl' }).id, title: 'x.zip' }).id
  })
  afterAll(async () => {
    await emu.close()
  })
  afterEach(() => {
    emu.rateLimiter.configure(undefined)
    emu.rateLimiter.reset()
  })

  it('the sliding window refuses beyond its limit with its limit in the headers, and no Retry-After', async () => {
    emu.rateLimiter.configure({ window: { limit: 3, windowMs: 60_000 } })
    const ok = await call(emu, 'GET', `/api/2.0/files/file/${file}`)
    expect(ok.headers.get('x-ratelimit-limit')).toBeNull()
    await call(emu, 'GET', `/api/2.0/files/file/${file}`)
    await call(emu, 'GET', `/api/2.0/files/file/${file}`)
    const refused = await call(emu, 'GET', `/api/2.0/files/file/${file}`)
    expect(refused.status).toBe(429)
    expect(refused.text).toBe('')
    expect(refused.headers.get('x-ratelimit-limit')).toBe('3')
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(refused.headers.get('retry-after')).toBeNull()
    expect(emu.rateLimiter.rejected.window).toBeGreaterThanOrEqual(1)
  })

  it('the concurrency limiter refuses requests beyond those in flight, reads and writes apart', async () => {
    emu.rateLimiter.configure({ concurrency: { get: 2, write: 1 } })
    // Each answer takes half a second, so that the first two are still in flight when the others come,
    // however busy the machine.
    emu.setLatency(500)
    let answers: Awaited<ReturnType<typeof call>>[]
    try {
      answers = await Promise.all(
        Array.from({ length: 4 }, () => call(emu, 'GET', `/api/2.0/files/file/${file}`))
      )
    } finally {
      emu.setLatency(0)
    }
    const refused = answers.filter((r) => r.status === 429)
    expect(refused).toHaveLength(2)
    expect(refused[0].headers.get('x-ratelimit-limit')).toBe('2')
    // Slots come back once the answers are out.
    expect((await call(emu, 'GET', `/api/2.0/files/file/${file}`)).status).toBe(200)
  })

  it('the daily window counts POST and PUT only and sends Retry-After', async () => {
    emu.rateLimiter.configure({ daily: { limit: 1, windowMs: 3600_000 } })
    const put = (title: string) =>
      call(emu, 'PUT', `/api/2.0/files/file/${file}/links`, { json: { access: 2, title } })
    expect((await put('one')).status).toBe(200)
    const refused = await put('two')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('x-ratelimit-limit')).toBe('1')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500)
    expect((await call(emu, 'GET', `/api/2.0/files/file/${file}`)).status).toBe(200)
    expect(emu.state.links('file', file).map((l) => l.title)).toEqual(['one'])
  })
})
