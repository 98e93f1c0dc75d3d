import { afterEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Emulator, RequestLogEntry } from '../../emulator/server.js'
import type { LinkRecord } from '../../emulator/state.js'
import { recordDownloads } from '../../emulator/audit-journal.js'
import { setShareRights } from '../../emulator/listing.js'
import { setDocSpaceVersion } from '../../emulator/routes/settings.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { outputsOf } from '../../src/outputs.js'
import { renderSummary } from '../../src/summary.js'
import { useEmulator } from '../helpers/fixtures.js'
import { recordingLog, runWith } from '../helpers/operation.js'

const HOUR = 3600_000
const FAST = { 'requests-per-minute': 60_000 }
const AUDIT_PATH = '/api/2.0/security/audit/events/filter'

function kinds(requests: RequestLogEntry[]) {
  const count = (test: (r: RequestLogEntry) => boolean) => requests.filter(test).length
  return {
    version: count((r) => r.path === '/api/2.0/settings/version/build'),
    listings: count((r) => /^\/api\/2\.0\/files\/\d+$/.test(r.path)),
    linkReads: count((r) => r.method === 'GET' && r.path.endsWith('/links')),
    audit: count((r) => r.path === AUDIT_PATH),
    writes: count((r) => r.method === 'PUT'),
    total: requests.length
  }
}

/** A tree of `folders` folders of `perFolder` files under a new root; returns ids. */
function tree(emu: Emulator, folders: number, perFolder: number) {
  const root = emu.addFolder({ title: `root-${Math.random()}` })
  const subs = Array.from({ length: folders }, (_, i) =>
    emu.addFolder({ title: `sub-${i}`, parentId: root.id })
  )
  const files = subs.flatMap((sub) =>
    Array.from({ length: perFolder }, (_, i) =>
      emu.addFile({ parentId: sub.id, title: `f-${i}.zip`, size: 1 })
    )
  )
  return { root, subs, files }
}

const expired = (emu: Emulator, kind: 'file' | 'folder', id: number, title = 'Old'): LinkRecord =>
  emu.addLink({ kind, id }, { title, expirationDate: new Date(Date.now() - HOUR) })
const limited = (emu: Emulator, id: number, max: number, title = 'Limited'): LinkRecord =>
  emu.addLink(
    { kind: 'file', id },
    { title: encodeTitle(title, { maxDownloads: max, createdAt: new Date(Date.now() - HOUR) }) }
  )
const plain = (emu: Emulator, kind: 'file' | 'folder', id: number, title = 'Plain'): LinkRecord =>
  emu.addLink({ kind, id }, { title, expirationDate: new Date(Date.now() + 30 * 24 * HOUR) })

