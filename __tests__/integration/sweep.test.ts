import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type RequestLogEntry } from '../../emulator/server.js'
import type { FileRecord, LinkRecord } from '../../emulator/state.js'
import { configureAudit, recordDownloads } from '../../emulator/audit-journal.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { renderSummary } from '../../src/summary.js'
import { runWith, recordingLog } from '../helpers/operation.js'
import { useEmulator } from '../helpers/fixtures.js'

const HOUR = 3600_000
const DAY = 24 * HOUR
const AUDIT_PATH = '/api/2.0/security/audit/events/filter'

type Kind = 'file' | 'folder' | 'room'

/** The most requests the emulator was serving at one time. */
function peakConcurrency(requests: RequestLogEntry[]): number {
  const edges = requests.flatMap((r) => [
    { t: r.startedAt.getTime(), d: 1 },
    { t: r.endedAt.getTime(), d: -1 }
  ])
  // An end and a start in the same millisecond do not overlap.
  edges.sort((a, b) => a.t - b.t || a.d - b.d)
  let now = 0
  let peak = 0
  for (const e of edges) {
    now += e.d
    peak = Math.max(peak, now)
  }
  return peak
}

function helpers(get: () => Emulator) {
  const folder = () => get().addFolder({ title: `f-${Math.random()}` })
  const file = (parentId = folder().id, title = 'app.zip'): FileRecord =>
    get().addFile({ parentId, title, size: 10 })
  const expiredLink = (kind: Kind, id: number, title = 'Expired'): LinkRecord =>
    get().addLink({ kind, id }, { title, expirationDate: new Date(Date.now() - HOUR) })
  const limitedLink = (
    kind: Kind,
    id: number,
    maxDownloads: number,
    title = 'Limited'
  ): LinkRecord =>
    get().addLink(
      { kind, id },
      { title: encodeTitle(title, { maxDownloads, createdAt: new Date(Date.now() - HOUR) }) }
    )
  const plainLink = (kind: Kind, id: number, title = 'Plain'): LinkRecord =>
    get().addLink({ kind, id }, { title, expirationDate: new Date(Date.now() + 30 * DAY) })
  const ids = (kind: Kind, id: number) =>
    get()
      .state.links(kind, id)
      .map((l) => l.id)
  return { folder, file, expiredLink, limitedLink, plainLink, ids }
}

