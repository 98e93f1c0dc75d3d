// The rules a real portal applies, through the committed bundle run as the runner runs it, against the
// emulator's model of them; every case checks what the portal holds afterwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { RoomType } from '../../emulator/enums.js'
import { uploadStore } from '../../emulator/upload-store.js'
import { runAction } from '../../scripts/run-action.mjs'

const MiB = 1024 * 1024
const DAY = 24 * 3600_000
let emulator: Emulator
let workspace: string

beforeAll(async () => {
  emulator = await startEmulator()
  workspace = mkdtempSync(join(tmpdir(), 'portal-rules-'))
})
afterAll(async () => {
  await emulator.close()
  rmSync(workspace, { recursive: true, force: true })
})

function run(inputs: Record<string, string | number>, on: Emulator = emulator) {
  return runAction({
    inputs: { 'portal-url': on.url, 'api-key': on.adminKey, ...inputs },
    env: { GITHUB_WORKSPACE: workspace }
  })
}

function fileIn(title: string, parentId = emulator.addFolder({ title: `f-${Math.random()}` }).id) {
  return emulator.addFile({ parentId, title, content: 'bytes' })
}

function lastLine(text: string): string {
  return (text.match(/::error::(.*)/)?.[1] ?? '').replace(/%0A/g, ' ')
}

describe('accesses by file format and room type, checked before any write', () => {
  it('refuses a non-read access on an archive, which the portal would ignore', async () => {
    const file = fileIn('app-1.0.0.zip')
    const mark = emulator.requests.length
    const result = await run({ operation: 'create-link', 'file-id': file.id, access: 'edit' })
    expect(result.code).toBe(1)
    const error = lastLine(result.stdout)
    expect(error).toContain('Input `access`: `edit` (10) is not allowed on file')
    expect(error).toContain('cannot open')
    expect(error).toContain('would answer 200 and ignore it')
    expect(error).toContain('`read`')
    expect(emulator.state.links('file', file.id)).toHaveLength(0)
    expect(emulator.requests.slice(mark).filter((r) => r.method === 'PUT')).toHaveLength(0)
  })

  it('takes the accesses a document allows', async () => {
    const file = fileIn('notes.docx')
    const result = await run({ operation: 'create-link', 'file-id': file.id, access: 'review' })
    expect(result.code).toBe(0)
    expect(emulator.state.links('file', file.id).map((l) => l.access)).toEqual([5])
  })

  it('never puts room-manager on an invitation link', async () => {
    const room = emulator.addRoom({ title: 'Partners', roomType: RoomType.CustomRoom })
    const result = await run({
      operation: 'create-link',
      'room-id': room.id,
      'link-type': 'invitation',
      access: 'room-manager'
    })
    expect(result.code).toBe(1)
    expect(lastLine(result.stdout)).toMatch(/`room-manager` \(9\).*Custom room/)
    expect(emulator.state.links('room', room.id)).toHaveLength(0)
  })

  it('refuses an external link in a Collaboration room and in a Form-filling room', async () => {
    for (const roomType of [RoomType.EditingRoom, RoomType.FillingFormsRoom]) {
      const room = emulator.addRoom({ title: 'Room', roomType })
      const result = await run({ operation: 'create-link', 'room-id': room.id })
      expect(result.code).toBe(1)
      expect(lastLine(result.stdout)).toMatch(/Input `link-type`.*takes no external links/)
      expect(emulator.state.links('room', room.id)).toHaveLength(0)
    }
  })
})