describe('sweep at scale', () => {
  const emu = useEmulator()
  afterEach(() => {
    setDocSpaceVersion(emu.state, '3.7.2.0')
  })

  it('makes requests that grow with the shared entries: the formula, exactly', async () => {
    const { root, subs, files } = tree(emu, 3, 120)
    const shared = [files[5], files[150], files[300], files[359]]
    const gone = shared.map((f) => expired(emu, 'file', f.id).id)
    const counted = limited(emu, shared[0].id, 2)
    const stays = limited(emu, shared[1].id, 5)
    const folderLink = plain(emu, 'folder', subs[1].id)
    recordDownloads(emu, shared[0].id, 2)
    recordDownloads(emu, shared[1].id, 1)
    recordDownloads(emu, files[7].id, 4)
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'folder-id': root.id,
      recursive: true,
      ...FAST
    })
    const made = kinds(emu.requests.slice(mark))
    // 1 version + ⌈360/100⌉ file pages + ⌈3/100⌉ folder pages + 5 shared entries + 1 audit page + 5 PUTs
    expect(made).toEqual({
      version: 1,
      listings: 4 + 1,
      linkReads: 5,
      audit: 1,
      writes: 5,
      total: 1 + 5 + 5 + 1 + 5
    })
    expect(result.sweep).toEqual({
      listed: 363,
      shared: 5,
      inspected: 5,
      notInspectable: 0,
      checked: 7,
      revoked: 5,
      kept: 2,
      left: 0,
      requests: 17
    })
    expect(result.links.map((l) => l.id).sort()).toEqual([...gone, counted.id].sort())
    expect(emu.state.links('file', shared[1].id).map((l) => l.id)).toEqual([stays.id])
    expect(emu.state.links('folder', subs[1].id).map((l) => l.id)).toEqual([folderLink.id])
    const outputs = outputsOf(result)
    expect(outputs).toMatchObject({
      listedCount: '363',
      sharedCount: '5',
      inspectedCount: '5',
      notInspectableCount: '0',
      checkedCount: '7',
      revokedCount: '5',
      keptCount: '2',
      requestCount: '17'
    })
    expect(renderSummary(result)).toContain('<tr><td>Entries listed</td><td>363</td></tr>')
  })

  it('reads the links of a shared entry while the listing goes on', async () => {
    const { root, files } = tree(emu, 1, 900)
    const early = expired(emu, 'file', files[3].id)
    const mark = emu.requests.length
    emu.setLatency(10)
    try {
      await runWith(emu, {
        operation: 'sweep',
        'folder-id': root.id,
        recursive: true,
        concurrency: 2,
        ...FAST
      })
    } finally {
      emu.setLatency(0)
    }
    const made = emu.requests.slice(mark)
    const linkRead = made.find(
      (r) => r.method === 'GET' && r.path.endsWith(`/${files[3].id}/links`)
    )
    const pages = made.filter(
      (r) => r.path === `/api/2.0/files/${root.id}` && r.query.filterType === '1'
    )
    expect(pages).toHaveLength(9)
    // Asked for before the last listing page was: the first page holds the shared file.
    expect(linkRead?.startedAt.getTime()).toBeLessThan(
      Math.max(...pages.map((p) => p.startedAt.getTime()))
    )
    expect(emu.state.links('file', files[3].id)).toEqual([])
    expect(early.id).toBeDefined()
  })

  it('counts and names shared entries this key cannot inspect, and leaves them alone', async () => {
    const { root, files } = tree(emu, 1, 3)
    const hidden = expired(emu, 'file', files[0].id)
    const visible = expired(emu, 'file', files[1].id)
    setShareRights(emu.state, files[0].id, false)
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'folder-id': root.id,
      recursive: true,
      ...FAST
    })
    expect(result.sweep).toMatchObject({ shared: 2, inspected: 1, notInspectable: 1, revoked: 1 })
    expect(result.links.map((l) => l.id)).toEqual([visible.id])
    expect(emu.state.links('file', files[0].id).map((l) => l.id)).toEqual([hidden.id])
    expect(result.notes?.join('\n')).toContain(`cannot inspect`)
    expect(result.notes?.join('\n')).toContain(`file ${files[0].id}`)
    // No request for links that would come back empty.
    expect(
      emu.requests.slice(mark).some((r) => r.path === `/api/2.0/files/file/${files[0].id}/links`)
    ).toBe(false)
  })

  it('falls back to the full walk, with a notice, on a portal older than 3.5', async () => {
    const { root, files } = tree(emu, 2, 10)
    const gone = expired(emu, 'file', files[3].id)
    setDocSpaceVersion(emu.state, '3.2.1.0')
    const log = recordingLog()
    const mark = emu.requests.length
    const result = await runWith(
      emu,
      { operation: 'sweep', 'folder-id': root.id, recursive: true, ...FAST },
      { log }
    )
    expect(result.links.map((l) => l.id)).toEqual([gone.id])
    expect(emu.state.links('file', files[3].id)).toEqual([])
    expect(log.lines.some((l) => l.startsWith('notice: The portal runs DocSpace 3.2.1.0'))).toBe(
      true
    )
    // Every file and folder had its links read.
    expect(kinds(emu.requests.slice(mark)).linkReads).toBe(20 + 2 + 1)
  })

  it('neither stops nor revokes wrongly when entries are added or removed during the sweep', async () => {
    const { root, subs, files } = tree(emu, 2, 150)
    const first = expired(emu, 'file', files[10].id)
    const removedFile = files[20]
    expired(emu, 'file', removedFile.id)
    const keep = plain(emu, 'file', files[200].id)
    let added: number[] | undefined
    let listingPages = 0
    emu.use(async (ctx, next) => {
      if (/^\/api\/2\.0\/files\/\d+$/.test(ctx.path) && ctx.query.filterType === '1') {
        listingPages++
        // While the files are paged: two files are added (at the end, by creation time) and one whose
        // link was listed is deleted before its links are read.
        if (listingPages === 2 && added === undefined) {
          added = [1, 2].map((i) => {
            const file = emu.addFile({ parentId: subs[0].id, title: `late-${i}.zip`, size: 1 })
            expired(emu, 'file', file.id)
            return file.id
          })
          emu.state.removeEntry(removedFile.id)
        }
      }
      await next()
    })
    const result = await runWith(emu, {
      operation: 'sweep',
      'folder-id': root.id,
      recursive: true,
      ...FAST
    })
    expect(result.failures).toBeUndefined()
    expect(emu.state.links('file', files[10].id)).toEqual([])
    expect(result.links.map((l) => l.id)).toContain(first.id)
    expect(emu.state.links('file', files[200].id).map((l) => l.id)).toEqual([keep.id])
    // The total moved, so the list was read again and the late file was found and swept too.
    expect(listingPages).toBeGreaterThan(3)
    for (const id of added ?? []) expect(emu.state.links('file', id)).toEqual([])
  })

  it('says where it is at least every interval while it runs', async () => {
    const { root, files } = tree(emu, 1, 30)
    for (const f of files) expired(emu, 'file', f.id)
    emu.setLatency(15)
    const log = recordingLog()
    try {
      await runWith(
        emu,
        { operation: 'sweep', 'folder-id': root.id, recursive: true, concurrency: 2, ...FAST },
        { log, pacing: { progressIntervalMs: 100 } }
      )
    } finally {
      emu.setLatency(0)
    }
    const progress = log.lines.filter((l) => l.startsWith('info: Sweep progress'))
    expect(progress.length).toBeGreaterThanOrEqual(2)
    expect(progress.at(-1)).toMatch(/31 entries listed, 30 shared, \d+ inspected/)
  })
})

