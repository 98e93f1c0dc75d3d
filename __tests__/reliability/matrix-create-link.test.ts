// Fault matrix of create-link: the list that looks for a link to reuse, and the create itself, which is
// not idempotent: after an ambiguous failure the link is looked up by its full title before trying again.
import { describe, expect } from '@jest/globals'
import { displayTitle } from '../../src/links/title-tag.js'
import { attempt } from './harness.js'
import { defineMatrix, FAST } from './matrix.js'

const TITLE = 'Build 42'

describe('create-link under faults', () => {
  defineMatrix({
    operation: 'create-link',
    phases: [
      { name: 'list (GET links)', kind: 'read', method: 'GET', path: '/links' },
      { name: 'create (PUT links)', kind: 'create', method: 'PUT', path: '/links' }
    ],
    setup(emulator) {
      const folder = emulator.addFolder({ title: 'Matrix' })
      const file = emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
      const other = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Someone else’s' })
      const titled = () =>
        emulator.state.links('file', file.id).filter((l) => displayTitle(l.title) === TITLE)
      return {
        run: () =>
          attempt(emulator, {
            ...FAST,
            operation: 'create-link',
            'file-id': file.id,
            title: TITLE,
            expiration: '7d'
          }),
        done(outcome) {
          const links = titled()
          expect(links).toHaveLength(1)
          expect(outcome.result?.link?.id).toBe(links[0].id)
          expect(links[0].expirationDate!.getTime()).toBeGreaterThan(Date.now())
        },
        failed() {
          expect(titled()).toHaveLength(0)
        },
        invariants() {
          // Never two links for one create, and the link that was there stays as it was.
          expect(titled().length).toBeLessThanOrEqual(1)
          expect(emulator.state.link(file.id, other.id)).toMatchObject({ title: 'Someone else’s' })
        }
      }
    }
  })
})
