// The reliability rules the matrix does not show on its own: the wait a 429 asks for is honoured (in
// seconds and as a date), a dropped create leaves exactly one link, a portal that stops answering cannot
// hang the step, a refused connection is waited out, max-retries bounds the attempts, and a dry run never
// writes, whatever the operation.
import { afterAll, describe, expect, it } from '@jest/globals'
import net from 'node:net'
import { displayTitle } from '../../src/links/title-tag.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { attempt, requestsTo, scratchWorkspace, workspaceFiles, type Outcome } from './harness.js'
import { FAST } from './matrix.js'
import { testClock } from '../helpers/clock.js'
import { useEmulator } from '../helpers/fixtures.js'

const DAY = 24 * 3600_000

const emulator = useEmulator()
const workspace = scratchWorkspace()
afterAll(() => {
  workspace.remove()
})

function newFile(title = 'app.zip') {
  const folder = emulator.addFolder({ title: `retries-${Math.random()}` })
  const file = emulator.addFile({ parentId: folder.id, title, content: 'x' })
  return { folder, file }
}

function startTimes(method: string, path: string): number[] {
  return emulator.requests
    .filter((r) => r.method === method && r.path === path)
    .map((r) => r.startedAt.getTime())
    .sort((a, b) => a - b)
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('Retry-After', () => {
  it('waits the seconds a 429 asks for before trying again', async () => {
    const { file } = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'status', status: 429, retryAfter: 1, method: 'GET', path })
    const outcome = await attempt(emulator, {
      ...FAST,
      operation: 'list-links',
      'file-id': file.id
    })
    expect(outcome.ok).toBe(true)
    expect(startTimes('GET', path)).toHaveLength(2)
    expect(outcome.waits).toEqual([1000])
    expect(outcome.log).toContainEqual({
      level: 'warning',
      message: `GET ${path}: HTTP 429, retrying in 1.0 s (attempt 2 of 3)`
    })
  })

  it('waits until the HTTP date a 429 names', async () => {
    const { file } = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    // HTTP dates carry whole seconds: two seconds ahead is one to two seconds of waiting.
    const until = new Date(Date.now() + 2000)
    emulator.faults.add({ kind: 'status', status: 429, retryAfter: until, method: 'GET', path })
    const outcome = await attempt(emulator, {
      ...FAST,
      operation: 'list-links',
      'file-id': file.id
    })
    expect(outcome.ok).toBe(true)
    expect(startTimes('GET', path)).toHaveLength(2)
    // Waited until the date (whole seconds: one to two seconds from the first attempt), not a backoff.
    expect(outcome.waits).toHaveLength(1)
    expect(outcome.waits[0]).toBeGreaterThan(900)
    expect(outcome.waits[0]).toBeLessThanOrEqual(2000)
    const warning = outcome.log.find((l) => l.level === 'warning')?.message ?? ''
    // At most the two seconds asked for, shown to one decimal: 2.0 when the date is read within 50 ms.
    expect(warning).toMatch(/HTTP 429, retrying in ([01]\.\d|2\.0) s \(attempt 2 of 3\)/)
  })
})

describe('a create whose answer is lost', () => {
  for (const kind of ['reset-after', 'stall'] as const) {
    it(`leaves exactly one link (${kind})`, async () => {
      const { file } = newFile()
      const path = `/api/2.0/files/file/${file.id}/links`
      emulator.faults.add({ kind, method: 'PUT', path })
      const outcome = await attempt(emulator, {
        ...FAST,
        operation: 'create-link',
        'file-id': file.id,
        title: 'Nightly'
      })
      await settle()
      expect(outcome.message).toBe('')
      const links = emulator.state.links('file', file.id)
      expect(links).toHaveLength(1)
      expect(displayTitle(links[0].title)).toBe('Nightly')
      expect(outcome.result?.link?.id).toBe(links[0].id)
      // One create sent, then the lookup that found it: never a second create.
      expect(requestsTo(emulator, 'PUT', path)).toBe(1)
      expect(requestsTo(emulator, 'GET', path)).toBe(2)
      expect(
        outcome.log.some((l) => l.level === 'warning' && /checking before/.test(l.message))
      ).toBe(true)
    })
  }

  it('is made again, once, when the lookup shows the first try did nothing', async () => {
    const { file } = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'reset-before', method: 'PUT', path })
    const outcome = await attempt(emulator, {
      ...FAST,
      operation: 'create-link',
      'file-id': file.id,
      title: 'Nightly'
    })
    await settle()
    expect(outcome.ok).toBe(true)
    expect(emulator.state.links('file', file.id)).toHaveLength(1)
    expect(requestsTo(emulator, 'PUT', path)).toBe(2)
  })

  it('fails without a duplicate when the answer of the second try is lost as well', async () => {
    const { file } = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'reset-before', method: 'PUT', path, count: 5 })
    const outcome = await attempt(emulator, {
      ...FAST,
      operation: 'create-link',
      'file-id': file.id,
      title: 'Nightly'
    })
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toMatch(/^PUT \/api\/2\.0\/files\/file\/\d+\/links: .*not repeated/)
    expect(emulator.state.links('file', file.id).length).toBeLessThanOrEqual(1)
  })
})

