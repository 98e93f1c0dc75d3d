import { describe, expect, it } from '@jest/globals'
import { decodeTitle } from '../../src/links/title-tag.js'
import { runWith } from '../helpers/operation.js'
import { useEmulator } from '../helpers/fixtures.js'

const emulator = useEmulator()
const DAY = 24 * 60 * 60 * 1000

function newFile(title = 'app.zip') {
  const folder = emulator.addFolder({ title: `f-${Math.random()}` })
  return emulator.addFile({ parentId: folder.id, title, content: 'bytes' })
}

describe('create-link', () => {
  it('creates an additional link with the settings, the limit and the creation time in the title', async () => {
    const file = newFile()
    const before = Date.now()
    const result = await runWith(emulator, {
      operation: 'create-link',
      'file-id': file.id,
      title: 'Release 1.0',
      expiration: '7d',
      'max-downloads': 3,
      'deny-download': true
    })
    const links = emulator.state.links('file', file.id)
    expect(links).toHaveLength(1)
    const stored = links[0]
    expect(stored.subjectType).toBe(1) // additional, never the primary link
    expect(stored.access).toBe(2)
    expect(stored.denyDownload).toBe(true)
    expect(stored.expirationDate!.getTime()).toBeGreaterThan(before + 7 * DAY - 60_000)
    const { display, tag } = decodeTitle(stored.title)
    expect(display).toBe('Release 1.0')
    expect(tag?.maxDownloads).toBe(3)
    expect(tag?.createdAt!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(result.link).toMatchObject({
      id: stored.id,
      title: 'Release 1.0',
      maxDownloads: 3,
      access: 'read'
    })
    expect(result.link!.shareUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\//)
    expect(result.link!.expiresAt).toBe(stored.expirationDate!.toISOString().replace('.000Z', 'Z'))
  })

  it('reuses the link of the same title on a re-run instead of adding another', async () => {
    // A document: an archive takes Read only.
    const file = newFile('notes.docx')
    const first = await runWith(emulator, {
      operation: 'create-link',
      'file-id': file.id,
      title: 'Nightly'
    })
    const second = await runWith(emulator, {
      operation: 'create-link',
      'file-id': file.id,
      title: 'Nightly',
      access: 'edit'
    })
    const links = emulator.state.links('file', file.id)
    expect(links).toHaveLength(1)
    expect(second.link!.id).toBe(first.link!.id)
    expect(second.link!.shareUrl).toBe(first.link!.shareUrl)
    expect(links[0].access).toBe(10)
    expect(second.links[0].action).toBe('reused')
  })

  it('does not take over the primary link, even when its title matches', async () => {
    const file = newFile()
    emulator.addLink({ kind: 'file', id: file.id }, { primary: true, title: 'Public' })
    await runWith(emulator, { operation: 'create-link', 'file-id': file.id, title: 'Public' })
    const links = emulator.state.links('file', file.id)
    expect(links).toHaveLength(2)
    expect(links.filter((l) => l.subjectType === 4)).toHaveLength(1)
  })

  it('creates folder links and room external links (linkType 1), and room invitation links', async () => {
    const folder = emulator.addFolder({ title: 'Shared folder' })
    await runWith(emulator, {
      operation: 'create-link',
      'folder-id': folder.id,
      title: 'Folder link'
    })
    expect(emulator.state.links('folder', folder.id).map((l) => l.linkType)).toEqual([1])

    const room = emulator.addRoom({ title: 'Partners' })
    const external = await runWith(emulator, {
      operation: 'create-link',
      'room-id': room.id,
      title: 'Preview',
      access: 'review'
    })
    const invitation = await runWith(emulator, {
      operation: 'create-link',
      'room-id': room.id,
      title: 'Join',
      'link-type': 'invitation',
      access: 'content-creator',
      'max-use-count': 5
    })
    const links = emulator.state.links('room', room.id)
    const ext = links.find((l) => l.id === external.link!.id)!
    const inv = links.find((l) => l.id === invitation.link!.id)!
    expect(ext).toMatchObject({ linkType: 1, access: 5 })
    expect(inv).toMatchObject({ linkType: 0, access: 11, maxUseCount: 5 })
    expect(invitation.link!.linkType).toBe('invitation')
  })

  it('changes nothing in a dry run', async () => {
    const file = newFile()
    const result = await runWith(emulator, {
      operation: 'create-link',
      'file-id': file.id,
      title: 'Dry',
      'dry-run': true
    })
    expect(emulator.state.links('file', file.id)).toHaveLength(0)
    expect(result.links[0].action).toBe('would-create')
  })

  it('names a missing target clearly', async () => {
    await expect(
      runWith(emulator, { operation: 'create-link', 'file-id': 987654 })
    ).rejects.toThrow(/File 987654 was not found.*file-id/)
  })
})

describe('list-links', () => {
  it('lists every link, pages through file links, and never outputs a password', async () => {
    const file = newFile()
    emulator.addLink({ kind: 'file', id: file.id }, { primary: true })
    for (let i = 0; i < 149; i++) {
      emulator.addLink(
        { kind: 'file', id: file.id },
        { title: `L${i}`, password: 'pa55word-secret' }
      )
    }
    const result = await runWith(emulator, { operation: 'list-links', 'file-id': file.id })
    expect(result.links).toHaveLength(150)
    expect(new Set(result.links.map((l) => l.id)).size).toBe(150)
    expect(result.links[0].primary).toBe(true)
    expect(result.links[1].hasPassword).toBe(true)
    expect(JSON.stringify(result.links)).not.toContain('pa55word-secret')
    const pages = emulator.requests.filter((r) => r.path === `/api/2.0/files/file/${file.id}/links`)
    expect(pages.map((r) => r.query.startIndex)).toEqual(['0', '100'])
  })

  it('reads folder and room links once, and filters room links by type', async () => {
    const room = emulator.addRoom({ title: 'Typed' })
    emulator.addLink({ kind: 'room', id: room.id }, { linkType: 1, title: 'Ext' })
    emulator.addLink({ kind: 'room', id: room.id }, { linkType: 0, title: 'Inv' })
    const all = await runWith(emulator, { operation: 'list-links', 'room-id': room.id })
    expect(all.links.map((l) => l.title).sort()).toEqual(['Ext', 'Inv'])
    const external = await runWith(emulator, {
      operation: 'list-links',
      'room-id': room.id,
      'link-type': 'external'
    })
    expect(external.links.map((l) => l.title)).toEqual(['Ext'])
    const reads = emulator.requests.filter(
      (r) => r.path === `/api/2.0/files/rooms/${room.id}/links`
    )
    expect(reads.every((r) => r.query.startIndex === undefined)).toBe(true)
  })
})

describe('update-link', () => {
  it('changes only the given settings and keeps the rest as the link has it', async () => {
    const file = newFile('notes.docx')
    const expires = new Date(Date.now() + 10 * DAY)
    const seeded = emulator.addLink(
      { kind: 'file', id: file.id },
      {
        title: 'Keep me [max-downloads=4 created=2026-01-01T00:00:00Z]',
        password: 'longpassword1',
        denyDownload: true,
        internal: true,
        expirationDate: expires
      }
    )
    const result = await runWith(emulator, {
      operation: 'update-link',
      'file-id': file.id,
      'link-id': seeded.id,
      access: 'edit'
    })
    const stored = emulator.state.link(file.id, seeded.id)!
    expect(stored).toMatchObject({
      access: 10,
      password: 'longpassword1',
      denyDownload: true,
      internal: true,
      title: 'Keep me [max-downloads=4 created=2026-01-01T00:00:00Z]'
    })
    expect(stored.expirationDate!.getTime()).toBe(expires.getTime())
    expect(result.link).toMatchObject({
      id: seeded.id,
      access: 'edit',
      maxDownloads: 4,
      hasPassword: true
    })
    expect(JSON.stringify(result)).not.toContain('longpassword1')
  })

  it('picks the link by title and can lift the expiration', async () => {
    const folder = emulator.addFolder({ title: 'By title' })
    const seeded = emulator.addLink(
      { kind: 'folder', id: folder.id },
      { title: 'Docs', expirationDate: new Date(Date.now() + DAY) }
    )
    await runWith(emulator, {
      operation: 'update-link',
      'folder-id': folder.id,
      title: 'Docs',
      expiration: 'never'
    })
    expect(emulator.state.link(folder.id, seeded.id)!.expirationDate).toBeNull()
  })

  it('refuses to turn an expired link into a permanent one, and leaves it untouched', async () => {
    const file = newFile()
    const past = new Date(Date.now() - DAY)
    const seeded = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Old', expirationDate: past }
    )
    await expect(
      runWith(emulator, {
        operation: 'update-link',
        'file-id': file.id,
        'link-id': seeded.id,
        access: 'edit'
      })
    ).rejects.toThrow(/expired.*expiration/)
    const stored = emulator.state.link(file.id, seeded.id)!
    expect(stored.access).toBe(2)
    expect(stored.expirationDate!.getTime()).toBe(past.getTime())
  })

  it('keeps a room invitation link an invitation link', async () => {
    const room = emulator.addRoom({ title: 'Invites' })
    const seeded = emulator.addLink(
      { kind: 'room', id: room.id },
      { linkType: 0, access: 11, maxUseCount: 3, title: 'Join' }
    )
    await runWith(emulator, {
      operation: 'update-link',
      'room-id': room.id,
      'link-id': seeded.id,
      'max-use-count': 8
    })
    expect(emulator.state.link(room.id, seeded.id)).toMatchObject({
      linkType: 0,
      access: 11,
      maxUseCount: 8
    })
    expect(emulator.state.links('room', room.id)).toHaveLength(1)
  })

  it('fails clearly when no link matches', async () => {
    const file = newFile()
    await expect(
      runWith(emulator, {
        operation: 'update-link',
        'file-id': file.id,
        title: 'Nope',
        access: 'read'
      })
    ).rejects.toThrow(/No link titled "Nope" on file/)
  })
})

describe('revoke-link', () => {
  it('deletes only the chosen link', async () => {
    const file = newFile()
    const keep = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Keep' })
    const drop = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Drop' })
    const result = await runWith(emulator, {
      operation: 'revoke-link',
      'file-id': file.id,
      'link-id': drop.id
    })
    expect(emulator.state.links('file', file.id).map((l) => l.id)).toEqual([keep.id])
    expect(result).toMatchObject({ revoked: true, revokedCount: 1 })
    expect(result.link!.id).toBe(drop.id)
  })

  it('deletes a room external link (sending its own linkType)', async () => {
    const room = emulator.addRoom({ title: 'Revoke room' })
    const external = emulator.addLink({ kind: 'room', id: room.id }, { linkType: 1, title: 'Ext' })
    const invitation = emulator.addLink(
      { kind: 'room', id: room.id },
      { linkType: 0, title: 'Inv' }
    )
    await runWith(emulator, { operation: 'revoke-link', 'room-id': room.id, title: 'Ext' })
    expect(emulator.state.links('room', room.id).map((l) => l.id)).toEqual([invitation.id])
    expect(emulator.state.link(room.id, external.id)).toBeUndefined()
  })

  it('reports a missing link without failing, and a dry run deletes nothing', async () => {
    const file = newFile()
    const link = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Stay' })
    const missing = await runWith(emulator, {
      operation: 'revoke-link',
      'file-id': file.id,
      'link-id': '0f0f0f0f-1111-4222-8333-444444444444'
    })
    expect(missing.revoked).toBe(false)
    const dry = await runWith(emulator, {
      operation: 'revoke-link',
      'file-id': file.id,
      'link-id': link.id,
      'dry-run': true
    })
    expect(dry.links[0].action).toBe('would-revoke')
    expect(emulator.state.links('file', file.id)).toHaveLength(1)
  })
})
