import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { KEEP_CONTENT_LIMIT, uploadStore } from '../../emulator/upload-store.js'

const MiB = 1024 * 1024
let emulator: Emulator
let folderId: number

beforeAll(async () => {
  emulator = await startEmulator()
  folderId = emulator.addFolder({ title: 'Releases' }).id
})
afterAll(async () => {
  await emulator.close()
})

interface FileLike {
  id: number
  title: string
  folderId: number
  version: number
  pureContentLength: number
}

interface SessionLike {
  id: string
  location: string
  path: number[]
  created: string
  bytes_total: number
}

interface CompletedLike {
  id: number
  folderId: number
  version: number
  title: string
  uploaded: boolean
  file: FileLike
}

interface ChunkBody {
  success: boolean
  message?: string
  /** The session after an intermediate chunk, the file after the last one. */
  data?: SessionLike | CompletedLike
}

const completed = (body: ChunkBody): CompletedLike => body.data as CompletedLike

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

function auth(key = emulator.userKey): Record<string, string> {
  return { Authorization: `Bearer ${key}` }
}

function form(name: string, data: Buffer, field = 'file'): FormData {
  const body = new FormData()
  body.append(field, new Blob([new Uint8Array(data)]), name)
  return body
}

async function simpleUpload(name: string, data: Buffer, query = '', folder = folderId) {
  const res = await fetch(`${emulator.url}/api/2.0/files/${folder}/upload${query}`, {
    method: 'POST',
    headers: auth(),
    body: form(name, data)
  })
  return {
    status: res.status,
    body: (await res.json()) as { statusCode: number; response: FileLike[] }
  }
}

