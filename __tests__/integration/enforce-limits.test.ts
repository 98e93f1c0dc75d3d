import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { ApiError } from '../../emulator/http.js'
import type { FileRecord, LinkRecord } from '../../emulator/state.js'
import { configureAudit, recordDownloads } from '../../emulator/audit-journal.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { runWith, recordingLog } from '../helpers/operation.js'
import { useEmulator } from '../helpers/fixtures.js'

const HOUR = 3600_000
const DAY = 24 * HOUR
const AUDIT_PATH = '/api/2.0/security/audit/events/filter'

const emu = useEmulator()

afterEach(() => {
  configureAudit(emu, { auditOption: true })
})

function newFile(title = 'app.zip'): FileRecord {
  const folder = emu.addFolder({ title: `f-${Math.random()}` })
  return emu.addFile({ parentId: folder.id, title, content: 'bytes' })
}

function tagged(
  file: { kind: 'file' | 'folder' | 'room'; id: number },
  title: string,
  tag: { maxDownloads?: number; createdAt?: Date },
  extra: Parameters<Emulator['addLink']>[1] = {}
): LinkRecord {
  return emu.addLink(file, { title: encodeTitle(title, tag), ...extra })
}

async function downloadThroughLink(
  file: FileRecord,
  link: LinkRecord,
  times: number
): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(
      `${emu.url}/filehandler.ashx?action=download&fileid=${file.id}&share=${link.requestToken}`
    )
    expect(res.status).toBe(200)
    await res.arrayBuffer()
  }
}

function auditRequestsSince(mark: number) {
  return emu.requests.slice(mark).filter((r) => r.path === AUDIT_PATH)
}

function linkIds(file: { id: number }, kind: 'file' | 'folder' | 'room' = 'file'): string[] {
  return emu.state.links(kind, file.id).map((l) => l.id)
}