describe('sweep', () => {
  const emu = useEmulator()
  const h = helpers(() => emu)

  afterEach(() => {
    configureAudit(emu, { auditOption: true })
  })

  it('applies every rule across a list of files and reports only the revoked links', async () => {
    const expired = h.file()
    const over = h.file()
    const under = h.file()
    const none = h.file()
    const e = h.expiredLink('file', expired.id)
    const o = h.limitedLink('file', over.id, 3)
    const u = h.limitedLink('file', under.id, 3)
    const n = h.plainLink('file', none.id)
    recordDownloads(emu, over.id, 3)
    recordDownloads(emu, under.id, 2)
    recordDownloads(emu, none.id, 99)
    const log = recordingLog()
    const result = await runWith(
      emu,
      { operation: 'sweep', 'file-id': `${expired.id}, ${over.id}\n${under.id},${none.id}` },
      { log }
    )
    expect(h.ids('file', expired.id)).toEqual([])
    expect(h.ids('file', over.id)).toEqual([])
    expect(h.ids('file', under.id)).toEqual([u.id])
    expect(h.ids('file', none.id)).toEqual([n.id])
    expect(result).toMatchObject({ revoked: true, revokedCount: 2, keptCount: 2 })
    expect(result.failures).toBeUndefined()
    const revoked = Object.fromEntries(result.links.map((l) => [l.id, l]))
    expect(Object.keys(revoked).sort()).toEqual([e.id, o.id].sort())
    expect(revoked[e.id]).toMatchObject({
      action: 'revoked',
      reason: 'expired',
      target: `file ${expired.id}`
    })
    expect(revoked[o.id]).toMatchObject({
      action: 'revoked',
      downloads: 3,
      maxDownloads: 3,
      reason: 'download limit reached (3/3)',
      target: `file ${over.id}`
    })
    // One group per target, a notice per revoked link.
    expect(log.lines.filter((l) => l.startsWith('group: '))).toHaveLength(4)
    expect(log.lines.filter((l) => l.startsWith('notice: Revoked'))).toHaveLength(2)
    const summary = renderSummary(result)
    expect(summary).toContain(`file ${over.id}`)
    expect(summary).toContain('3 / 3')
    expect(summary).toContain('revoked')
  })

  it('sweeps a folder with the files in it, paging through the listing, and descends only with recursive', async () => {
    const top = h.folder()
    const files = Array.from({ length: 130 }, (_, i) =>
      h.file(top.id, `file-${String(i).padStart(3, '0')}.zip`)
    )
    for (const f of files) h.expiredLink('file', f.id)
    const folderLink = h.expiredLink('folder', top.id, 'Folder link')
    const sub = emu.addFolder({ title: 'sub', parentId: top.id })
    const deep = h.file(sub.id, 'deep.zip')
    h.expiredLink('file', deep.id)
    const mark = emu.requests.length
    const flat = await runWith(emu, {
      operation: 'sweep',
      'folder-id': top.id,
      'requests-per-minute': 60_000
    })
    expect(flat.revokedCount).toBe(131)
    expect(flat.links.some((l) => l.id === folderLink.id && l.target === `folder ${top.id}`)).toBe(
      true
    )
    expect(files.every((f) => h.ids('file', f.id).length === 0)).toBe(true)
    expect(h.ids('file', deep.id)).toHaveLength(1)
    const listings = emu.requests.slice(mark).filter((r) => r.path === `/api/2.0/files/${top.id}`)
    expect(listings.map((r) => r.query.startIndex)).toEqual(['0', '100'])

    const recursive = await runWith(emu, {
      operation: 'sweep',
      'folder-id': top.id,
      recursive: true,
      'requests-per-minute': 60_000
    })
    expect(recursive.revokedCount).toBe(1)
    expect(recursive.links[0].target).toBe(`file ${deep.id}`)
    expect(h.ids('file', deep.id)).toEqual([])
  })

  it('sweeps a room, its links and the files in it', async () => {
    const room = emu.addRoom({ title: `room-${Math.random()}` })
    const inside = h.file(room.id, 'guide.pdf')
    const roomLink = h.limitedLink('room', room.id, 2, 'Room link')
    const fileLink = h.expiredLink('file', inside.id)
    recordDownloads(emu, inside.id, 2)
    const result = await runWith(emu, { operation: 'sweep', 'room-id': room.id })
    expect(result.links.map((l) => l.id).sort()).toEqual([roomLink.id, fileLink.id].sort())
    expect(h.ids('room', room.id)).toEqual([])
    expect(h.ids('file', inside.id)).toEqual([])
    expect(result.links.find((l) => l.id === roomLink.id)).toMatchObject({
      downloads: 2,
      target: `room ${room.id}`
    })
  })

  it('revokes by max-age and title-pattern, and keeps the primary link unless asked', async () => {
    const f = h.file()
    const old = emu.addLink(
      { kind: 'file', id: f.id },
      { title: encodeTitle('Release 1', { createdAt: new Date(Date.now() - 10 * DAY) }) }
    )
    const oldNightly = emu.addLink(
      { kind: 'file', id: f.id },
      { title: encodeTitle('Nightly', { createdAt: new Date(Date.now() - 10 * DAY) }) }
    )
    const young = emu.addLink(
      { kind: 'file', id: f.id },
      { title: encodeTitle('Release 2', { createdAt: new Date(Date.now() - DAY) }) }
    )
    const primary = emu.addLink(
      { kind: 'file', id: f.id },
      { title: 'Release primary', primary: true, expirationDate: new Date(Date.now() - HOUR) }
    )
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': f.id,
      'max-age': '7d',
      'title-pattern': 'Release*'
    })
    expect(h.ids('file', f.id).sort()).toEqual([oldNightly.id, young.id, primary.id].sort())
    expect(result.links).toHaveLength(1)
    expect(result.links[0]).toMatchObject({ id: old.id, reason: 'older than 7d' })
    expect(result.keptCount).toBe(2)
    await runWith(emu, {
      operation: 'sweep',
      'file-id': f.id,
      'title-pattern': 'Release*',
      'include-primary': true
    })
    expect(h.ids('file', f.id).sort()).toEqual([oldNightly.id, young.id].sort())
  })

  it('changes nothing in a dry run', async () => {
    const a = h.file()
    const b = h.file()
    h.expiredLink('file', a.id)
    h.limitedLink('file', b.id, 1)
    recordDownloads(emu, b.id, 1)
    const journal = emu.state.journal.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': `${a.id},${b.id}`,
      'dry-run': true
    })
    expect(h.ids('file', a.id)).toHaveLength(1)
    expect(h.ids('file', b.id)).toHaveLength(1)
    expect(emu.state.journal.length).toBe(journal)
    expect(result).toMatchObject({ dryRun: true, revokedCount: 2, keptCount: 0 })
    expect(result.links.every((l) => l.action === 'would-revoke')).toBe(true)
    expect(result.headline).toContain('would revoke 2')
  })

  it('goes on past a missing target, reports it, and fails at the end', async () => {
    const a = h.file()
    const b = h.file()
    h.expiredLink('file', a.id)
    h.expiredLink('file', b.id)
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': `${a.id}, 987654, ${b.id}`,
      'folder-id': 987655
    })
    expect(h.ids('file', a.id)).toEqual([])
    expect(h.ids('file', b.id)).toEqual([])
    expect(result.revokedCount).toBe(2)
    expect(result.failures).toHaveLength(2)
    expect(result.failures![0]).toMatch(/^file 987654\b.*not found/i)
    expect(result.failures![1]).toMatch(/^folder 987655\b/i)
  })

  it('reports failures as notes with fail-on-error: false', async () => {
    const a = h.file()
    h.expiredLink('file', a.id)
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': `${a.id}, 987654`,
      'fail-on-error': false
    })
    expect(result.failures).toBeUndefined()
    expect(result.notes?.some((n) => /^Not swept: file 987654\b/i.test(n))).toBe(true)
    expect(h.ids('file', a.id)).toEqual([])
  })

  it('does not revoke on downloads when the audit trail ignores the filter, and says so once', async () => {
    const a = h.file()
    const b = h.file()
    const la = h.limitedLink('file', a.id, 1)
    const lb = h.limitedLink('file', b.id, 1)
    const gone = h.expiredLink('file', b.id)
    recordDownloads(emu, a.id, 5)
    recordDownloads(emu, b.id, 5)
    configureAudit(emu, { auditOption: false })
    const result = await runWith(emu, { operation: 'sweep', 'file-id': `${a.id},${b.id}` })
    expect(h.ids('file', a.id)).toEqual([la.id])
    expect(h.ids('file', b.id)).toEqual([lb.id])
    expect(result.links.map((l) => l.id)).toEqual([gone.id])
    const notes = (result.notes ?? []).filter((n) => n.includes('ignored the filter'))
    expect(notes).toHaveLength(1)
    expect(notes[0]).toContain(`file ${a.id}`)
    expect(notes[0]).toContain(`file ${b.id}`)
    expect(result.failures).toBeUndefined()
  })

  it('fails only the targets that need a count when the key is not an admin', async () => {
    const limited = h.file()
    const plain = h.file()
    h.limitedLink('file', limited.id, 1)
    const expired = h.expiredLink('file', plain.id)
    recordDownloads(emu, limited.id, 1)
    const mark = emu.requests.length
    const result = await runWith(
      { url: emu.url, adminKey: emu.userKey },
      { operation: 'sweep', 'file-id': `${limited.id},${plain.id}` }
    )
    expect(result.failures).toEqual([
      `file ${limited.id}: counting downloads needs an admin's API key with the \`*:read\` scope (the audit trail is admin-only)`
    ])
    expect(result.links.map((l) => l.id)).toEqual([expired.id])
    // The first 403 settles it: no second audit query.
    expect(emu.requests.slice(mark).filter((r) => r.path === AUDIT_PATH)).toHaveLength(1)
  })

  it('makes no audit query when no link has a limit or the limit is not enforced', async () => {
    const a = h.file()
    const b = h.file()
    h.plainLink('file', a.id)
    h.limitedLink('file', b.id, 1)
    recordDownloads(emu, b.id, 1)
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': `${a.id},${b.id}`,
      'enforce-max-downloads': false
    })
    expect(emu.requests.slice(mark).filter((r) => r.path === AUDIT_PATH)).toHaveLength(0)
    expect(result.revokedCount).toBe(0)
    expect(result.keptCount).toBe(2)
  })

  it('sweeps a file given twice, or also inside a swept folder, once', async () => {
    const top = h.folder()
    const f = h.file(top.id)
    h.expiredLink('file', f.id)
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': `${f.id},${f.id}`,
      'folder-id': top.id
    })
    expect(result.revokedCount).toBe(1)
    expect(result.failures).toBeUndefined()
    const puts = emu.requests.slice(mark).filter((r) => r.method === 'PUT')
    expect(puts).toHaveLength(1)
  })

  it('warns about links that expire within a day', async () => {
    const f = h.file()
    emu.addLink(
      { kind: 'file', id: f.id },
      { title: 'Soon', expirationDate: new Date(Date.now() + 2 * HOUR) }
    )
    const log = recordingLog()
    await runWith(emu, { operation: 'sweep', 'file-id': f.id }, { log })
    expect(
      log.lines.some(
        (l) => l.startsWith('warning: ') && l.includes('"Soon"') && l.includes('within a day')
      )
    ).toBe(true)
  })
})

