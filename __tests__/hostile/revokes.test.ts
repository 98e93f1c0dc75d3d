// Wrong revokes a hostile or shifting portal could cause, each tried through the bundle run as the runner
// runs it: the portal's writes (through the proxy) and what it still holds (in the emulator) are asserted.
import { describe, expect, it } from '@jest/globals'
import { recordDownloads } from '../../emulator/audit-journal.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { commandLines, envelope, runBundle, useHostilePortal } from './portal.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

const { emulator, portal } = useHostilePortal({ audit: true })

function run(inputs: Record<string, string | number | boolean | undefined>) {
  return runBundle(portal.url, emulator.adminKey, inputs)
}

function folderWithFile() {
  const folder = emulator.addFolder({ title: `hostile-${Math.random()}` })
  const file = emulator.addFile({ parentId: folder.id, title: 'app.zip', size: 10 })
  return { folder, file }
}

function linkIds(kind: 'file' | 'folder', id: number): string[] {
  return emulator.state.links(kind, id).map((l) => l.id)
}

type Answer = { response?: unknown; total?: number }

describe('revokes only on proof', () => {
  it('counts a file listed twice in a folder once: a folder link at 1 of 2 downloads stays', async () => {
    const { folder, file } = folderWithFile()
    const link = emulator.addLink(
      { kind: 'folder', id: folder.id },
      { title: encodeTitle('Folder', { maxDownloads: 2, createdAt: new Date(Date.now() - HOUR) }) }
    )
    recordDownloads(emulator, file.id, 1)
    portal.rewrite = (ex, answer) => {
      if (ex.method !== 'GET' || ex.path !== `/api/2.0/files/${folder.id}`) return undefined
      const body = answer as Answer
      const page = body.response as { files: unknown[]; total?: number }
      // The same file twice, as offset paging gives it when an upload shifts the next page.
      return { ...body, response: { ...page, files: [...page.files, ...page.files], total: 2 } }
    }
    const result = await run({ operation: 'sweep', 'folder-id': folder.id })
    expect(result.code).toBe(0)
    expect(linkIds('folder', folder.id)).toEqual([link.id])
    expect(portal.writes()).toEqual([])
    expect(result.outputs.revokedCount).toBe('0')
  })

  it('ends a listing whose page repeats, with a warning naming it, and revokes nothing from it', async () => {
    const { folder, file } = folderWithFile()
    const fake = Array.from({ length: 99 }, (_, i) => ({ id: 900_000 + i, title: `f${i}.zip` }))
    portal.rewrite = (ex, answer) => {
      if (ex.method !== 'GET' || ex.path !== `/api/2.0/files/${folder.id}`) return undefined
      const page = (answer as Answer).response as Record<string, unknown>
      // A full page, the same for every startIndex, and a total that never comes.
      return envelope({ ...page, files: [{ id: file.id, title: 'app.zip' }, ...fake], total: 1e6 })
    }
    portal.override = (ex, res) => {
      // The fake files have no links: answer for them without bothering the emulator.
      const m = /^\/api\/2\.0\/files\/file\/(9\d{5})\/links$/.exec(ex.path)
      if (!m) return false
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(envelope([])))
      return true
    }
    // About 300 requests: the pacing ceiling is lifted so that the test does not wait on it.
    const result = await run({
      operation: 'sweep',
      'folder-id': folder.id,
      'requests-per-minute': 60000
    })
    const listings = portal.exchanges.filter((e) => e.path === `/api/2.0/files/${folder.id}`)
    // Once the first page has given a total, up to 8 listing pages are in flight: the repeat ends the
    // listing before more are asked for.
    expect(listings.length).toBeGreaterThanOrEqual(2)
    expect(listings.length).toBeLessThanOrEqual(1 + 8)
    expect(result.stdout).toContain(
      `::warning::the contents of folder ${folder.id}: the portal sent the same page twice`
    )
    expect(result.summary).toContain('the portal sent the same page twice')
    expect(portal.writes()).toEqual([])
  })

  it('never takes a null, 0 or false expiration for an expiry; a real past date is one', async () => {
    const { file } = folderWithFile()
    const keep = [1, 2, 3].map((n) =>
      emulator.addLink({ kind: 'file', id: file.id }, { title: `Never ${n}` })
    )
    const expired = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Expired', expirationDate: new Date(Date.now() - HOUR) }
    )
    const odd: Record<string, unknown> = {
      [keep[0].id]: null,
      [keep[1].id]: 0,
      [keep[2].id]: false
    }
    portal.rewrite = (ex, answer) => {
      if (ex.method !== 'GET' || !ex.path.endsWith(`/file/${file.id}/links`)) return undefined
      const body = answer as Answer
      const links = (body.response as Array<{ sharedLink: Record<string, unknown> }>).map((e) => {
        const id = e.sharedLink.id as string
        if (!(id in odd)) return e
        return { ...e, sharedLink: { ...e.sharedLink, expirationDate: odd[id], isExpired: true } }
      })
      return { ...body, response: links }
    }
    const result = await run({ operation: 'sweep', 'file-id': file.id })
    expect(result.code).toBe(0)
    expect(linkIds('file', file.id).sort()).toEqual(keep.map((l) => l.id).sort())
    expect(portal.writes().map((w) => (w.body as { linkId?: string }).linkId)).toEqual([expired.id])
  })

  it('never revokes a link without an id, and names the endpoint and field; the rest goes on', async () => {
    const { file } = folderWithFile()
    const nameless = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'No id', expirationDate: new Date(Date.now() - HOUR) }
    )
    const expired = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Expired', expirationDate: new Date(Date.now() - HOUR) }
    )
    portal.rewrite = (ex, answer) => {
      if (ex.method !== 'GET' || !ex.path.endsWith(`/file/${file.id}/links`)) return undefined
      const body = answer as Answer
      const links = (body.response as Array<{ sharedLink: Record<string, unknown> }>).map((e) => {
        if (e.sharedLink.id !== nameless.id) return e
        const { id: _id, ...rest } = e.sharedLink
        return { ...e, sharedLink: rest, sharedTo: rest }
      })
      return { ...body, response: links }
    }
    const result = await run({ operation: 'sweep', 'file-id': file.id })
    expect(portal.writes()).toHaveLength(1)
    expect(portal.writes()[0].body).toMatchObject({ linkId: expired.id, access: 0 })
    expect(linkIds('file', file.id)).toEqual([nameless.id])
    expect(result.code).toBe(1)
    const errors = commandLines(result.stdout).filter((l) => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      `GET /api/2.0/files/file/${file.id}/links answered with \`response[0].sharedLink.id\``
    )
  })

  it('revokes a link listed twice once, and counts it once', async () => {
    const { folder } = folderWithFile()
    const expired = emulator.addLink(
      { kind: 'folder', id: folder.id },
      { title: 'Expired', expirationDate: new Date(Date.now() - HOUR) }
    )
    portal.rewrite = (ex, answer) => {
      if (ex.method !== 'GET' || !ex.path.endsWith(`/folder/${folder.id}/links`)) return undefined
      const body = answer as Answer
      const links = body.response as unknown[]
      return { ...body, response: [...links, ...links] }
    }
    const result = await run({ operation: 'sweep', 'folder-id': folder.id })
    expect(result.code).toBe(0)
    expect(portal.writes()).toHaveLength(1)
    expect(linkIds('folder', folder.id)).toEqual([])
    expect(result.outputs.revokedCount).toBe('1')
    expect(JSON.parse(result.outputs.links).map((l: { id: string }) => l.id)).toEqual([expired.id])
  })

  it('applies max-age only to the exact tag the action writes, never to a title a user typed', async () => {
    const { file } = folderWithFile()
    const old = '2020-01-01T00:00:00Z'
    const typed = [
      `Report [CREATED=${old}]`,
      `Report [created=${old} note=mine]`,
      `Report [created=2020-01-01T00:00:00.000Z]`,
      `Report [created=2020-01-01T02:00:00+02:00]`
    ].map((title) => emulator.addLink({ kind: 'file', id: file.id }, { title }))
    const made = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: encodeTitle('Nightly', { createdAt: new Date(old) }) }
    )
    const result = await run({
      operation: 'sweep',
      'file-id': file.id,
      'max-age': '30d',
      'revoke-expired': false,
      'enforce-max-downloads': false
    })
    expect(result.code).toBe(0)
    expect(portal.writes().map((w) => (w.body as { linkId?: string }).linkId)).toEqual([made.id])
    expect(linkIds('file', file.id).sort()).toEqual(typed.map((l) => l.id).sort())
    expect(Date.now() - new Date(old).getTime()).toBeGreaterThan(30 * DAY)
  })
})
