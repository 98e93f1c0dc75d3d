// check-portal through the committed bundle: the report output, the job summary, the failure lines, and
// the emulator's state unchanged (nothing written, every request a GET).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { runAction } from '../../scripts/run-action.mjs'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

describe('check-portal, run as the runner runs it', () => {
  it('outputs the report and a summary table, and changes nothing', async () => {
    const folder = emulator.addFolder({ title: 'Releases <b>' })
    const file = emulator.addFile({ parentId: folder.id, title: 'notes.docx', content: 'x' })
    const room = emulator.addRoom({ title: 'Partners', roomType: 5 })
    emulator.addLink({ kind: 'file', id: file.id }, { title: 'kept', password: 'secret-pass-1' })
    const links = JSON.stringify(emulator.state.links('file', file.id))
    const journal = emulator.state.journal.length
    const seen = emulator.requests.length

    const run = await runAction({
      inputs: {
        'portal-url': emulator.url,
        'api-key': emulator.adminKey,
        operation: 'check-portal',
        'file-id': file.id,
        'folder-id': folder.id,
        'room-id': room.id,
        require: 'create-link, enforce-limits, upload'
      }
    })

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.stringify(emulator.state.links('file', file.id))).toBe(links)
    expect(emulator.state.links('room', room.id)).toEqual([])
    expect(emulator.state.journal.length).toBe(journal)
    expect(emulator.requests.slice(seen).every((r) => r.method === 'GET')).toBe(true)

    const report = JSON.parse(run.outputs.report)
    expect(report.audit).toMatchObject({ state: 'filtered', enforceable: true })
    expect(report.targets.map((t: { kind: string }) => t.kind)).toEqual(['file', 'folder', 'room'])
    expect(report.targets[0].linkTypes[0]).toMatchObject({
      accesses: ['read', 'edit', 'review', 'comment'],
      links: 1,
      limit: 6
    })
    expect(report.targets[2]).toMatchObject({ roomTypeName: 'Custom room', canShare: true })
    expect(report.require).toEqual([
      { operation: 'create-link', ok: true, missing: [] },
      { operation: 'enforce-limits', ok: true, missing: [] },
      { operation: 'upload', ok: true, missing: [] }
    ])
    expect(run.outputs.report).not.toContain('secret-pass-1')
    expect(run.summary).toContain('<h3>Portal and key</h3>')
    expect(run.summary).toContain('Releases &lt;b&gt;')
    expect(run.summary).not.toContain('secret-pass-1')
  })

  it('fails the step with one line per missing right', async () => {
    const run = await runAction({
      inputs: {
        'portal-url': emulator.url,
        'api-key': emulator.userKey,
        operation: 'check-portal',
        require: 'sweep'
      }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::1 failure(s): sweep: the audit trail is for portal admins only'
    )
    expect(JSON.parse(run.outputs.report).require[0].ok).toBe(false)
  })

  it('refuses an unknown operation in `require` before any request', async () => {
    const seen = emulator.requests.length
    const run = await runAction({
      inputs: {
        'portal-url': emulator.url,
        'api-key': emulator.adminKey,
        operation: 'check-portal',
        require: 'create-link, publish'
      }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Input `require` must list operations of this action/)
    expect(emulator.requests.length).toBe(seen)
  })
})