describe('an upload whose answer is lost', () => {
  // A folder holding `existing` (title → content), and the inputs that upload notes.txt into it.
  function uploadCase(existing: Record<string, string> = {}, content = 'release notes') {
    const folder = emulator.addFolder({ title: `upload-${Math.random()}` })
    for (const [title, text] of Object.entries(existing)) {
      emulator.addFile({ parentId: folder.id, title, content: text })
    }
    const dir = workspaceFiles(workspace.path, { 'notes.txt': content })
    const inputs = {
      ...FAST,
      operation: 'upload',
      'folder-id': folder.id,
      files: `${dir}/notes.txt`
    }
    const uploadPath = `/api/2.0/files/${folder.id}/upload`
    const run = (
      extra: Record<string, string | boolean> = {},
      sizes: { chunkSize?: number; simpleLimit?: number } = {}
    ) => attempt(emulator, { ...inputs, ...extra }, { workspace: workspace.path, ...sizes })
    const files = () => emulator.state.children(folder.id).files
    return { folder, uploadPath, run, files }
  }

  const checked = (outcome: Outcome) =>
    outcome.log.some(
      (l) =>
        l.level === 'warning' &&
        /^Uploading notes\.txt may or may not have worked \(.*(reset|closed).*\); looking for it/.test(
          l.message
        )
    )

  it('finds the file the first try stored and never uploads it twice', async () => {
    const { uploadPath, run, files } = uploadCase()
    emulator.faults.add({ kind: 'reset-after', method: 'POST', path: uploadPath })
    const first = await run()
    await settle()
    expect(first.message).toBe('')
    expect(checked(first)).toBe(true)
    expect(requestsTo(emulator, 'POST', uploadPath)).toBe(1)
    const [stored, ...more] = files()
    expect(more).toEqual([])
    expect(stored).toMatchObject({ title: 'notes.txt', version: 1 })
    expect(stored.content?.toString()).toBe('release notes')
    const links = emulator.state.links('file', stored.id)
    expect(links).toHaveLength(1)
    expect(first.result?.links[0]).toMatchObject({ fileId: stored.id, id: links[0].id })

    // Running the step again stores a new version of the same file and keeps its one link.
    const again = await run()
    expect(again.message).toBe('')
    expect(files().map((f) => [f.id, f.title, f.version])).toEqual([[stored.id, 'notes.txt', 2]])
    expect(emulator.state.links('file', stored.id)).toHaveLength(1)
    expect(again.result?.links[0]).toMatchObject({ fileId: stored.id, id: links[0].id })
  })

  it('uploads once more when the first try stored nothing', async () => {
    const { uploadPath, run, files } = uploadCase()
    emulator.faults.add({ kind: 'reset-before', method: 'POST', path: uploadPath })
    const outcome = await run()
    await settle()
    expect(outcome.message).toBe('')
    expect(checked(outcome)).toBe(true)
    expect(requestsTo(emulator, 'POST', uploadPath)).toBe(2)
    expect(files().map((f) => [f.title, f.version, f.content?.toString()])).toEqual([
      ['notes.txt', 1, 'release notes']
    ])
  })

  it('finds the new version an overwrite stored', async () => {
    const { uploadPath, run, files } = uploadCase({ 'notes.txt': 'old notes' })
    emulator.faults.add({ kind: 'reset-after', method: 'POST', path: uploadPath })
    const outcome = await run()
    await settle()
    expect(outcome.message).toBe('')
    expect(checked(outcome)).toBe(true)
    expect(requestsTo(emulator, 'POST', uploadPath)).toBe(1)
    expect(files().map((f) => [f.title, f.version, f.content?.toString()])).toEqual([
      ['notes.txt', 2, 'release notes']
    ])
    expect(outcome.result?.links[0]).toMatchObject({ fileId: files()[0].id, version: 2 })
  })

  it('finds the copy kept with overwrite: false', async () => {
    // The same size as the upload: only the id tells the kept file from the new copy.
    const { uploadPath, run, files } = uploadCase({ 'notes.txt': 'other  notes!' })
    emulator.faults.add({ kind: 'reset-after', method: 'POST', path: uploadPath })
    const outcome = await run({ overwrite: false })
    await settle()
    expect(outcome.message).toBe('')
    expect(checked(outcome)).toBe(true)
    expect(requestsTo(emulator, 'POST', uploadPath)).toBe(1)
    const [copy, kept] = files()
    expect(files().map((f) => [f.title, f.version, f.content?.toString()])).toEqual([
      ['notes (1).txt', 1, 'release notes'],
      ['notes.txt', 1, 'other  notes!']
    ])
    expect(outcome.result?.links[0]).toMatchObject({ fileId: copy.id })
    expect(emulator.state.links('file', kept.id)).toHaveLength(0)
  })

  it('fails without a file when the answer of the second try is lost as well', async () => {
    const { uploadPath, run, files } = uploadCase()
    emulator.faults.add({ kind: 'reset-before', method: 'POST', path: uploadPath, count: 2 })
    const outcome = await run()
    await settle()
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toMatch(
      /^Uploading notes\.txt failed: POST \/api\/2\.0\/files\/\d+\/upload: .*not repeated/
    )
    expect(requestsTo(emulator, 'POST', uploadPath)).toBe(2)
    expect(files()).toEqual([])
  })

  it('starts one more session, once, when the answer to a session start cannot be read', async () => {
    const { folder, run, files } = uploadCase({}, 'x'.repeat(2500))
    const sessionPath = `/api/2.0/files/${folder.id}/session`
    const chunked = { chunkSize: 1024, simpleLimit: 1000 }
    emulator.faults.add({ kind: 'html', method: 'POST', path: sessionPath })
    const outcome = await run({}, chunked)
    await settle()
    expect(outcome.message).toBe('')
    expect(requestsTo(emulator, 'POST', sessionPath)).toBe(2)
    expect(files().map((f) => [f.title, f.version, f.size])).toEqual([['notes.txt', 1, 2500]])

    // A second unreadable answer fails the upload: no third session, and no file.
    const next = uploadCase({}, 'x'.repeat(2500))
    const nextPath = `/api/2.0/files/${next.folder.id}/session`
    emulator.faults.add({ kind: 'html', method: 'POST', path: nextPath, count: 2 })
    const failed = await next.run({}, chunked)
    await settle()
    expect(failed.message).toMatch(
      /^Uploading notes\.txt failed: .*\/session answered HTTP 200 with an HTML page/
    )
    expect(requestsTo(emulator, 'POST', nextPath)).toBe(2)
    expect(next.files()).toEqual([])
  })
})

