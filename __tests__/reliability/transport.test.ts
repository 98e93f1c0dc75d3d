// Redirects and credentials: whatever the redirect status and whichever credential the run uses, nothing
// is sent to another origin; a redirect within the portal is followed for a read and refused for a write
// it would turn into something else.
import { describe, expect, it } from '@jest/globals'
import { attempt, requestsTo } from './harness.js'
import { FAST } from './matrix.js'
import { useEmulator } from '../helpers/fixtures.js'

const emulator = useEmulator()

function newFile() {
  const folder = emulator.addFolder({ title: `transport-${Math.random()}` })
  return emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('a redirect to another origin', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    for (const auth of ['api-key', 'auth-token'] as const) {
      it(`${status} with ${auth}: refused, nothing sent there`, async () => {
        const file = newFile()
        for (const method of ['GET', 'PUT']) {
          emulator.faults.add({
            kind: 'redirect',
            status,
            method,
            path: `/files/file/${file.id}/links`
          })
        }
        const credential =
          auth === 'api-key'
            ? { 'api-key': emulator.adminKey }
            : { 'api-key': undefined, 'auth-token': emulator.authToken }
        const read = await attempt(emulator, {
          ...FAST,
          ...credential,
          operation: 'list-links',
          'file-id': file.id
        })
        expect(read.ok).toBe(false)
        expect(read.message).toMatch(
          new RegExp(`redirected \\(HTTP ${status}\\) to another origin.*credentials are not sent`)
        )
        // The create runs once the list is through: its PUT meets the second redirect.
        const write = await attempt(emulator, {
          ...FAST,
          ...credential,
          operation: 'create-link',
          'file-id': file.id
        })
        expect(write.ok).toBe(false)
        expect(write.message).toMatch(/^PUT .*to another origin/)
        expect(emulator.state.links('file', file.id)).toHaveLength(0)
        expect(emulator.faults.recorder.requests).toEqual([])
      })
    }
  }
})

describe('a redirect within the portal', () => {
  it('is followed for a read, with the credentials', async () => {
    const file = newFile()
    emulator.addLink({ kind: 'file', id: file.id }, { title: 'Docs' })
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'redirect', to: 'same-origin', method: 'GET', path })
    const outcome = await attempt(emulator, {
      ...FAST,
      operation: 'list-links',
      'file-id': file.id
    })
    await settle()
    expect(outcome.message).toBe('')
    expect(outcome.result?.links.map((l) => l.title)).toEqual(['Docs'])
    expect(requestsTo(emulator, 'GET', path)).toBe(2)
  })

  it('is refused for a write a 302 would turn into a GET', async () => {
    const file = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'redirect', to: 'same-origin', method: 'PUT', path })
    const outcome = await attempt(emulator, {
      ...FAST,
      operation: 'create-link',
      'file-id': file.id
    })
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toMatch(/^PUT .*redirected the request \(HTTP 302\)/)
    expect(emulator.state.links('file', file.id)).toHaveLength(0)
  })
})
