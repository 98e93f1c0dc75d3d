import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/server.js'
import { RoomType } from '../../emulator/enums.js'
import { call } from './call.js'

const DAY = 24 * 3600_000
const future = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000'

describe('emulator share links', () => {
  let emu: Emulator
  let fileId: number
  let folderId: number
  let roomId: number

  beforeEach(async () => {
    emu = await startEmulator()
    // A document takes every file access (an archive takes Read only: see portal-rules.test.ts).
    folderId = emu.addFolder({ title: 'Release' }).id
    fileId = emu.addFile({ parentId: folderId, title: 'notes.docx', size: 2048 }).id
    roomId = emu.addRoom({ title: 'Partners' }).id
  })
  afterEach(() => emu.close())

  const put = (kind: 'file' | 'folder' | 'rooms', id: number, json: unknown, key?: string) =>
    call(emu, 'PUT', `/api/2.0/files/${kind}/${id}/links`, {
      json,
      auth: key === undefined ? undefined : `Bearer ${key}`
    })

  describe('PUT …/links', () => {
    it('creates a link with a new id, the FileShareDto shape and a journal event', async () => {
      const expires = future(30)
      const res = await put('file', fileId, {
        access: 2,
        title: 'Beta testers',
        expirationDate: expires,
        password: 'secret-pass',
        denyDownload: true,
        linkId: EMPTY_GUID
      })
      expect(res.status).toBe(200)
      const dto = res.body.response
      expect(dto).toMatchObject({
        access: 2,
        isLocked: false,
        isOwner: false,
        canEditAccess: false,
        canEditInternal: true,
        canEditDenyDownload: false,
        canEditExpirationDate: true,
        canRevoke: false,
        subjectType: 1
      })
      expect(dto.sharedTo).toEqual(dto.sharedLink)
      const link = dto.sharedLink
      expect(link.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(link.id).not.toBe(EMPTY_GUID)
      expect(link).toMatchObject({
        title: 'Beta testers',
        linkType: 1,
        password: 'secret-pass',
        denyDownload: true,
        isExpired: false,
        primary: false,
        internal: false
      })
      expect(link.shareLink).toMatch(new RegExp(`^${emu.url}/s/[\\w-]+$`))
      expect(typeof link.requestToken).toBe('string')
      expect(new Date(link.expirationDate).getTime()).toBe(new Date(expires).getTime())

      const [stored] = emu.state.links('file', fileId)
      expect(stored).toMatchObject({
        id: link.id,
        title: 'Beta testers',
        access: 2,
        password: 'secret-pass',
        denyDownload: true,
        subjectType: 1,
        linkType: 1
      })
      expect(stored.expirationDate?.getTime()).toBe(new Date(expires).getTime())
      const event = emu.state.journal.at(-1)
      expect(event).toMatchObject({
        actionId: 5091,
        target: [String(fileId)],
        entryType: 1,
        userId: emu.state.directory.admin.id
      })
    })

    it('replaces the whole link: omitted fields reset, id, URL and subject type kept', async () => {
      const created = await put('file', fileId, {
        access: 10,
        title: 'Editors',
        expirationDate: future(5),
        password: 'secret-pass',
        denyDownload: true,
        internal: true
      })
      const before = created.body.response.sharedLink
      const updated = await put('file', fileId, { linkId: before.id, access: 2 })
      expect(updated.status).toBe(200)
      const after = updated.body.response.sharedLink
      expect(after.id).toBe(before.id)
      expect(after.shareLink).toBe(before.shareLink)
      expect(after.title).toBe('Shared link')
      expect('password' in after).toBe(false)
      expect('expirationDate' in after).toBe(false)
      expect(after.denyDownload).toBe(false)
      expect(after.internal).toBe(false)

      const stored = emu.state.links('file', fileId)
      expect(stored).toHaveLength(1)
      expect(stored[0]).toMatchObject({
        title: 'Shared link',
        access: 2,
        expirationDate: null,
        password: undefined,
        denyDownload: false,
        internal: false,
        subjectType: 1
      })
      expect(emu.state.journal.map((e) => e.actionId)).toEqual([5091, 5092])
    })

    it('deletes a link when access is 0 or omitted, answering without `response`', async () => {
      const a = emu.addLink({ kind: 'file', id: fileId }, { title: 'a' })
      const b = emu.addLink({ kind: 'file', id: fileId }, { title: 'b' })

      const zero = await put('file', fileId, { linkId: a.id, access: 0, title: 'kept?' })
      expect(zero.status).toBe(200)
      expect('response' in zero.body).toBe(false)
      expect(zero.body.count).toBe(0)
      expect(zero.body.status).toBe(0)

      const omitted = await put('file', fileId, { linkId: b.id, title: 'renamed' })
      expect('response' in omitted.body).toBe(false)
      expect(emu.state.links('file', fileId)).toEqual([])
      expect(emu.state.journal.map((e) => e.actionId)).toEqual([5093, 5093])
    })

    it('reads access names as FileShare members and any other string as None', async () => {
      const named = await put('file', fileId, { access: 'Comment' })
      expect(named.body.response.access).toBe(6)
      const id = named.body.response.sharedLink.id
      const other = await put('file', fileId, { linkId: id, access: 'read-only-please' })
      expect('response' in other.body).toBe(false)
      expect(emu.state.links('file', fileId)).toHaveLength(0)
    })

    it('creates a link with the given id when the id is unknown', async () => {
      const linkId = '3f2b8c1e-0000-4000-8000-00000000abcd'
      const res = await put('file', fileId, { linkId, access: 2 })
      expect(res.body.response.sharedLink.id).toBe(linkId)
      expect(emu.state.link(fileId, linkId)).toBeDefined()
    })

    it('drops a past expiration date: the link never expires', async () => {
      const res = await put('file', fileId, { access: 2, expirationDate: '2020-01-01T00:00:00Z' })
      expect(res.status).toBe(200)
      expect('expirationDate' in res.body.response.sharedLink).toBe(false)
      expect(res.body.response.sharedLink.isExpired).toBe(false)
      expect(emu.state.links('file', fileId)[0].expirationDate).toBeNull()
    })

    it('refuses expiration dates more than 10 years ahead with 400', async () => {
      const res = await put('file', fileId, { access: 2, expirationDate: future(11 * 366) })
      expect(res.status).toBe(400)
      expect(res.body.error.message).toMatch(/expirationDate/)
      expect(emu.state.links('file', fileId)).toHaveLength(0)
    })

    it('refuses an object-form expiration date with 400 validation', async () => {
      const res = await put('file', fileId, {
        access: 2,
        expirationDate: { utcTime: future(3), timeZoneOffset: 0 }
      })
      expect(res.status).toBe(400)
      expect(res.body.response.errors['$.expirationDate']).toBeDefined()
      expect(emu.state.links('file', fileId)).toHaveLength(0)
    })

    it('refuses ReadWrite (1) and unknown roles with 403', async () => {
      for (const access of [1, 3, 11]) {
        const res = await put('file', fileId, { access })
        expect(res.status).toBe(403)
        expect(res.body.error.message).toBe('The role is not available for this user type')
      }
      const folder = await put('folder', folderId, { access: 1 })
      expect(folder.status).toBe(403)
      expect(emu.state.links('file', fileId)).toHaveLength(0)
      expect(emu.state.links('folder', folderId)).toHaveLength(0)
    })

    it('refuses passwords shorter than 8 characters with 400', async () => {
      const res = await put('file', fileId, { access: 2, password: 'short' })
      expect(res.status).toBe(400)
      expect(res.body.error.message).toMatch(/8/)
      expect(res.body.error.message).not.toContain('short')
      expect(emu.state.links('file', fileId)).toHaveLength(0)
    })

    it('ignores unknown properties such as maxDownloads', async () => {
      const res = await put('file', fileId, { access: 2, maxDownloads: 3 })
      expect(res.status).toBe(200)
      expect(emu.state.links('file', fileId)[0]).not.toHaveProperty('maxDownloads')
    })

    it('limits files to 6 additional links (403 beyond), primary not counted', async () => {
      emu.addLink({ kind: 'file', id: fileId }, { primary: true })
      for (let i = 0; i < 6; i++) {
        expect((await put('file', fileId, { access: 2, title: `l${i}` })).status).toBe(200)
      }
      const seventh = await put('file', fileId, { access: 2 })
      expect(seventh.status).toBe(403)
      expect(seventh.body.error.message).toBe('The maximum number of links may not exceed 6')
      expect(emu.state.links('file', fileId)).toHaveLength(7)
    })

    it('creates a primary link with `primary: true` and keeps the subject type on update', async () => {
      const res = await put('file', fileId, { access: 2, primary: true })
      expect(res.body.response.subjectType).toBe(4)
      expect(res.body.response.sharedLink.primary).toBe(true)
      const id = res.body.response.sharedLink.id
      const updated = await put('file', fileId, { linkId: id, access: 6, primary: false })
      expect(updated.body.response.subjectType).toBe(4)
      expect(emu.state.link(fileId, id)?.subjectType).toBe(4)
    })

    it('uses the folder journal codes for folder links', async () => {
      const created = await put('folder', folderId, { access: 2, title: '  Team  ' })
      const id = created.body.response.sharedLink.id
      await put('folder', folderId, { linkId: id, access: 5 })
      await put('folder', folderId, { linkId: id, access: 0 })
      expect(emu.state.journal.map((e) => [e.actionId, e.entryType])).toEqual([
        [5122, 2],
        [5123, 2],
        [5124, 2]
      ])
    })

    it('answers 404 for a missing entry', async () => {
      expect((await put('file', 999999, { access: 2 })).status).toBe(404)
      expect((await put('folder', 999999, { access: 2 })).status).toBe(404)
      expect((await put('rooms', folderId, { access: 2 })).status).toBe(404)
    })

    it('lets the non-admin owner manage links and records who did it', async () => {
      const res = await put('file', fileId, { access: 2 }, emu.userKey)
      expect(res.status).toBe(200)
      expect(emu.state.journal.at(-1)?.userId).toBe(emu.state.directory.user.id)
    })
  })

  describe('room links', () => {
    it('creates an invitation link when linkType is omitted', async () => {
      const res = await put('rooms', roomId, { access: 11, maxUseCount: 5 })
      expect(res.status).toBe(200)
      const dto = res.body.response
      expect(dto.subjectType).toBe(3)
      expect(dto.sharedLink).toMatchObject({ linkType: 0, maxUseCount: 5, currentUseCount: 0 })
      expect('requestToken' in dto.sharedLink).toBe(false)
      expect(emu.state.links('room', roomId)[0]).toMatchObject({
        subjectType: 3,
        linkType: 0,
        maxUseCount: 5
      })
      expect(emu.state.journal.at(-1)).toMatchObject({ actionId: 5086, entryType: 25 })
    })

    it('allows one invitation link and 5 additional external links', async () => {
      expect((await put('rooms', roomId, { access: 2 })).status).toBe(200)
      const second = await put('rooms', roomId, { access: 2 })
      expect(second.status).toBe(403)
      expect(second.body.error.message).toBe('The maximum number of links may not exceed 1')
      for (let i = 0; i < 5; i++) {
        expect((await put('rooms', roomId, { access: 2, linkType: 1 })).status).toBe(200)
      }
      const sixth = await put('rooms', roomId, { access: 2, linkType: 1 })
      expect(sixth.status).toBe(403)
      expect(sixth.body.error.message).toBe('The maximum number of links may not exceed 5')
      const links = emu.state.links('room', roomId)
      expect(links.filter((l) => l.linkType === 0)).toHaveLength(1)
      expect(links.filter((l) => l.linkType === 1)).toHaveLength(5)
    })

    it('refuses a past expiration date on invitation links but drops it on external ones', async () => {
      const past = '2020-01-01T00:00:00Z'
      const invitation = await put('rooms', roomId, { access: 2, expirationDate: past })
      expect(invitation.status).toBe(400)
      expect(emu.state.links('room', roomId)).toHaveLength(0)
      const external = await put('rooms', roomId, { access: 2, linkType: 1, expirationDate: past })
      expect(external.status).toBe(200)
      expect(emu.state.links('room', roomId)[0].expirationDate).toBeNull()
      expect(emu.state.journal.at(-1)).toMatchObject({ actionId: 5088, entryType: 25 })
    })

    it('applies the access set of each link type', async () => {
      // ContentCreator (11) is an invitation role only; no room offers RoomManager (9) to a link.
      expect((await put('rooms', roomId, { access: 9 })).status).toBe(403)
      expect((await put('rooms', roomId, { access: 11 })).status).toBe(200)
      expect((await put('rooms', roomId, { access: 11, linkType: 1 })).status).toBe(403)
      expect((await put('rooms', roomId, { access: 1, linkType: 1 })).status).toBe(403)
      expect((await put('rooms', roomId, { access: 10, linkType: 1 })).status).toBe(200)
    })

    it('refuses maxUseCount below the uses already made, and out of 1..1000', async () => {
      const link = emu.addLink(
        { kind: 'room', id: roomId },
        { linkType: 0, access: 2, currentUseCount: 4, maxUseCount: 10 }
      )
      const below = await put('rooms', roomId, { linkId: link.id, access: 2, maxUseCount: 3 })
      expect(below.status).toBe(400)
      expect(emu.state.link(roomId, link.id)?.maxUseCount).toBe(10)
      const tooMany = await put('rooms', roomId, { linkId: link.id, access: 2, maxUseCount: 1001 })
      expect(tooMany.status).toBe(400)
      expect(tooMany.body.response.errors.MaxUseCount).toBeDefined()
      const okay = await put('rooms', roomId, { linkId: link.id, access: 2, maxUseCount: 4 })
      expect(okay.status).toBe(200)
      expect(emu.state.link(roomId, link.id)).toMatchObject({ maxUseCount: 4, currentUseCount: 4 })
    })

    it('replaces the revoked primary link of a public room with a new one', async () => {
      const publicRoom = emu.addRoom({ title: 'Downloads', roomType: RoomType.PublicRoom })
      const primary = emu.addLink({ kind: 'room', id: publicRoom.id }, { primary: true })
      const res = await put('rooms', publicRoom.id, { linkId: primary.id, access: 0, linkType: 1 })
      expect(res.status).toBe(200)
      const replacement = res.body.response
      expect(replacement.subjectType).toBe(4)
      expect(replacement.sharedLink.id).not.toBe(primary.id)
      expect('requestToken' in replacement.sharedLink).toBe(false)
      expect(replacement.canRevoke).toBe(true)
      expect(replacement.canEditExpirationDate).toBe(false)
      const links = emu.state.links('room', publicRoom.id)
      expect(links.map((l) => l.id)).toEqual([replacement.sharedLink.id])
      expect(emu.state.journal.map((e) => e.actionId)).toEqual([5090, 5097])
    })
  })

  describe('GET …/links', () => {
    it('pages file links with count and total, primary first, expired included', async () => {
      for (let i = 0; i < 3; i++) emu.addLink({ kind: 'file', id: fileId }, { title: `extra ${i}` })
      const expired = emu.addLink(
        { kind: 'file', id: fileId },
        { title: 'old', expirationDate: new Date(Date.now() - DAY) }
      )
      const primary = emu.addLink({ kind: 'file', id: fileId }, { primary: true, title: 'main' })

      const all = await call(emu, 'GET', `/api/2.0/files/file/${fileId}/links`)
      expect(all.body.count).toBe(5)
      expect(all.body.total).toBe(5)
      expect(all.body.response[0].sharedLink.id).toBe(primary.id)
      const old = all.body.response.find(
        (l: { sharedLink: { id: string } }) => l.sharedLink.id === expired.id
      )
      expect(old.sharedLink.isExpired).toBe(true)

      const page = await call(
        emu,
        'GET',
        `/api/2.0/files/file/${fileId}/links?startIndex=3&count=10`
      )
      expect(page.body.count).toBe(2)
      expect(page.body.total).toBe(5)
      expect(page.body.response).toHaveLength(2)

      const zero = await call(emu, 'GET', `/api/2.0/files/file/${fileId}/links?count=0`)
      expect(zero.status).toBe(400)
    })

    it('returns a fixed window without total for folders, ignoring paging', async () => {
      for (let i = 0; i < 4; i++) emu.addLink({ kind: 'folder', id: folderId })
      const res = await call(
        emu,
        'GET',
        `/api/2.0/files/folder/${folderId}/links?startIndex=2&count=1`
      )
      expect(res.status).toBe(200)
      expect(res.body.count).toBe(4)
      expect(res.body.response).toHaveLength(4)
      expect('total' in res.body).toBe(false)
    })

    it('filters room links by type and gives no total', async () => {
      emu.addLink({ kind: 'room', id: roomId }, { linkType: 0 })
      emu.addLink({ kind: 'room', id: roomId }, { linkType: 1 })
      emu.addLink({ kind: 'room', id: roomId }, { linkType: 1, primary: true })
      const all = await call(emu, 'GET', `/api/2.0/files/rooms/${roomId}/links`)
      expect(all.body.count).toBe(3)
      expect('total' in all.body).toBe(false)
      const external = await call(emu, 'GET', `/api/2.0/files/rooms/${roomId}/links?type=1`)
      expect(external.body.response.map((l: { subjectType: number }) => l.subjectType)).toEqual([
        4, 1
      ])
      const invitations = await call(emu, 'GET', `/api/2.0/files/rooms/${roomId}/links?type=0`)
      expect(invitations.body.count).toBe(1)
      expect(invitations.body.response[0].sharedLink.linkType).toBe(0)
    })

    it('answers 404 for missing entries', async () => {
      expect((await call(emu, 'GET', '/api/2.0/files/file/424242/links')).status).toBe(404)
      expect((await call(emu, 'GET', '/api/2.0/files/folder/424242/links')).status).toBe(404)
      expect((await call(emu, 'GET', `/api/2.0/files/rooms/${fileId}/links`)).status).toBe(404)
    })
  })

  describe('primary link get-or-create', () => {
    it('creates the primary file link once and then returns it unchanged', async () => {
      const first = await call(emu, 'POST', `/api/2.0/files/file/${fileId}/link`, {
        json: { access: 6, title: 'ignored for files', internal: true }
      })
      expect(first.status).toBe(200)
      expect(first.body.response).toMatchObject({ access: 6, subjectType: 4 })
      expect(first.body.response.sharedLink).toMatchObject({
        primary: true,
        title: 'Shared link',
        internal: true
      })
      expect('expirationDate' in first.body.response.sharedLink).toBe(false)

      const again = await call(emu, 'POST', `/api/2.0/files/file/${fileId}/link`, {
        json: { access: 10, expirationDate: future(2) }
      })
      expect(again.body.response.sharedLink.id).toBe(first.body.response.sharedLink.id)
      expect(again.body.response.access).toBe(6)
      const viaGet = await call(emu, 'GET', `/api/2.0/files/file/${fileId}/link`)
      expect(viaGet.body.response.sharedLink.id).toBe(first.body.response.sharedLink.id)

      expect(emu.state.links('file', fileId)).toHaveLength(1)
      expect(emu.state.journal.map((e) => e.actionId)).toEqual([5091])
    })

    it('GET creates a Read link without expiry for files, folders and rooms', async () => {
      for (const [path, kind, id] of [
        ['file', 'file', fileId],
        ['folder', 'folder', folderId],
        ['rooms', 'room', roomId]
      ] as const) {
        const res = await call(emu, 'GET', `/api/2.0/files/${path}/${id}/link`)
        expect(res.status).toBe(200)
        expect(res.body.response).toMatchObject({ access: 2, subjectType: 4 })
        const links = emu.state.links(kind, id)
        expect(links).toHaveLength(1)
        expect(links[0]).toMatchObject({ subjectType: 4, access: 2, expirationDate: null })
      }
    })

    it('POST without access creates nothing; a folder link takes the trimmed title', async () => {
      const none = await call(emu, 'POST', `/api/2.0/files/file/${fileId}/link`, { json: {} })
      expect(none.status).toBe(200)
      expect('response' in none.body).toBe(false)
      expect(emu.state.links('file', fileId)).toHaveLength(0)

      const folder = await call(emu, 'POST', `/api/2.0/files/folder/${folderId}/link`, {
        json: { access: 2, title: '  Team folder ' }
      })
      expect(folder.body.response.sharedLink.title).toBe('Team folder')
      expect(emu.state.links('folder', folderId)[0].title).toBe('Team folder')
    })

    it('answers 404 for a missing entry', async () => {
      const res = await call(emu, 'POST', '/api/2.0/files/file/31337/link', { json: { access: 2 } })
      expect(res.status).toBe(404)
      expect((await call(emu, 'GET', `/api/2.0/files/rooms/${folderId}/link`)).status).toBe(404)
    })
  })
})