describe('a portal that stops answering', () => {
  for (const kind of ['stall-headers', 'stall'] as const) {
    it(`cannot hang the step (${kind} on every request)`, async () => {
      const { file } = newFile()
      emulator.faults.add({ kind, path: `/files/file/${file.id}/`, count: 50 })
      const started = Date.now()
      const outcome = await attempt(emulator, {
        ...FAST,
        operation: 'create-link',
        'file-id': file.id,
        title: 'Nightly'
      })
      const took = Date.now() - started
      expect(outcome.ok).toBe(false)
      expect(outcome.message).toMatch(
        /^GET \/api\/2\.0\/files\/file\/\d+\/links: no complete answer within 0\.4 s.*gave up after 3 attempts/
      )
      // Three attempts of 0.4 s and two backoffs of at most 0.5 s and 1 s.
      expect(took).toBeLessThan(3 * 400 + 1500 + 1000)
      expect(emulator.state.links('file', file.id)).toHaveLength(0)
      emulator.faults.clear()
    })
  }
})

describe('a refused connection', () => {
  it('is waited out: the operation goes on once the portal listens again', async () => {
    const { file } = newFile()
    const target = Number(new URL(emulator.url).port)
    // A forwarder in front of the emulator that is not listening at first: connections are refused.
    const sockets = new Set<net.Socket>()
    const forwarder = net.createServer((client) => {
      const upstream = net.connect(target, '127.0.0.1')
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
        s.on('error', () => s.destroy())
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => forwarder.listen(0, '127.0.0.1', resolve))
    const port = (forwarder.address() as net.AddressInfo).port
    await new Promise<void>((resolve) => forwarder.close(() => resolve()))
    // The portal comes back while the action waits after the second refusal.
    const clock = testClock(async () => {
      if (clock.waits.length === 2)
        await new Promise<void>((resolve) => forwarder.listen(port, '127.0.0.1', resolve))
    })
    try {
      const outcome = await attempt(
        emulator,
        {
          ...FAST,
          'max-retries': 8,
          'portal-url': `http://127.0.0.1:${port}`,
          operation: 'create-link',
          'file-id': file.id,
          title: 'Nightly'
        },
        undefined,
        clock
      )
      expect(outcome.message).toBe('')
      expect(emulator.state.links('file', file.id)).toHaveLength(1)
      expect(
        outcome.log.some(
          (l) =>
            l.level === 'warning' &&
            /the connection was refused at 127\.0\.0\.1:\d+ \(ECONNREFUSED\), retrying in/.test(
              l.message
            )
        )
      ).toBe(true)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => forwarder.close(() => resolve()))
    }
  })
})