describe('no rights, no silence', () => {
  it('says the key cannot see the links instead of reporting none', async () => {
    const file = fileIn('report.pdf')
    const link = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Hidden' })
    emulator.state.withholdShareRights(file.id, emulator.state.directory.admin.id)
    const listed = await run({ operation: 'list-links', 'file-id': file.id })
    expect(listed.code).toBe(1)
    const error = lastLine(listed.stdout)
    expect(error).toContain(`cannot manage the links of file ${file.id} "report.pdf"`)
    expect(error).toContain('Portal Administrator (admin@example.com)')
    expect(listed.outputs.count).toBeUndefined()

    const revoked = await run({ operation: 'revoke-link', 'file-id': file.id, 'link-id': link.id })
    expect(revoked.code).toBe(1)
    expect(emulator.state.links('file', file.id).map((l) => l.id)).toEqual([link.id])
  })

  it('counts such a target as a failure of a sweep and sweeps the others', async () => {
    const hidden = fileIn('a.txt')
    emulator.state.withholdShareRights(hidden.id, emulator.state.directory.admin.id)
    const open = fileIn('b.txt')
    const expired = emulator.addLink(
      { kind: 'file', id: open.id },
      { expirationDate: new Date(Date.now() - DAY) }
    )
    const result = await run({
      operation: 'sweep',
      'file-id': `${hidden.id},${open.id}`,
      'fail-on-error': 'true'
    })
    expect(result.code).toBe(1)
    expect(lastLine(result.stdout)).toContain(`cannot manage the links of file ${hidden.id}`)
    expect(emulator.state.links('file', open.id).map((l) => l.id)).not.toContain(expired.id)
  })
})

describe('writes the portal drops are never a success', () => {
  it('fails an update the portal dropped in a Public room, naming the setting', async () => {
    const room = emulator.addRoom({ title: 'Downloads', roomType: RoomType.PublicRoom })
    const file = fileIn('guide.docx', room.id)
    const link = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Guide', access: 2 })
    const result = await run({
      operation: 'update-link',
      'file-id': file.id,
      'link-id': link.id,
      access: 'comment',
      internal: 'true'
    })
    expect(result.code).toBe(1)
    expect(lastLine(result.stdout)).toMatch(/did not apply access .*internal \(asked true/)
    expect(emulator.state.link(file.id, link.id)).toMatchObject({ access: 2, internal: false })
  })

  it("revokes a link in a Virtual data room by sending the link's stored internal flag", async () => {
    const room = emulator.addRoom({ title: 'Deal', roomType: RoomType.VirtualDataRoom })
    const file = fileIn('terms.pdf', room.id)
    const link = emulator.addLink({ kind: 'file', id: file.id }, { internal: true })
    const result = await run({ operation: 'revoke-link', 'file-id': file.id, 'link-id': link.id })
    expect(result.code).toBe(0)
    expect(result.outputs.revoked).toBe('true')
    expect(emulator.state.links('file', file.id)).toHaveLength(0)
  })

  it("a re-run in a Form-filling room keeps the link's expiry, so the update is not dropped", async () => {
    const room = emulator.addRoom({ title: 'Forms', roomType: RoomType.FillingFormsRoom })
    const file = fileIn('notes.docx', room.id)
    const expires = new Date(Date.now() + 5 * DAY)
    const link = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Form', expirationDate: expires, access: 2 }
    )
    const result = await run({
      operation: 'create-link',
      'file-id': file.id,
      title: 'Form',
      access: 'comment'
    })
    expect(result.code).toBe(0)
    expect(emulator.state.links('file', file.id)).toHaveLength(1)
    expect(emulator.state.link(file.id, link.id)).toMatchObject({ access: 6 })
    expect(emulator.state.link(file.id, link.id)?.expirationDate?.getTime()).toBe(expires.getTime())
  })

  it("says that only a folder's creator may revoke its links", async () => {
    const folder = emulator.addFolder({
      title: 'Theirs',
      createdBy: emulator.state.directory.user.id
    })
    const link = emulator.addLink({ kind: 'folder', id: folder.id })
    const result = await run({
      operation: 'revoke-link',
      'folder-id': folder.id,
      'link-id': link.id
    })
    expect(result.code).toBe(1)
    expect(lastLine(result.stdout)).toContain("only the folder's creator (Release Manager)")
    expect(emulator.state.links('folder', folder.id).map((l) => l.id)).toEqual([link.id])
  })

  it('update-link removes a password and a download limit with `none`', async () => {
    const file = fileIn('notes.docx')
    const link = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Locked [max-downloads=3 created=2026-01-01T00:00:00Z]', password: 'secret-pass-1' }
    )
    const result = await run({
      operation: 'update-link',
      'file-id': file.id,
      'link-id': link.id,
      'link-password': 'none',
      'max-downloads': 'none'
    })
    expect(result.code).toBe(0)
    const stored = emulator.state.link(file.id, link.id)!
    expect(stored.password).toBeUndefined()
    expect(stored.title).not.toContain('max-downloads')
  })
})