// Skipping the entries not marked shared never misses a link that the full walk revokes.
describe('the shared marks against the full walk (property)', () => {
  const emu = useEmulator()

  type Node = { files: Array<Array<'expired' | 'limited' | 'plain'>>; folders: Node[] }
  type LinkKind = 'expired' | 'limited' | 'plain'
  const linkKinds = fc.array(fc.constantFrom<LinkKind>('expired', 'limited', 'plain'), {
    maxLength: 3
  })
  const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.record({
      files: fc.array(
        fc.oneof({ weight: 3, arbitrary: fc.constant([] as LinkKind[]) }, linkKinds),
        { maxLength: 6 }
      ),
      folders: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant([] as Node[]),
        fc.array(tie('node'), { maxLength: 3 })
      )
    })
  })).node

  // Builds the tree under a new root; links are titled by their place, so two copies compare.
  function build(shape: Node, folderLinks: LinkKind[]): number {
    const root = emu.addFolder({ title: `p-${Math.random()}` })
    const add = (kind: 'file' | 'folder', id: number, place: string, links: LinkKind[]) =>
      links.forEach((k, i) => {
        const title = `${place}#${i}`
        if (k === 'expired') expired(emu, kind, id, title)
        else if (k === 'plain') plain(emu, kind, id, title)
        else if (kind === 'file') limited(emu, id, 1, title)
        else plain(emu, kind, id, title)
      })
    const walk = (n: Node, folderId: number, place: string): void => {
      n.files.forEach((links, i) => {
        const file = emu.addFile({ parentId: folderId, title: `f${i}`, size: 1 })
        if (links.includes('limited')) recordDownloads(emu, file.id, 1)
        add('file', file.id, `${place}/f${i}`, links)
      })
      n.folders.forEach((child, i) => {
        const sub = emu.addFolder({ title: `d${i}`, parentId: folderId })
        add('folder', sub.id, `${place}/d${i}`, i === 0 ? folderLinks : [])
        walk(child, sub.id, `${place}/d${i}`)
      })
    }
    walk(shape, root.id, '')
    return root.id
  }

  it('revokes the same links as reading every entry', async () => {
    await fc.assert(
      fc.asyncProperty(node, linkKinds, fc.boolean(), async (shape, folderLinks, recursive) => {
        const walked = build(shape, folderLinks)
        const flagged = build(shape, folderLinks)
        setDocSpaceVersion(emu.state, '3.2.1.0')
        const full = await runWith(emu, {
          operation: 'sweep',
          'folder-id': walked,
          recursive,
          ...FAST
        })
        setDocSpaceVersion(emu.state, '3.7.2.0')
        const cheap = await runWith(emu, {
          operation: 'sweep',
          'folder-id': flagged,
          recursive,
          ...FAST
        })
        const titles = (r: typeof full) => r.links.map((l) => l.title).sort()
        expect(cheap.failures).toBeUndefined()
        expect(full.failures).toBeUndefined()
        expect(titles(cheap)).toEqual(titles(full))
        expect(cheap.keptCount).toBe(full.keptCount)
      }),
      { numRuns: 25 }
    )
  })
})

