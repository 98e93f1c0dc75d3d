// Fault matrix of enforce-limits and sweep: the lists they read, the audit trail they count downloads
// from, and the revokes. A failure may leave a link that should go, never take one that should stay.
import { describe, expect } from '@jest/globals'
import type { Emulator } from '../../emulator/server.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { attempt } from './harness.js'
import { defineMatrix, FAST } from './matrix.js'

const DAY = 24 * 3600_000

// A link past its expiry (revoked by the policy), one with a download limit not reached (kept after the
// audit trail is read) and a plain one (kept).
function seedLinks(emulator: Emulator, kind: 'file' | 'folder', id: number) {
  const expired = emulator.addLink(
    { kind, id },
    { title: `Expired ${kind}`, expirationDate: new Date(Date.now() - DAY) }
  )
  const limited = emulator.addLink(
    { kind, id },
    {
      title: encodeTitle(`Limited ${kind}`, {
        maxDownloads: 5,
        createdAt: new Date(Date.now() - DAY)
      })
    }
  )
  const plain = emulator.addLink({ kind, id }, { title: `Plain ${kind}`, password: 'plain-pass-1' })
  return { expired, limited, plain }
}

describe('enforce-limits under faults', () => {
  defineMatrix({
    operation: 'enforce-limits',
    phases: [
      { name: 'list (GET links)', kind: 'read', method: 'GET', path: '/links' },
      {
        name: 'count downloads (GET audit events)',
        kind: 'read',
        method: 'GET',
        path: '/security/audit/events/filter',
        overrides: {
          // A plan without the audit trail: the limit cannot be checked, which is a note, not a failure.
          '402': { outcome: 'recovers' },
          '403': { outcome: 'fails', message: /needs an admin's API key/, attempts: 1 }
        }
      },
      { name: 'revoke (PUT links, access 0)', kind: 'idempotent', method: 'PUT', path: '/links' }
    ],
    setup(emulator) {
      const folder = emulator.addFolder({ title: 'Matrix' })
      const file = emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
      const { expired, limited, plain } = seedLinks(emulator, 'file', file.id)
      return {
        run: () => attempt(emulator, { ...FAST, operation: 'enforce-limits', 'file-id': file.id }),
        done(outcome) {
          expect(emulator.state.link(file.id, expired.id)).toBeUndefined()
          expect(outcome.result?.revokedCount).toBe(1)
        },
        failed() {
          // Whatever failed, what was decided never went beyond the policy (checked below).
          expect(emulator.state.links('file', file.id).length).toBeGreaterThanOrEqual(2)
        },
        invariants() {
          expect(emulator.state.link(file.id, limited.id)).toBeDefined()
          expect(emulator.state.link(file.id, plain.id)).toMatchObject({ password: 'plain-pass-1' })
        }
      }
    }
  })
})

describe('sweep under faults', () => {
  defineMatrix({
    operation: 'sweep',
    phases: [
      {
        name: 'list folder links (GET folder links)',
        kind: 'read',
        method: 'GET',
        path: /\/files\/folder\/\d+\/links/
      },
      {
        name: 'list folder contents (GET folder)',
        kind: 'read',
        method: 'GET',
        path: /^\/api\/2\.0\/files\/\d+\?/
      },
      {
        name: 'list file links (GET file links)',
        kind: 'read',
        method: 'GET',
        path: /\/files\/file\/\d+\/links/
      },
      {
        name: 'count downloads (GET audit events)',
        kind: 'read',
        method: 'GET',
        path: '/security/audit/events/filter',
        overrides: {
          '402': { outcome: 'recovers' },
          '403': { outcome: 'fails', message: /needs an admin's API key/, attempts: 1 }
        }
      },
      {
        name: 'revoke a file link (PUT file links)',
        kind: 'idempotent',
        method: 'PUT',
        path: /\/files\/file\/\d+\/links/
      }
    ],
    setup(emulator) {
      const folder = emulator.addFolder({ title: 'Matrix' })
      const file = emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
      const folderLinks = seedLinks(emulator, 'folder', folder.id)
      const fileLinks = seedLinks(emulator, 'file', file.id)
      return {
        run: () =>
          attempt(emulator, {
            ...FAST,
            operation: 'sweep',
            'folder-id': folder.id,
            concurrency: 2
          }),
        done(outcome) {
          expect(emulator.state.link(folder.id, folderLinks.expired.id)).toBeUndefined()
          expect(emulator.state.link(file.id, fileLinks.expired.id)).toBeUndefined()
          expect(outcome.result?.revokedCount).toBe(2)
          expect(outcome.result?.keptCount).toBe(4)
        },
        failed(outcome) {
          // A sweep goes on after a failure and reports it: the step still fails.
          expect(outcome.thrown).toBeUndefined()
          expect(outcome.result?.failures?.length).toBeGreaterThan(0)
        },
        invariants() {
          for (const [id, links] of [
            [folder.id, folderLinks],
            [file.id, fileLinks]
          ] as const) {
            expect(emulator.state.link(id, links.limited.id)).toBeDefined()
            expect(emulator.state.link(id, links.plain.id)).toMatchObject({
              password: 'plain-pass-1'
            })
          }
          expect(emulator.state.file(file.id)).toBeDefined()
        }
      }
    }
  })
})
