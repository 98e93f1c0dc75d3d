import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import type { FileRecord } from '../../emulator/state.js'
import { configureAudit, recordDownloads } from '../../emulator/audit-journal.js'
import { call } from './call.js'

const FILTER = '/api/2.0/security/audit/events/filter'
const HOUR = 3600_000

describe('emulator audit trail', () => {
  let emu: Emulator
  let folderId: number
  let file: FileRecord

  beforeEach(async () => {
    emu = await startEmulator()
    folderId = emu.addFolder({ title: 'Release' }).id
    file = emu.addFile({ parentId: folderId, title: 'app.zip', content: 'zip-bytes' })
  })
  afterEach(() => emu.close())

  const audit = (query: string, key?: string) =>
    call(emu, 'GET', `${FILTER}?${query}`, {
      auth: key === undefined ? undefined : `Bearer ${key}`
    })

  const download = (query: string, options: { auth?: string | null; range?: string } = {}) =>
    call(emu, 'GET', `/filehandler.ashx?${query}`, {
      auth: options.auth,
      headers: options.range ? { Range: options.range } : {}
    })

  /** A file whose id contains `file`'s id as a substring (12 → 112, 120, …). */
  function fileWhoseIdContains(inner: FileRecord): FileRecord {
    for (let i = 0; i < 2000; i++) {
      const other = emu.addFile({ parentId: folderId, title: `other-${i}.zip`, size: 10 })
      if (String(other.id).includes(String(inner.id))) return other
    }
    throw new Error('no such file id within 2000 files')
  }

  describe('download handler', () => {
    it('answers the bytes and journals FileDownloaded with the file id as target', async () => {
      const res = await download(`action=download&fileid=${file.id}`)
      expect(res.status).toBe(200)
      expect(res.text).toBe('zip-bytes')
      expect(res.headers.get('content-disposition')).toContain('app.zip')
      const events = emu.state.journal.filter((e) => e.actionId === 5009)
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        target: [String(file.id)],
        entryType: 1,
        userId: emu.state.directory.admin.id
      })
    })

    it('journals FileRevisionDownloaded for a version, whose action text is empty', async () => {
      expect((await download(`action=download&fileid=${file.id}&version=1`)).status).toBe(200)
      expect((await download(`action=download&fileid=${file.id}&version=2`)).status).toBe(404)
      expect(emu.state.journal.map((e) => e.actionId)).toEqual([5062])
      const res = await audit(`entryType=1&actionType=12&target=${file.id}`)
      expect(res.body.response).toHaveLength(1)
      expect(res.body.response[0]).toMatchObject({
        actionId: 5062,
        action: '',
        actionType: 12,
        entries: [1]
      })
    })

    it('lets a visitor download through a share token, and refuses bad, expired and no-download links', async () => {
      const ok = emu.addLink({ kind: 'file', id: file.id }, { title: 'Public' })
      const expired = emu.addLink(
        { kind: 'file', id: file.id },
        { title: 'Old', expirationDate: new Date(Date.now() - HOUR) }
      )
      const denied = emu.addLink(
        { kind: 'file', id: file.id },
        { title: 'View only', denyDownload: true }
      )
      const base = `action=download&fileid=${file.id}`
      expect((await download(`${base}&share=${ok.requestToken}`, { auth: null })).status).toBe(200)
      expect((await download(`${base}&share=nonsense`, { auth: null })).status).toBe(403)
      expect((await download(`${base}&share=${expired.requestToken}`, { auth: null })).status).toBe(
        403
      )
      expect((await download(`${base}&share=${denied.requestToken}`, { auth: null })).status).toBe(
        403
      )
      expect((await download(base, { auth: null })).status).toBe(401)
      expect(emu.state.journal.filter((e) => e.actionId === 5009)).toHaveLength(1)
    })

    it('accepts the share token of a folder link for a file inside', async () => {
      const link = emu.addLink({ kind: 'folder', id: folderId }, { title: 'Folder' })
      const res = await download(`action=download&fileid=${file.id}&share=${link.requestToken}`, {
        auth: null
      })
      expect(res.status).toBe(200)
      expect(emu.state.journal.filter((e) => e.actionId === 5009)).toHaveLength(1)
    })

    it('does not journal a range request that does not start at byte 0', async () => {
      const tail = await download(`action=download&fileid=${file.id}`, { range: 'bytes=4-' })
      expect(tail.status).toBe(206)
      expect(tail.text).toBe('bytes')
      const head = await download(`action=download&fileid=${file.id}`, { range: 'bytes=0-2' })
      expect(head.status).toBe(206)
      expect(head.text).toBe('zip')
      expect(emu.state.journal.filter((e) => e.actionId === 5009)).toHaveLength(1)
    })

    it('makes up bytes for a file seeded with only a size, and 404s a missing file', async () => {
      const sized = emu.addFile({ parentId: folderId, title: 'big.bin', size: 1000 })
      const res = await download(`action=download&fileid=${sized.id}`)
      expect(res.status).toBe(200)
      expect(res.text).toHaveLength(1000)
      expect((await download('action=download&fileid=999999')).status).toBe(404)
      expect((await download(`action=view&fileid=${file.id}`)).status).toBe(400)
    })
  })

  describe('filter', () => {
    it('matches target as a substring with entryType, so client-side checks are needed', async () => {
      const other = fileWhoseIdContains(file)
      recordDownloads(emu, file.id, 2)
      recordDownloads(emu, other.id, 3)
      const res = await audit(`entryType=1&actionType=12&target=${file.id}`)
      expect(res.status).toBe(200)
      const targets = res.body.response.map((e: { target: string[] }) => e.target[0])
      expect(targets.filter((t: string) => t === String(file.id))).toHaveLength(2)
      expect(targets.filter((t: string) => t === String(other.id))).toHaveLength(3)
      expect(res.body.count).toBe(5)
      expect(res.body.total).toBeUndefined()
    })

    it('matches target exactly with an action', async () => {
      const other = fileWhoseIdContains(file)
      recordDownloads(emu, file.id, 2)
      recordDownloads(emu, other.id, 3)
      const res = await audit(`action=5009&target=${file.id}`)
      expect(res.body.response).toHaveLength(2)
      expect(
        res.body.response.every((e: { target: string[] }) => e.target[0] === String(file.id))
      ).toBe(true)
      const byName = await audit(`action=FileDownloaded&target=${other.id}`)
      expect(byName.body.response).toHaveLength(3)
    })

    it('ignores target without action or entryType, and the made-up targetId', async () => {
      const other = emu.addFile({ parentId: folderId, title: 'b.zip', size: 1 })
      recordDownloads(emu, file.id, 1)
      recordDownloads(emu, other.id, 1)
      expect((await audit(`target=${file.id}`)).body.response).toHaveLength(2)
      expect((await audit(`targetId=${file.id}`)).body.response).toHaveLength(2)
    })

    it('maps downloads to actionType 12 and link events to create, update and delete', async () => {
      const put = (json: unknown) =>
        call(emu, 'PUT', `/api/2.0/files/file/${file.id}/links`, { json })
      const created = await put({ access: 2, title: 'Beta' })
      const id = created.body.response.sharedLink.id
      await put({ linkId: id, access: 2, title: 'Beta 2' })
      await put({ linkId: id, access: 0 })
      await download(`action=download&fileid=${file.id}`)
      const all = (await audit('')).body.response
      expect(
        all.map((e: { actionId: number; actionType: number }) => [e.actionId, e.actionType])
      ).toEqual([
        [5009, 12],
        [5093, 3],
        [5092, 2],
        [5091, 1]
      ])
      expect(all[0].action).toBe('File Downloaded: app.zip')
      expect(all.every((e: { entries: number[] }) => e.entries[0] === 1)).toBe(true)
      const creates = (await audit(`entryType=1&actionType=1&target=${file.id}`)).body.response
      expect(creates.map((e: { actionId: number }) => e.actionId)).toEqual([5091])
      const folderLink = await call(emu, 'PUT', `/api/2.0/files/folder/${folderId}/links`, {
        json: { access: 2, title: 'Folder link' }
      })
      expect(folderLink.status).toBe(200)
      const folderEvents = (await audit(`entryType=2&target=${folderId}`)).body.response
      expect(
        folderEvents.map((e: { actionId: number; entries: number[] }) => [e.actionId, e.entries])
      ).toEqual([[5122, [2]]])
    })

    it('applies from and to inclusively, newest first', async () => {
      const t = (h: number) => new Date(Date.UTC(2026, 10, 1, h))
      recordDownloads(emu, file.id, 1, { at: t(3) })
      recordDownloads(emu, file.id, 1, { at: t(1) })
      recordDownloads(emu, file.id, 1, { at: t(2) })
      const q = `entryType=1&actionType=12&target=${file.id}`
      const all = (await audit(q)).body.response.map((e: { date: string }) => e.date)
      expect(all).toEqual([
        '2026-11-01T03:00:00.0000000Z',
        '2026-11-01T02:00:00.0000000Z',
        '2026-11-01T01:00:00.0000000Z'
      ])
      const from = (await audit(`${q}&from=2026-11-01T02:00:00Z`)).body.response
      expect(from).toHaveLength(2)
      const window = (await audit(`${q}&from=2026-11-01T02:00:00Z&to=2026-11-01T02:00:00Z`)).body
        .response
      expect(window).toHaveLength(1)
      expect((await audit(`${q}&from=yesterday-ish`)).status).toBe(400)
    })

    it('pages with startIndex and count, and refuses a count outside 1..100', async () => {
      recordDownloads(emu, file.id, 5)
      const q = `entryType=1&actionType=12&target=${file.id}`
      const first = (await audit(`${q}&startIndex=0&count=2`)).body
      const second = (await audit(`${q}&startIndex=2&count=2`)).body
      const third = (await audit(`${q}&startIndex=4&count=2`)).body
      expect([first.count, second.count, third.count]).toEqual([2, 2, 1])
      const ids = [...first.response, ...second.response, ...third.response].map(
        (e: { id: number }) => e.id
      )
      expect(new Set(ids).size).toBe(5)
      expect((await audit(`${q}&count=0`)).status).toBe(400)
      expect((await audit(`${q}&count=101`)).status).toBe(400)
      expect((await audit(`${q}&count=100`)).status).toBe(200)
    })

    it('is for admins only', async () => {
      const res = await audit('', emu.userKey)
      expect(res.status).toBe(403)
      expect(res.body.error.message).toBe('Access denied')
      expect((await call(emu, 'GET', FILTER, { auth: null })).status).toBe(401)
    })

    it('without the Audit option ignores every parameter and answers the last 20 events', async () => {
      const other = emu.addFile({ parentId: folderId, title: 'other.zip', size: 1 })
      recordDownloads(emu, file.id, 5, { at: new Date(Date.now() - 2 * HOUR) })
      recordDownloads(emu, other.id, 25, { at: new Date(Date.now() - HOUR) })
      configureAudit(emu, { auditOption: false })
      const q = `entryType=1&actionType=12&target=${file.id}`
      const first = (await audit(`${q}&startIndex=0&count=100`)).body.response
      const next = (await audit(`${q}&startIndex=20&count=100`)).body.response
      expect(first).toHaveLength(20)
      expect(first.every((e: { target: string[] }) => e.target[0] === String(other.id))).toBe(true)
      expect(next.map((e: { id: number }) => e.id)).toEqual(first.map((e: { id: number }) => e.id))
      expect((await audit(`${q}&count=500`)).status).toBe(400)
      configureAudit(emu, { auditOption: true })
      expect((await audit(q)).body.response).toHaveLength(5)
    })
  })

  describe('recordDownloads', () => {
    it('journals many downloads at once, at a given time and of a given kind', () => {
      const at = new Date('2026-01-01T00:00:00Z')
      const events = recordDownloads(emu.state, file.id, 3, { at, actionId: 5010 })
      expect(events).toHaveLength(3)
      expect(
        emu.state.journal
          .slice(-3)
          .every((e) => e.actionId === 5010 && e.at.getTime() === at.getTime())
      ).toBe(true)
      expect(() => recordDownloads(emu, 999999, 1)).toThrow('No file')
      expect(() => recordDownloads(emu, file.id, -1)).toThrow('whole number')
      expect(() => recordDownloads(emu, file.id, 1, { actionId: 5091 })).toThrow('not a download')
    })
  })
})