// The server's three limiters, scaled down; the action's pacing scaled to match through its test seam.
describe('sweep under the portal limiters', () => {
  const emu = useEmulator({ latencyMs: 10 })
  const pacing = { windowMs: 1000, windowPauseMs: 100, concurrencyPauseMs: 50 }
  afterEach(() => {
    emu.rateLimiter.configure(undefined)
    emu.rateLimiter.reset()
  })

  function shared(count: number) {
    const { root, files } = tree(emu, 1, count)
    const gone = files.map((f) => expired(emu, 'file', f.id).id)
    const kept = files.map((f) => plain(emu, 'file', f.id).id)
    return { root, files, gone, kept }
  }

  it('slows the whole pool down on the per-minute window and finishes', async () => {
    const { root, files, gone, kept } = shared(30)
    emu.rateLimiter.configure({ window: { limit: 60, windowMs: 1000 } })
    const log = recordingLog()
    const result = await runWith(
      emu,
      { operation: 'sweep', 'folder-id': root.id, recursive: true, 'max-retries': 0, ...FAST },
      { log, pacing }
    )
    expect(emu.rateLimiter.rejected.window).toBeGreaterThan(0)
    expect(result.failures).toBeUndefined()
    expect(result.links.map((l) => l.id).sort()).toEqual([...gone].sort())
    expect(files.flatMap((f) => emu.state.links('file', f.id).map((l) => l.id)).sort()).toEqual(
      [...kept].sort()
    )
    expect(log.lines.some((l) => l.includes('lowers its ceiling'))).toBe(true)
  })

  it('runs fewer at once after an in-flight refusal and finishes', async () => {
    const { root, files, gone, kept } = shared(20)
    emu.rateLimiter.configure({ concurrency: { get: 2, write: 1 } })
    const result = await runWith(
      emu,
      {
        operation: 'sweep',
        'folder-id': root.id,
        recursive: true,
        concurrency: 6,
        'max-retries': 0,
        ...FAST
      },
      { pacing }
    )
    expect(emu.rateLimiter.rejected.concurrency).toBeGreaterThan(0)
    expect(result.failures).toBeUndefined()
    expect(result.links.map((l) => l.id).sort()).toEqual([...gone].sort())
    expect(files.flatMap((f) => emu.state.links('file', f.id).map((l) => l.id)).sort()).toEqual(
      [...kept].sort()
    )
  })

  it('stops writing at once when the daily budget is used up, says what is left, and fails', async () => {
    const { root, files, kept } = shared(6)
    emu.rateLimiter.configure({ daily: { limit: 3, windowMs: 3600_000 } })
    const mark = emu.requests.length
    const result = await runWith(
      emu,
      {
        operation: 'sweep',
        'folder-id': root.id,
        recursive: true,
        concurrency: 1,
        'fail-on-error': false,
        ...FAST
      },
      { pacing }
    )
    const puts = emu.requests.slice(mark).filter((r) => r.method === 'PUT')
    // Three revoked, one refused, and no write after that.
    expect(puts.map((r) => r.status)).toEqual([200, 200, 200, 429])
    expect(result.sweep).toMatchObject({ revoked: 3, left: 3 })
    expect(outputsOf(result).leftCount).toBe('3')
    expect(result.failures).toHaveLength(1)
    expect(result.failures?.[0]).toMatch(/^Stopped revoking: .*daily budget.*Revoked 3; 3 links/)
    // Only the expired links went; every plain link is still there.
    const left = files.flatMap((f) => emu.state.links('file', f.id).map((l) => l.id))
    expect(left).toHaveLength(6 + 3)
    expect(kept.every((id) => left.includes(id))).toBe(true)
  })
})

describe('enforce-limits on a folder tree', () => {
  const emu = useEmulator()

  it('counts the downloads of every file below with recursive, through one paged list', async () => {
    const { root, files } = tree(emu, 2, 3)
    const link = emu.addLink(
      { kind: 'folder', id: root.id },
      {
        title: encodeTitle('Tree', { maxDownloads: 4, createdAt: new Date(Date.now() - HOUR) })
      }
    )
    recordDownloads(emu, files[0].id, 2)
    recordDownloads(emu, files[5].id, 2)
    const direct = await runWith(emu, { operation: 'enforce-limits', 'folder-id': root.id })
    expect(direct).toMatchObject({ revokedCount: 0, downloads: 0 })
    const mark = emu.requests.length
    const deep = await runWith(emu, {
      operation: 'enforce-limits',
      'folder-id': root.id,
      recursive: true
    })
    expect(deep).toMatchObject({ revokedCount: 1, downloads: 4 })
    expect(emu.state.links('folder', root.id).map((l) => l.id)).not.toContain(link.id)
    const listings = emu.requests
      .slice(mark)
      .filter((r) => /^\/api\/2\.0\/files\/\d+$/.test(r.path))
    expect(listings).toHaveLength(1)
    expect(listings[0].query).toMatchObject({ filterType: '1', withSubFolders: 'true' })
  })
})