describe('enforce-limits', () => {
  it('revokes an expired link', async () => {
    const file = newFile()
    const expired = emu.addLink(
      { kind: 'file', id: file.id },
      { title: 'Old', expirationDate: new Date(Date.now() - HOUR) }
    )
    const fresh = emu.addLink(
      { kind: 'file', id: file.id },
      { title: 'Fresh', expirationDate: new Date(Date.now() + 10 * DAY) }
    )
    const result = await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id })
    expect(linkIds(file)).toEqual([fresh.id])
    expect(result.revoked).toBe(true)
    expect(result.revokedCount).toBe(1)
    const byId = Object.fromEntries(result.links.map((l) => [l.id, l]))
    expect(byId[expired.id]).toMatchObject({
      action: 'revoked',
      reason: 'expired',
      expired: true,
      target: `file ${file.id}`
    })
    expect(byId[fresh.id]).toMatchObject({ action: 'kept', expired: false })
  })

  it('revokes a link whose download limit is reached, counting real downloads since it was created', async () => {
    const file = newFile()
    const link = tagged({ kind: 'file', id: file.id }, 'Release', {
      maxDownloads: 3,
      createdAt: new Date(Date.now() - HOUR)
    })
    // Downloads before the link existed do not count.
    recordDownloads(emu, file.id, 5, { at: new Date(Date.now() - 2 * HOUR) })
    await downloadThroughLink(file, link, 3)
    const log = recordingLog()
    const result = await runWith(
      emu,
      { operation: 'enforce-limits', 'file-id': file.id, 'link-id': link.id },
      { log }
    )
    expect(linkIds(file)).toEqual([])
    expect(result.downloads).toBe(3)
    expect(result.link?.id).toBe(link.id)
    expect(result.links[0]).toMatchObject({
      action: 'revoked',
      downloads: 3,
      maxDownloads: 3,
      reason: 'download limit reached (3/3)'
    })
    expect(log.lines.some((l) => l.startsWith('notice: Revoked') && l.includes('(3/3)'))).toBe(true)
    // The query the audit notes say really works, and nothing else.
    const queries = emu.requests.filter(
      (r) => r.path === AUDIT_PATH && r.query.target === String(file.id)
    )
    expect(queries.length).toBeGreaterThan(0)
    for (const q of queries) {
      expect(q.query).toMatchObject({ entryType: '1', actionType: '12', target: String(file.id) })
      expect(q.query.targetId).toBeUndefined()
      expect(q.query.from).toMatch(/Z$/)
    }
  })

  it('keeps a link under its limit and reports the count', async () => {
    const file = newFile()
    const link = tagged({ kind: 'file', id: file.id }, 'Release', {
      maxDownloads: 3,
      createdAt: new Date(Date.now() - HOUR)
    })
    await downloadThroughLink(file, link, 2)
    const result = await runWith(emu, {
      operation: 'enforce-limits',
      'file-id': file.id,
      title: 'Release'
    })
    expect(linkIds(file)).toEqual([link.id])
    expect(result.revoked).toBe(false)
    expect(result.revokedCount).toBe(0)
    expect(result.downloads).toBe(2)
    expect(result.links[0]).toMatchObject({
      action: 'kept',
      downloads: 2,
      maxDownloads: 3,
      reason: '2/3 downloads'
    })
  })

  it('counts 5009, 5010 and 5062 events of exactly this file, not of a file whose id contains it', async () => {
    const file = newFile()
    let other: FileRecord | undefined
    for (let i = 0; i < 2000 && !other; i++) {
      const candidate = emu.addFile({ parentId: file.parentId, title: `o${i}`, size: 1 })
      if (String(candidate.id).includes(String(file.id))) other = candidate
    }
    expect(other).toBeDefined()
    const link = tagged({ kind: 'file', id: file.id }, 'Release', { maxDownloads: 4 })
    recordDownloads(emu, file.id, 1)
    recordDownloads(emu, file.id, 1, { actionId: 5010 })
    recordDownloads(emu, file.id, 1, { actionId: 5062 })
    recordDownloads(emu, other!.id, 50)
    const result = await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id })
    expect(result.links[0]).toMatchObject({ downloads: 3, action: 'kept' })
    expect(linkIds(file)).toEqual([link.id])
  })

  it('pages through the audit trail with startIndex and count', async () => {
    const file = newFile()
    tagged({ kind: 'file', id: file.id }, 'Release', { maxDownloads: 500 })
    recordDownloads(emu, file.id, 230)
    const mark = emu.requests.length
    const result = await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id })
    expect(result.links[0]).toMatchObject({ downloads: 230, action: 'kept' })
    const pages = auditRequestsSince(mark).map((r) => [r.query.startIndex, r.query.count])
    expect(pages).toEqual([
      ['0', '100'],
      ['100', '100'],
      ['200', '100']
    ])
  })

  it('does not mistake exactly 20 downloads for the unfiltered answer', async () => {
    const file = newFile()
    tagged({ kind: 'file', id: file.id }, 'Release', { maxDownloads: 20 })
    recordDownloads(emu, file.id, 20)
    const result = await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id })
    expect(result.links[0]).toMatchObject({ downloads: 20, action: 'revoked' })
    expect(result.notes?.join(' ') ?? '').not.toContain('ignored the filter')
  })

  it('makes no audit query for links without a limit', async () => {
    const file = newFile()
    emu.addLink({ kind: 'file', id: file.id }, { title: 'Plain' })
    recordDownloads(emu, file.id, 100)
    const mark = emu.requests.length
    const result = await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id })
    expect(auditRequestsSince(mark)).toHaveLength(0)
    expect(result.links[0]).toMatchObject({ action: 'kept', maxDownloads: null })
    expect(result.links[0].downloads).toBeUndefined()
    expect(linkIds(file)).toHaveLength(1)
  })

  it('lets max-downloads override the limit in the title', async () => {
    const file = newFile()
    const link = tagged({ kind: 'file', id: file.id }, 'Release', { maxDownloads: 100 })
    const plain = emu.addLink({ kind: 'file', id: file.id }, { title: 'Untagged' })
    recordDownloads(emu, file.id, 2)
    const result = await runWith(emu, {
      operation: 'enforce-limits',
      'file-id': file.id,
      'max-downloads': 2
    })
    expect(linkIds(file)).toEqual([])
    expect(result.revokedCount).toBe(2)
    expect(result.links.map((l) => l.maxDownloads)).toEqual([2, 2])
    expect(result.links.map((l) => l.id).sort()).toEqual([link.id, plain.id].sort())
  })

  it('revokes links older than max-age that the action created, and only those', async () => {
    const file = newFile()
    const old = tagged({ kind: 'file', id: file.id }, 'Old', {
      createdAt: new Date(Date.now() - 40 * DAY)
    })
    const young = tagged({ kind: 'file', id: file.id }, 'Young', {
      createdAt: new Date(Date.now() - 2 * DAY)
    })
    const foreign = emu.addLink({ kind: 'file', id: file.id }, { title: 'Made by hand' })
    const result = await runWith(emu, {
      operation: 'enforce-limits',
      'file-id': file.id,
      'max-age': '30d'
    })
    expect(linkIds(file).sort()).toEqual([young.id, foreign.id].sort())
    expect(result.links.find((l) => l.id === old.id)).toMatchObject({
      action: 'revoked',
      reason: 'older than 30d'
    })
  })

  it('considers only links whose title matches title-pattern', async () => {
    const file = newFile()
    const release = emu.addLink(
      { kind: 'file', id: file.id },
      { title: 'Release 1', expirationDate: new Date(Date.now() - HOUR) }
    )
    const nightly = emu.addLink(
      { kind: 'file', id: file.id },
      { title: 'Nightly', expirationDate: new Date(Date.now() - HOUR) }
    )
    const result = await runWith(emu, {
      operation: 'enforce-limits',
      'file-id': file.id,
      'title-pattern': 'Release *'
    })
    expect(linkIds(file)).toEqual([nightly.id])
    expect(result.links.map((l) => l.id)).toEqual([release.id])
  })

  it('keeps the primary link unless include-primary', async () => {
    const file = newFile()
    const primary = emu.addLink(
      { kind: 'file', id: file.id },
      { primary: true, title: 'Primary', expirationDate: new Date(Date.now() - HOUR) }
    )
    const kept = await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id })
    expect(linkIds(file)).toEqual([primary.id])
    expect(kept.links[0]).toMatchObject({ action: 'kept', primary: true })
    expect(kept.links[0].reason).toContain('primary')
    await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id, 'include-primary': true })
    expect(linkIds(file)).toEqual([])
  })

  it('changes nothing in a dry run and says what it would do', async () => {
    const file = newFile()
    const link = tagged({ kind: 'file', id: file.id }, 'Release', { maxDownloads: 1 })
    recordDownloads(emu, file.id, 1)
    const journal = emu.state.journal.length
    const result = await runWith(emu, {
      operation: 'enforce-limits',
      'file-id': file.id,
      'dry-run': true
    })
    expect(linkIds(file)).toEqual([link.id])
    expect(emu.state.journal.length).toBe(journal)
    expect(result).toMatchObject({ dryRun: true, revoked: true, revokedCount: 1 })
    expect(result.links[0]).toMatchObject({
      action: 'would-revoke',
      reason: 'download limit reached (1/1)'
    })
    expect(result.headline).toMatch(/^Would revoke/)
  })

  it('counts the downloads of the files inside a folder for a folder link', async () => {
    const folder = emu.addFolder({ title: `folder-${Math.random()}` })
    const a = emu.addFile({ parentId: folder.id, title: 'a.zip', size: 1 })
    const b = emu.addFile({ parentId: folder.id, title: 'b.zip', size: 1 })
    const sub = emu.addFolder({ title: 'sub', parentId: folder.id })
    const deep = emu.addFile({ parentId: sub.id, title: 'deep.zip', size: 1 })
    const link = tagged({ kind: 'folder', id: folder.id }, 'Folder', { maxDownloads: 5 })
    recordDownloads(emu, a.id, 2)
    recordDownloads(emu, b.id, 2)
    recordDownloads(emu, deep.id, 10)
    const under = await runWith(emu, { operation: 'enforce-limits', 'folder-id': folder.id })
    expect(under.links[0]).toMatchObject({ action: 'kept', downloads: 4 })
    recordDownloads(emu, b.id, 1)
    const reached = await runWith(emu, { operation: 'enforce-limits', 'folder-id': folder.id })
    expect(reached.links[0]).toMatchObject({ action: 'revoked', downloads: 5, id: link.id })
    expect(linkIds(folder, 'folder')).toEqual([])
    expect(reached.notes?.join(' ')).toContain('files directly inside')
  })

  it('does not count downloads when the audit trail ignores the filter, but still revokes on expiry', async () => {
    const file = newFile()
    const limited = tagged({ kind: 'file', id: file.id }, 'Limited', { maxDownloads: 1 })
    const expired = tagged(
      { kind: 'file', id: file.id },
      'Expired',
      { maxDownloads: 1 },
      { expirationDate: new Date(Date.now() - HOUR) }
    )
    const other = newFile('other.zip')
    recordDownloads(emu, file.id, 3)
    recordDownloads(emu, other.id, 30)
    configureAudit(emu, { auditOption: false })
    const result = await runWith(emu, { operation: 'enforce-limits', 'file-id': file.id })
    expect(linkIds(file)).toEqual([limited.id])
    const byId = Object.fromEntries(result.links.map((l) => [l.id, l]))
    expect(byId[limited.id]).toMatchObject({ action: 'kept', downloads: null })
    expect(byId[expired.id]).toMatchObject({ action: 'revoked', reason: 'expired' })
    expect(result.notes?.join(' ')).toContain('the audit trail ignored the filter')
    expect(result.failures).toBeUndefined()
  })

  it('detects the unfiltered answer even when the last 20 events are all downloads of the file', async () => {
    const file = newFile()
    const link = tagged({ kind: 'file', id: file.id }, 'Limited', { maxDownloads: 100 })
    recordDownloads(emu, file.id, 40)
    configureAudit(emu, { auditOption: false })
    const mark = emu.requests.length
    const result = await runWith(emu, {
      operation: 'enforce-limits',
      'file-id': file.id,
      'link-id': link.id
    })
    expect(result.links[0].downloads).toBeNull()
    expect(result.downloads).toBeUndefined()
    expect(result.notes?.join(' ')).toContain('ignored the filter')
    expect(auditRequestsSince(mark).length).toBeLessThanOrEqual(3)
  })

  it('says that counting needs an admin key when the audit trail answers 403', async () => {
    const file = newFile()
    const limited = tagged({ kind: 'file', id: file.id }, 'Limited', { maxDownloads: 1 })
    recordDownloads(emu, file.id, 1)
    const result = await runWith(
      { url: emu.url, adminKey: emu.userKey },
      { operation: 'enforce-limits', 'file-id': file.id }
    )
    expect(linkIds(file)).toEqual([limited.id])
    expect(result.failures).toEqual([
      `file ${file.id}: counting downloads needs an admin's API key with the \`*:read\` scope (the audit trail is admin-only)`
    ])
    expect(result.links[0]).toMatchObject({ action: 'kept', downloads: null })
  })

  it('fails clearly when the named link does not exist', async () => {
    const file = newFile()
    await expect(
      runWith(emu, {
        operation: 'enforce-limits',
        'file-id': file.id,
        'link-id': '11111111-2222-4333-8444-555555555555'
      })
    ).rejects.toThrow('No link 11111111-2222-4333-8444-555555555555 on file')
  })
})

