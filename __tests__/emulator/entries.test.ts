import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/server.js'
import { RoomType } from '../../emulator/enums.js'
import { call } from './call.js'

describe('emulator entries', () => {
  let emu: Emulator
  let folderId: number
  let roomId: number
  let fileId: number

  beforeAll(async () => {
    emu = await startEmulator()
    folderId = emu.addFolder({ title: 'Release artifacts' }).id
    roomId = emu.addRoom({ title: 'Downloads', roomType: RoomType.PublicRoom }).id
    fileId = emu.addFile({ parentId: folderId, title: 'notes.txt', size: 12_900 }).id
    // Titles added out of order so sorting is visible.
    for (const title of ['e.txt', 'c.txt', 'a.txt', 'd.txt', 'b.txt']) {
      emu.addFile({ parentId: roomId, title, content: title })
    }
    emu.addFolder({ title: 'zz sub', parentId: roomId })
  })
  afterAll(() => emu.close())

  it('provides My documents and the rooms folder as roots', async () => {
    expect(emu.state.folder(emu.state.myDocumentsId)?.title).toBe('My documents')
    const res = await call(emu, 'GET', '/api/2.0/files/@my')
    expect(res.body.response.current).toMatchObject({
      id: emu.state.myDocumentsId,
      title: 'My documents'
    })
    expect(res.body.response.folders.map((f: { id: number }) => f.id)).toEqual([folderId])
    const rooms = await call(emu, 'GET', '/api/2.0/files/rooms')
    expect(rooms.body.response.folders.map((f: { id: number }) => f.id)).toEqual([roomId])
  })

  it('returns a FileDto for a file and 404 for anything else', async () => {
    const res = await call(emu, 'GET', `/api/2.0/files/file/${fileId}`)
    expect(res.body.response).toMatchObject({
      id: fileId,
      title: 'notes.txt',
      folderId,
      version: 1,
      pureContentLength: 12_900,
      contentLength: '12.6 KB',
      fileExst: '.txt'
    })
    expect(res.body.response.webUrl).toContain(`fileid=${fileId}`)
    const folderAsFile = await call(emu, 'GET', `/api/2.0/files/file/${folderId}`)
    expect(folderAsFile.status).toBe(404)
    expect(folderAsFile.body.error.message).toBe('The required file was not found')
  })

  it('returns FolderDtos: rooms through folder/{id} too, folders not through rooms/{id}', async () => {
    const folder = await call(emu, 'GET', `/api/2.0/files/folder/${folderId}`)
    expect(folder.body.response).toMatchObject({
      id: folderId,
      title: 'Release artifacts',
      parentId: emu.state.myDocumentsId,
      filesCount: 1,
      foldersCount: 0
    })
    expect('roomType' in folder.body.response).toBe(false)

    const roomAsFolder = await call(emu, 'GET', `/api/2.0/files/folder/${roomId}`)
    expect(roomAsFolder.body.response).toMatchObject({ id: roomId, roomType: 6, filesCount: 5 })
    const room = await call(emu, 'GET', `/api/2.0/files/rooms/${roomId}`)
    expect(room.body.response.roomType).toBe(6)

    const folderAsRoom = await call(emu, 'GET', `/api/2.0/files/rooms/${folderId}`)
    expect(folderAsRoom.status).toBe(404)
    expect(folderAsRoom.body.error.message).toBe('Item not found')
    expect((await call(emu, 'GET', '/api/2.0/files/folder/777777')).status).toBe(404)
  })

  it('lists folder content sorted by title, folders first, paged by startIndex and count', async () => {
    const first = await call(emu, 'GET', `/api/2.0/files/${roomId}?count=3`)
    const content = first.body.response
    expect(content.folders.map((f: { title: string }) => f.title)).toEqual(['zz sub'])
    expect(content.files.map((f: { title: string }) => f.title)).toEqual(['a.txt', 'b.txt'])
    expect(content).toMatchObject({ startIndex: 0, count: 3, total: 6, new: 0 })
    expect(content.current.id).toBe(roomId)
    expect(content.pathParts).toEqual([
      { id: emu.state.roomsFolderId, title: 'Rooms' },
      { id: roomId, title: 'Downloads' }
    ])

    const rest = await call(emu, 'GET', `/api/2.0/files/${roomId}?startIndex=3&count=3`)
    expect(rest.body.response.folders).toEqual([])
    expect(rest.body.response.files.map((f: { title: string }) => f.title)).toEqual([
      'c.txt',
      'd.txt',
      'e.txt'
    ])
    expect(rest.body.response).toMatchObject({ startIndex: 3, count: 3, total: 6 })
  })

  it('validates the page size of folder content', async () => {
    for (const count of ['0', '101', 'ten']) {
      const res = await call(emu, 'GET', `/api/2.0/files/${roomId}?count=${count}`)
      expect(res.status).toBe(400)
      expect(res.body.response.errors.count).toBeDefined()
    }
    expect((await call(emu, 'GET', '/api/2.0/files/888888')).status).toBe(404)
  })

  it('creates a subfolder owned by the caller', async () => {
    const res = await call(emu, 'POST', `/api/2.0/files/folder/${folderId}`, {
      json: { title: 'v1.0.0' },
      auth: `Bearer ${emu.userKey}`
    })
    expect(res.status).toBe(200)
    const created = emu.state.folder(res.body.response.id)
    expect(created).toMatchObject({ title: 'v1.0.0', parentId: folderId, kind: 'folder' })
    expect(created?.createdBy).toBe(emu.state.directory.user.id)
    expect(emu.state.children(folderId).folders.map((f) => f.id)).toEqual([created?.id])

    const noTitle = await call(emu, 'POST', `/api/2.0/files/folder/${folderId}`, { json: {} })
    expect(noTitle.status).toBe(400)
    const noParent = await call(emu, 'POST', '/api/2.0/files/folder/999999', {
      json: { title: 'x' }
    })
    // The server's security check fails before the lookup: a missing parent is a 403.
    expect(noParent.status).toBe(403)
  })

  it('shares one id counter between folders, rooms and files', () => {
    const ids = [
      emu.state.myDocumentsId,
      emu.state.roomsFolderId,
      folderId,
      roomId,
      fileId,
      emu.addFile({ parentId: folderId, title: 'n.txt' }).id
    ]
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true)
  })
})