describe('sweep concurrency', () => {
  let emu: Emulator
  const h = helpers(() => emu)

  beforeAll(async () => {
    emu = await startEmulator({ latencyMs: 30 })
  })
  afterAll(async () => {
    await emu.close()
  })

  it('keeps requests within the bound, and uses it', async () => {
    const files = Array.from({ length: 24 }, () => h.file())
    for (const f of files) h.expiredLink('file', f.id)
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': files.map((f) => f.id).join(','),
      concurrency: 3
    })
    expect(result.revokedCount).toBe(24)
    const served = emu.requests.slice(mark)
    expect(served).toHaveLength(48)
    const peak = peakConcurrency(served)
    expect(peak).toBeLessThanOrEqual(3)
    expect(peak).toBeGreaterThanOrEqual(2)
  })
})

describe('sweep with a 429 in the middle', () => {
  let emu: Emulator
  const h = helpers(() => emu)
  let served = 0
  let refuseAt = -1
  let retryAfter = '1'

  beforeAll(async () => {
    emu = await startEmulator({ latencyMs: 5 })
    emu.use(async (ctx, next) => {
      served++
      if (served === refuseAt) {
        ctx.send({ kind: 'raw', statusCode: 429, headers: { 'Retry-After': retryAfter } })
        return
      }
      await next()
    })
  })
  afterAll(async () => {
    await emu.close()
  })

  function setup(count: number): FileRecord[] {
    const files = Array.from({ length: count }, () => h.file())
    for (const f of files) h.expiredLink('file', f.id)
    served = 0
    refuseAt = Math.floor(count / 2) + 1
    return files
  }

  it('retries after Retry-After and finishes the sweep', async () => {
    const files = setup(10)
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': files.map((f) => f.id).join(',')
    })
    const log = emu.requests.slice(mark)
    expect(log.filter((r) => r.status === 429)).toHaveLength(1)
    expect(result.failures).toBeUndefined()
    expect(result.revokedCount).toBe(10)
    expect(files.every((f) => h.ids('file', f.id).length === 0)).toBe(true)
  })

  it('pauses the whole sweep when a 429 reaches it', async () => {
    const files = setup(10)
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'sweep',
      'file-id': files.map((f) => f.id).join(','),
      'max-retries': 0,
      concurrency: 4
    })
    const log = emu.requests.slice(mark)
    const refused = log.find((r) => r.status === 429)!
    expect(refused).toBeDefined()
    const sinceRefusal = (r: RequestLogEntry) => r.startedAt.getTime() - refused.endedAt.getTime()
    // A worker whose answer arrived together with the 429 may still slip one request in; after that
    // no worker starts anything until the pause (1 s, less some slack for timers) is over.
    const slipped = log.filter((r) => sinceRefusal(r) > 0 && sinceRefusal(r) < 100)
    expect(slipped.length).toBeLessThanOrEqual(3)
    const later = log.filter((r) => sinceRefusal(r) >= 100)
    expect(later.length).toBeGreaterThan(0)
    expect(Math.min(...later.map(sinceRefusal))).toBeGreaterThanOrEqual(900)
    expect(result.failures).toBeUndefined()
    expect(result.revokedCount).toBe(10)
    expect(result.notes?.some((n) => n.includes('rate limit refused 1 request(s)'))).toBe(true)
  })

  it('holds every worker for the Retry-After the portal asked, while the client retries', async () => {
    const files = setup(12)
    retryAfter = '2'
    const mark = emu.requests.length
    try {
      const result = await runWith(emu, {
        operation: 'sweep',
        'file-id': files.map((f) => f.id).join(','),
        concurrency: 4
      })
      expect(result.failures).toBeUndefined()
      expect(result.revokedCount).toBe(12)
    } finally {
      retryAfter = '1'
    }
    const log = emu.requests.slice(mark)
    const refused = log.find((r) => r.status === 429)!
    const sinceRefusal = (r: RequestLogEntry) => r.startedAt.getTime() - refused.endedAt.getTime()
    // Requests already on their way (at most the other three workers') may land just after the 429;
    // nothing new starts until ~2 s later.
    const slipped = log.filter((r) => sinceRefusal(r) > 0 && sinceRefusal(r) < 100)
    expect(slipped.length).toBeLessThanOrEqual(3)
    const later = log.filter((r) => sinceRefusal(r) >= 100)
    expect(later.length).toBeGreaterThan(0)
    expect(Math.min(...later.map(sinceRefusal))).toBeGreaterThanOrEqual(1900)
  })
})