describe('enforce-limits against an audit trail that misbehaves', () => {
  let odd: Emulator
  let mode: 'plan-lacks-audit' | 'ignores-paging' | 'normal' = 'normal'

  beforeAll(async () => {
    odd = await startEmulator()
    odd.use(async (ctx, next) => {
      if (ctx.path !== AUDIT_PATH || mode === 'normal') return next()
      if (mode === 'plan-lacks-audit') {
        throw new ApiError(
          402,
          'The audit trail is not available on this plan',
          'ASC.Core.Billing.BillingException'
        )
      }
      // Filters honoured, startIndex ignored: every page is the first one.
      ctx.query.startIndex = '0'
      await next()
    })
  })
  afterAll(async () => {
    await odd.close()
  })
  afterEach(() => {
    mode = 'normal'
  })

  function limitedFile(downloads: number) {
    const folder = odd.addFolder({ title: `f-${Math.random()}` })
    const file = odd.addFile({ parentId: folder.id, title: 'a.zip', size: 1 })
    const link = odd.addLink(
      { kind: 'file', id: file.id },
      { title: encodeTitle('Limited', { maxDownloads: 1000 }) }
    )
    recordDownloads(odd, file.id, downloads)
    return { file, link }
  }

  it('reports a plan without the audit trail (402) as downloads that cannot be counted', async () => {
    const { file, link } = limitedFile(3)
    mode = 'plan-lacks-audit'
    const result = await runWith(odd, { operation: 'enforce-limits', 'file-id': file.id })
    expect(result.links[0]).toMatchObject({ id: link.id, action: 'kept', downloads: null })
    expect(result.notes?.join(' ')).toContain("the portal's plan does not include the audit trail")
    expect(result.failures).toBeUndefined()
  })

  it('stops when the portal ignores startIndex, and says the count is a lower bound', async () => {
    const { file } = limitedFile(150)
    mode = 'ignores-paging'
    const mark = odd.requests.length
    const result = await runWith(odd, { operation: 'enforce-limits', 'file-id': file.id })
    expect(result.links[0].downloads).toBe(100)
    expect(result.notes?.join(' ')).toContain('counts are lower bounds')
    expect(odd.requests.slice(mark).filter((r) => r.path === AUDIT_PATH)).toHaveLength(2)
  })
})