describe('max-retries', () => {
  it.each([
    [undefined, 4],
    [0, 1],
    [1, 2]
  ])('max-retries %s makes at most %i attempts', async (retries, attempts) => {
    const { file } = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'status', status: 503, retryAfter: 0, path, count: 10 })
    const outcome = await attempt(emulator, {
      'request-timeout': 0.4,
      'max-retries': retries,
      operation: 'list-links',
      'file-id': file.id
    })
    await settle()
    emulator.faults.clear()
    expect(outcome.ok).toBe(false)
    expect(requestsTo(emulator, 'GET', path)).toBe(attempts)
    expect(outcome.log.filter((l) => l.level === 'warning')).toHaveLength(attempts - 1)
  })
})

describe('dry-run', () => {
  it('never writes, whatever the operation', async () => {
    const { folder, file } = newFile()
    const expired = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Old', expirationDate: new Date(Date.now() - DAY) }
    )
    const limited = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: encodeTitle('Limited', { maxDownloads: 1, createdAt: new Date(Date.now() - DAY) }) }
    )
    const dir = workspaceFiles(workspace.path, { 'app.zip': 'new bytes' })
    const before = JSON.stringify({
      links: emulator.state.links('file', file.id),
      folderLinks: emulator.state.links('folder', folder.id),
      children: emulator.state.children(folder.id),
      journal: emulator.state.journal.length
    })
    const writesBefore = emulator.requests.filter((r) => r.method !== 'GET').length
    const runs = [
      { operation: 'create-link', 'file-id': file.id, title: 'New' },
      { operation: 'create-link', 'file-id': file.id, title: 'Old', expiration: '7d' },
      {
        operation: 'update-link',
        'file-id': file.id,
        'link-id': limited.id,
        'deny-download': 'true'
      },
      { operation: 'revoke-link', 'file-id': file.id, 'link-id': expired.id },
      { operation: 'enforce-limits', 'file-id': file.id },
      { operation: 'sweep', 'folder-id': folder.id },
      { operation: 'upload', 'folder-id': folder.id, files: `${dir}/app.zip`, subfolder: 'v2' }
    ]
    for (const inputs of runs) {
      const outcome = await attempt(
        emulator,
        { ...FAST, ...inputs, 'dry-run': true },
        inputs.operation === 'upload' ? { workspace: workspace.path } : undefined
      )
      expect({ operation: inputs.operation, message: outcome.message }).toEqual({
        operation: inputs.operation,
        message: ''
      })
      expect(outcome.result?.dryRun).toBe(true)
    }
    await settle()
    expect(emulator.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore)
    expect(
      JSON.stringify({
        links: emulator.state.links('file', file.id),
        folderLinks: emulator.state.links('folder', folder.id),
        children: emulator.state.children(folder.id),
        journal: emulator.state.journal.length
      })
    ).toBe(before)
  })
})