async function createSession(name: string, size: number, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${emulator.url}/api/2.0/files/${folderId}/upload/create_session`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ fileName: name, fileSize: size, ...extra })
  })
  return {
    status: res.status,
    body: (await res.json()) as { response: { success: boolean; data: SessionLike } }
  }
}

async function sendChunk(location: string, data: Buffer, key = emulator.userKey) {
  const res = await fetch(location, {
    method: 'POST',
    headers: auth(key),
    body: form('blob', data)
  })
  return { status: res.status, body: (await res.json()) as ChunkBody }
}

function journalFor(fileId: number) {
  return emulator.state.journal.filter((e) => e.target.includes(String(fileId)))
}

describe('simple upload', () => {
  it('stores the file and answers with an array of one FileDto', async () => {
    const data = randomBytes(5000)
    const { status, body } = await simpleUpload('app.zip', data)
    expect(status).toBe(200)
    expect(body.statusCode).toBe(200)
    expect(Array.isArray(body.response)).toBe(true)
    expect(body.response).toHaveLength(1)
    const dto = body.response[0]
    expect(dto).toMatchObject({ title: 'app.zip', folderId, version: 1, pureContentLength: 5000 })
    const file = emulator.state.file(dto.id)
    expect(file?.content?.equals(data)).toBe(true)
    expect(uploadStore(emulator.state).history(file!)[0].sha256).toBe(sha256(data))
    expect(journalFor(dto.id).map((e) => e.actionId)).toEqual([5011])
    expect(journalFor(dto.id)[0].userId).toBe(emulator.state.directory.user.id)
  })

  it('adds a version to the file of the same name unless createNewIfExist', async () => {
    const first = await simpleUpload('notes.txt', Buffer.from('one'))
    const id = first.body.response[0].id
    const second = await simpleUpload('notes.txt', Buffer.from('two!'), '?createNewIfExist=false')
    expect(second.body.response[0]).toMatchObject({ id, version: 2, pureContentLength: 4 })
    expect(emulator.state.file(id)?.content?.toString()).toBe('two!')
    expect(journalFor(id).map((e) => e.actionId)).toEqual([5011, 5099])

    const kept = await simpleUpload('notes.txt', Buffer.from('three'), '?createNewIfExist=true')
    const copy = kept.body.response[0]
    expect(copy.id).not.toBe(id)
    expect(copy.title).toBe('notes (1).txt')
    const again = await simpleUpload('notes.txt', Buffer.from('four'), '?createNewIfExist=true')
    expect(again.body.response[0].title).toBe('notes (2).txt')

    const history = await fetch(`${emulator.url}/api/2.0/files/file/${id}/history`, {
      headers: auth()
    })
    const versions = ((await history.json()) as { response: FileLike[] }).response
    expect(versions.map((v) => [v.id, v.version, v.pureContentLength])).toEqual([
      [id, 2, 4],
      [id, 1, 3]
    ])
  })

  it('refuses a body without a file part, an unknown folder and a missing key', async () => {
    const noFile = await fetch(`${emulator.url}/api/2.0/files/${folderId}/upload`, {
      method: 'POST',
      headers: auth(),
      body: form('x.txt', Buffer.from('x'), 'other')
    })
    expect(noFile.status).toBe(400)
    expect((await simpleUpload('x.txt', Buffer.from('x'), '', 999_999)).status).toBe(404)
    const anonymous = await fetch(`${emulator.url}/api/2.0/files/${folderId}/upload`, {
      method: 'POST',
      body: form('x.txt', Buffer.from('x'))
    })
    expect(anonymous.status).toBe(401)
  })

  it('keeps only the size and hash of a large file', async () => {
    const data = randomBytes(KEEP_CONTENT_LIMIT + 1)
    const { body } = await simpleUpload('big.bin', data)
    const file = emulator.state.file(body.response[0].id)!
    expect(file.size).toBe(data.length)
    expect(file.content).toBeUndefined()
    expect(uploadStore(emulator.state).history(file)[0].sha256).toBe(sha256(data))
  })
})

describe('chunked upload', () => {
  it('creates sessions in both envelopes', async () => {
    const { status, body } = await createSession('a.bin', 123)
    expect(status).toBe(200)
    expect(body.response.success).toBe(true)
    const session = body.response.data
    expect(Object.keys(session).sort()).toEqual(
      ['bytes_total', 'created', 'expired', 'id', 'location', 'path'].sort()
    )
    expect(session.location).toBe(`${emulator.url}/ChunkedUploader.ashx?uid=${session.id}`)
    expect(session.bytes_total).toBe(123)
    expect(session.path.at(-1)).toBe(folderId)
    expect(session.created).toMatch(/Z$/)

    const bare = await fetch(`${emulator.url}/api/2.0/files/${folderId}/session`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: 'b.bin', fileSize: 1 })
    })
    const bareBody = (await bare.json()) as { response: Record<string, unknown> }
    expect(bareBody.response.location).toMatch(/ChunkedUploader\.ashx\?uid=/)
    expect(bareBody.response.success).toBeUndefined()

    const missing = await createSession('', 1)
    expect(missing.status).toBe(400)
  })

  it('takes chunks in order and answers 201 with the file once every byte is there', async () => {
    const data = randomBytes(2 * MiB + 1234)
    const session = (await createSession('release.tar.gz', data.length)).body.response.data
    const first = await sendChunk(session.location, data.subarray(0, MiB))
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ success: true, message: '', data: { id: session.id } })
    const second = await sendChunk(session.location, data.subarray(MiB, 2 * MiB))
    expect(second.status).toBe(200)
    const last = await sendChunk(session.location, data.subarray(2 * MiB))
    expect(last.status).toBe(201)
    expect(last.body.success).toBe(true)
    const done = completed(last.body)
    expect(done).toMatchObject({ folderId, version: 1, title: 'release.tar.gz', uploaded: true })
    expect(done.file).toMatchObject({ id: done.id, pureContentLength: data.length })
    const file = emulator.state.file(done.id)!
    expect(file.content?.equals(data)).toBe(true)
    expect(uploadStore(emulator.state).history(file)[0].sha256).toBe(sha256(data))
    expect(uploadStore(emulator.state).sessions.has(session.id)).toBe(false)
    expect(journalFor(done.id).map((e) => e.actionId)).toEqual([5011])

    // The same name again without createNewIfExist: a new version of the same file.
    const again = (await createSession('release.tar.gz', 3)).body.response.data
    const replaced = await sendChunk(again.location, Buffer.from('new'))
    expect(replaced.status).toBe(201)
    expect(replaced.body.data).toMatchObject({ id: done.id, version: 2 })
    expect(journalFor(done.id).map((e) => e.actionId)).toEqual([5011, 5099])
  })

  it('reports errors as HTTP 200 with success false, and the session goes on', async () => {
    const data = randomBytes(11 * MiB)
    const session = (await createSession('huge.bin', data.length)).body.response.data

    const tooBig = await sendChunk(session.location, data)
    expect(tooBig.status).toBe(200)
    expect(tooBig.body.success).toBe(false)
    expect(tooBig.body.message).toMatch(/larger than the maximum/)

    uploadStore(emulator.state).failNextChunk('Disk quota exceeded')
    const forced = await sendChunk(session.location, data.subarray(0, 10 * MiB))
    expect(forced).toEqual({
      status: 200,
      body: { success: false, message: 'Disk quota exceeded' }
    })

    // Neither failure stored a byte: the full upload still completes with the right content.
    const full = await sendChunk(session.location, data.subarray(0, 10 * MiB))
    expect(full).toMatchObject({ status: 200, body: { success: true } })
    const last = await sendChunk(session.location, data.subarray(10 * MiB))
    expect(last.status).toBe(201)
    const file = emulator.state.file(completed(last.body).id)!
    expect(file.size).toBe(data.length)
    expect(uploadStore(emulator.state).history(file)[0].sha256).toBe(sha256(data))
  })

  it('refuses an unknown session, another user and bytes beyond the announced size', async () => {
    const unknown = await sendChunk(
      `${emulator.url}/ChunkedUploader.ashx?uid=nope`,
      Buffer.from('x')
    )
    expect(unknown.body).toEqual({ success: false, message: 'Upload session not found' })

    const session = (await createSession('small.bin', 2)).body.response.data
    const other = await sendChunk(session.location, Buffer.from('ab'), emulator.adminKey)
    expect(other.body.success).toBe(false)
    const over = await sendChunk(session.location, Buffer.from('abc'))
    expect(over.body.success).toBe(false)
    expect(over.body.message).toMatch(/larger than the 2 bytes/)
    const fine = await sendChunk(session.location, Buffer.from('ab'))
    expect(fine.status).toBe(201)
  })
})