describe('what the portal decides on its own', () => {
  it('warns, and says in the outputs, when the portal makes a new link internal', async () => {
    const strict = await startEmulator({ settings: { internalLinksByDefault: true } })
    try {
      const folder = strict.addFolder({ title: 'Docs' })
      const file = strict.addFile({ parentId: folder.id, title: 'notes.txt', content: 'x' })
      const result = await run({ operation: 'create-link', 'file-id': file.id }, strict)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/::warning::The portal made link .* internal/)
      const [out] = JSON.parse(result.outputs.links)
      expect(out).toMatchObject({ internal: true, reason: 'made internal by the portal' })
      expect(strict.state.links('file', file.id)[0].internal).toBe(true)
    } finally {
      await strict.close()
    }
  })
})

describe('names as the portal stores them, and its upload settings', () => {
  it('finds the subfolder and the file again on a re-run: one folder, one file', async () => {
    const folder = emulator.addFolder({ title: 'Builds' })
    mkdirSync(join(workspace, 'out'), { recursive: true })
    writeFileSync(join(workspace, 'out', 'App.zip'), 'first')
    const inputs = {
      operation: 'upload',
      'folder-id': folder.id,
      files: 'out/App.zip',
      subfolder: 'v1.2.0+build.5',
      'create-links': 'false'
    }
    expect((await run(inputs)).code).toBe(0)
    const [sub] = emulator.state.children(folder.id).folders
    expect(sub.title).toBe('v1.2.0_build.5')
    // The file comes back under another case: the portal takes it for the same name.
    rmSync(join(workspace, 'out', 'App.zip'))
    writeFileSync(join(workspace, 'out', 'app.zip'), 'second')
    const again = await run({ ...inputs, files: 'out/app.zip' })
    expect(again.code).toBe(0)
    expect(emulator.state.children(folder.id).folders).toHaveLength(1)
    const files = emulator.state.children(sub.id).files
    expect(files.map((f) => [f.title, f.version])).toEqual([['app.zip', 2]])
  })

  it("sends chunks of the portal's chunk size, and falls back to create_session", async () => {
    const small = await startEmulator({
      settings: { chunkUploadSize: 4 * MiB, sessionEndpoint: false }
    })
    try {
      const folder = small.addFolder({ title: 'Large' })
      mkdirSync(join(workspace, 'big'), { recursive: true })
      writeFileSync(join(workspace, 'big', 'data.bin'), Buffer.alloc(11 * MiB, 7))
      const result = await run(
        {
          operation: 'upload',
          'folder-id': folder.id,
          files: 'big/data.bin',
          'create-links': 'false'
        },
        small
      )
      expect(result.code).toBe(0)
      const sizes = uploadStore(small.state).chunkLog.map((c) => c.size)
      expect(sizes).toEqual([4 * MiB, 4 * MiB, 3 * MiB])
      expect(small.requests.some((r) => r.path.endsWith('/upload/create_session'))).toBe(true)
      expect(small.state.children(folder.id).files.map((f) => f.size)).toEqual([11 * MiB])
    } finally {
      await small.close()
    }
  })
})
