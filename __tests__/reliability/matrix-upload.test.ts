// Fault matrix of upload: the folder it checks, the upload itself (one multipart POST for a small file, a
// session and its chunks for a large one) and the share link made for the file. An upload is not
// idempotent: after an ambiguous failure the file is looked up by name before uploading again. Starting a
// session is harmless to repeat (nothing is stored until its last chunk), so the client retries it, and a
// start whose 200 cannot be read is followed by one more. A chunk cannot be sent twice, so a chunk whose
// fate is unknown fails the upload and no partial file is left.
import { afterAll, describe, expect } from '@jest/globals'
import type { Emulator } from '../../emulator/server.js'
import { attempt, scratchWorkspace, workspaceFiles } from './harness.js'
import { defineMatrix, FAST, type Fixture } from './matrix.js'

const workspace = scratchWorkspace()
afterAll(() => workspace.remove())

const SMALL = 'hello, release\n'
// Three chunks of 1 KiB (the last one shorter) once the simple upload limit is lowered to 1000 bytes.
const LARGE = Buffer.alloc(2500, 'abcdefghij')

function uploadFixture(
  emulator: Emulator,
  name: string,
  content: string | Buffer,
  sizes: { chunkSize?: number; simpleLimit?: number }
): Fixture {
  const folder = emulator.addFolder({ title: 'Releases' })
  const dir = workspaceFiles(workspace.path, { [name]: content })
  const stem = name.replace(/\.[^.]+$/, '')
  const files = () => emulator.state.children(folder.id).files
  const copies = () => files().filter((f) => f.title.startsWith(stem))
  return {
    run: () =>
      attempt(
        emulator,
        { ...FAST, operation: 'upload', 'folder-id': folder.id, files: `${dir}/${name}` },
        { workspace: workspace.path, ...sizes }
      ),
    done(outcome) {
      const [file, ...more] = copies()
      expect(more).toEqual([])
      expect(file).toMatchObject({ title: name, size: Buffer.byteLength(content), version: 1 })
      expect(file.content?.equals(Buffer.from(content))).toBe(true)
      const links = emulator.state.links('file', file.id)
      expect(links).toHaveLength(1)
      expect(outcome.result?.links[0]).toMatchObject({ fileId: file.id, id: links[0].id })
    },
    failed() {
      // Never a second copy, never a partial file: at most the whole file, without its link when the
      // failure came after the upload.
      const [file, ...more] = copies()
      expect(more).toEqual([])
      if (file) expect(file.size).toBe(Buffer.byteLength(content))
    },
    invariants() {
      expect(copies().length).toBeLessThanOrEqual(1)
      for (const file of copies()) {
        expect(emulator.state.links('file', file.id).length).toBeLessThanOrEqual(1)
        expect(file.version).toBe(1)
      }
    }
  }
}

describe('upload of a small file under faults', () => {
  defineMatrix({
    operation: 'upload',
    phases: [
      {
        name: 'check the folder (GET folder)',
        kind: 'read',
        method: 'GET',
        path: /\/files\/folder\/\d+$/
      },
      {
        name: 'upload (POST multipart)',
        kind: 'upload',
        method: 'POST',
        path: /\/files\/\d+\/upload(\?|$)/
      },
      { name: 'share: list (GET file links)', kind: 'read', method: 'GET', path: '/links' },
      { name: 'share: create (PUT file links)', kind: 'create', method: 'PUT', path: '/links' }
    ],
    setup: (emulator) => uploadFixture(emulator, 'notes.txt', SMALL, {})
  })
})

describe('chunked upload of a large file under faults', () => {
  defineMatrix({
    operation: 'upload',
    phases: [
      {
        name: 'start the session (POST files/{folderId}/session)',
        kind: 'idempotent',
        method: 'POST',
        path: /\/files\/\d+\/session$/,
        overrides: {
          // The client does not repeat a 200 it cannot read; the upload starts one more session.
          html: {
            outcome: 'recovers',
            warning: /answered HTTP 200 with an HTML page.*starting another one/
          },
          'truncated-json': {
            outcome: 'recovers',
            warning: /answered HTTP 200 with malformed or truncated JSON.*starting another one/
          },
          // A portal without the current endpoint: the obsolete create_session takes over.
          '404': { outcome: 'recovers' }
        }
      },
      {
        name: 'second chunk (POST chunk)',
        kind: 'chunk',
        method: 'POST',
        path: '/ChunkedUploader.ashx',
        skip: 1,
        overrides: {
          // The chunk handler's own error reply, `{success: false, message}` with HTTP 200.
          'envelope-error': {
            outcome: 'fails',
            message: /POST \/ChunkedUploader\.ashx.*HTTP 200.*Injected failure/,
            attempts: 1
          }
        }
      }
    ],
    setup: (emulator) =>
      uploadFixture(emulator, 'bundle.bin', LARGE, { chunkSize: 1024, simpleLimit: 1000 })
  })
})
