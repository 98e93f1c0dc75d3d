// Fault matrix of list-links, update-link and revoke-link: reads are repeated, PUTs by link id are
// idempotent and repeated, and no failure loses or duplicates a link.
import { describe, expect } from '@jest/globals'
import { attempt } from './harness.js'
import { defineMatrix, FAST } from './matrix.js'
import type { Emulator } from '../../emulator/server.js'

const LIST = { name: 'list (GET links)', kind: 'read', method: 'GET', path: '/links' } as const
const PUT = { method: 'PUT', path: '/links', kind: 'idempotent' } as const

function fileWithLinks(emulator: Emulator) {
  const folder = emulator.addFolder({ title: 'Matrix' })
  const file = emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
  const target = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Docs' })
  const bystander = emulator.addLink(
    { kind: 'file', id: file.id },
    { title: 'Partners', password: 'partner-pass-1' }
  )
  return { file, target, bystander }
}

describe('list-links under faults', () => {
  defineMatrix({
    operation: 'list-links',
    phases: [LIST],
    setup(emulator) {
      const { file, target, bystander } = fileWithLinks(emulator)
      const both = () => emulator.state.links('file', file.id).map((l) => l.id)
      return {
        run: () => attempt(emulator, { ...FAST, operation: 'list-links', 'file-id': file.id }),
        done(outcome) {
          expect(outcome.result?.links.map((l) => l.id).sort()).toEqual(
            [target.id, bystander.id].sort()
          )
        },
        failed(outcome) {
          expect(outcome.result).toBeUndefined()
        },
        invariants() {
          expect(both().sort()).toEqual([target.id, bystander.id].sort())
        }
      }
    }
  })
})

describe('update-link under faults', () => {
  defineMatrix({
    operation: 'update-link',
    phases: [LIST, { ...PUT, name: 'update (PUT links)' }],
    setup(emulator) {
      const { file, target, bystander } = fileWithLinks(emulator)
      const stored = () => emulator.state.link(file.id, target.id)
      return {
        run: () =>
          attempt(emulator, {
            ...FAST,
            operation: 'update-link',
            'file-id': file.id,
            'link-id': target.id,
            'deny-download': true
          }),
        done(outcome) {
          expect(stored()).toMatchObject({ title: 'Docs', denyDownload: true, access: 2 })
          expect(outcome.result?.link?.id).toBe(target.id)
        },
        failed() {
          expect(stored()).toMatchObject({ title: 'Docs', denyDownload: false })
        },
        invariants() {
          expect(emulator.state.links('file', file.id)).toHaveLength(2)
          expect(stored()).toBeDefined()
          expect(emulator.state.link(file.id, bystander.id)).toMatchObject({
            password: 'partner-pass-1',
            denyDownload: false
          })
        }
      }
    }
  })
})

describe('revoke-link under faults', () => {
  defineMatrix({
    operation: 'revoke-link',
    phases: [LIST, { ...PUT, name: 'revoke (PUT links, access 0)' }],
    setup(emulator) {
      const { file, target, bystander } = fileWithLinks(emulator)
      return {
        run: () =>
          attempt(emulator, {
            ...FAST,
            operation: 'revoke-link',
            'file-id': file.id,
            'link-id': target.id
          }),
        done(outcome) {
          expect(emulator.state.link(file.id, target.id)).toBeUndefined()
          expect(outcome.result?.revoked).toBe(true)
        },
        failed() {
          expect(emulator.state.link(file.id, target.id)).toBeDefined()
        },
        invariants() {
          // Only the link asked for may go.
          expect(emulator.state.link(file.id, bystander.id)).toMatchObject({ title: 'Partners' })
          expect(emulator.state.links('file', file.id).length).toBeGreaterThanOrEqual(1)
        }
      }
    }
  })
})
