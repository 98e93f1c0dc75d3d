import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { configureAudit, recordDownloads } from '../../emulator/audit-journal.js'
import { runWith } from '../helpers/operation.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ settings: { version: '3.7.2' } })
})
afterAll(async () => {
  await emulator.close()
})

interface Report {
  version: { docSpace: string } | null
  user: { displayName: string; isAdmin: boolean }
  audit: { state: string; enforceable: boolean; plan: boolean | null }
  settings: { chunkUploadSize: number; defaultShareLinkInternal: boolean } | null
  targets: {
    kind: string
    id: number
    found: boolean
    canShare: boolean
    roomTypeName?: string
    linkTypes: {
      linkType: string
      accesses: string[]
      links: number | null
      limit: number | null
    }[]
  }[]
  require: { operation: string; ok: boolean; missing: string[] }[]
}

/** Everything a write could change: the links of every entry and the audit journal. */
function snapshot() {
  return JSON.stringify({
    journal: emulator.state.journal.length,
    entries: Array.from({ length: 500 }, (_, id) => emulator.state.entry(id)?.title ?? null),
    links: Array.from({ length: 500 }, (_, id) => [
      ...emulator.state.links('file', id),
      ...emulator.state.links('folder', id)
    ])
  })
}

describe('check-portal', () => {
  it('reports version, user, audit, settings and each target, and writes nothing', async () => {
    const folder = emulator.addFolder({ title: 'Releases' })
    const zip = emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
    const room = emulator.addRoom({ title: 'Partners', roomType: 2 })
    emulator.addLink({ kind: 'file', id: zip.id }, { title: 'one' })
    emulator.addLink({ kind: 'room', id: room.id }, { linkType: 0, title: 'join' })
    const before = snapshot()
    const requests = emulator.requests.length

    const result = await runWith(emulator, {
      operation: 'check-portal',
      'file-id': zip.id,
      'room-id': room.id,
      require: 'create-link, enforce-limits'
    })

    expect(snapshot()).toBe(before)
    const methods = emulator.requests.slice(requests).map((r) => r.method)
    expect(methods.length).toBeGreaterThan(0)
    expect(methods.every((m) => m === 'GET')).toBe(true)
    const report = result.report as Report
    expect(report.version?.docSpace).toBe('3.7.2')
    expect(report.user).toMatchObject({ displayName: 'Portal Administrator', isAdmin: true })
    expect(report.audit).toMatchObject({ state: 'filtered', enforceable: true, plan: true })
    expect(report.settings?.chunkUploadSize).toBe(10 * 1024 * 1024)
    const [file, collab] = report.targets
    expect(file).toMatchObject({ kind: 'file', found: true, canShare: true })
    // A zip takes Read only, whatever else the entry lists.
    expect(file.linkTypes).toEqual([
      { linkType: 'external', accesses: ['read'], links: 1, limit: 6 }
    ])
    expect(collab.roomTypeName).toBe('Collaboration room')
    expect(collab.linkTypes[0]).toMatchObject({
      linkType: 'external',
      accesses: [],
      limit: 0,
      links: 0
    })
    expect(collab.linkTypes[1]).toMatchObject({ linkType: 'invitation', links: 1 })
    expect(report.require.every((r) => r.ok)).toBe(true)
    expect(result.failures).toBeUndefined()
  })

  it('fails the required operations a regular key cannot do, one line per missing right', async () => {
    const folder = emulator.addFolder({ title: 'Theirs' })
    emulator.state.withholdShareRights(folder.id, emulator.state.directory.user.id)
    const result = await runWith(
      { url: emulator.url, adminKey: emulator.userKey },
      { operation: 'check-portal', 'folder-id': folder.id, require: 'list-links\nsweep' }
    )
    const report = result.report as Report
    expect(report.user.isAdmin).toBe(false)
    expect(report.audit.state).toBe('refused')
    expect(report.audit.plan).toBeNull()
    expect(report.targets[0]).toMatchObject({ found: true, canShare: false })
    expect(report.require.map((r) => r.ok)).toEqual([false, false])
    expect(result.failures).toEqual([
      expect.stringMatching(/^list-links: the key's user cannot share folder \d+/),
      expect.stringMatching(/^sweep: the audit trail is for portal admins only/),
      expect.stringMatching(/^sweep: the key's user cannot share folder \d+/)
    ])
  })

  it('tells a plan without the Audit option from a filtered trail', async () => {
    const folder = emulator.addFolder({ title: 'Any' })
    const file = emulator.addFile({ parentId: folder.id, title: 'a.docx', content: 'x' })
    recordDownloads(emulator, file.id, 3)
    configureAudit(emulator, { auditOption: false })
    try {
      const result = await runWith(emulator, {
        operation: 'check-portal',
        require: 'enforce-limits'
      })
      const report = result.report as Report
      expect(report.audit).toMatchObject({ state: 'fallback', enforceable: false, plan: false })
      expect(result.failures).toEqual([expect.stringContaining('has no Audit option')])
    } finally {
      configureAudit(emulator, { auditOption: true })
    }
  })

  it('reports missing targets and notes portal sharing settings', async () => {
    emulator.state.settings.internalLinksByDefault = true
    try {
      const result = await runWith(emulator, {
        operation: 'check-portal',
        'file-id': 999999,
        require: 'revoke-link, upload'
      })
      const report = result.report as Report
      expect(report.targets[0]).toMatchObject({ found: false, canShare: false })
      expect(report.settings?.defaultShareLinkInternal).toBe(true)
      expect(result.notes).toEqual(
        expect.arrayContaining([
          expect.stringContaining('internal by default'),
          expect.stringContaining('upload: give `folder-id` or `room-id`')
        ])
      )
      expect(result.failures).toEqual([
        expect.stringMatching(/^revoke-link: file 999999 was not found/)
      ])
    } finally {
      emulator.state.settings.internalLinksByDefault = false
    }
  })
})

describe('check-portal when the audit trail fails', () => {
  it('reports it unavailable instead of failing the whole check', async () => {
    emulator.faults.add({
      kind: 'status',
      status: 500,
      method: 'GET',
      path: '/api/2.0/security/audit/events/filter'
    })
    try {
      const result = await runWith(emulator, {
        operation: 'check-portal',
        require: 'enforce-limits',
        'max-retries': '0'
      })
      expect((result.report as Report).audit.state).toBe('unavailable')
      expect(result.failures).toEqual([expect.stringContaining('could not be read just now')])
    } finally {
      emulator.faults.clear()
    }
  })
})
