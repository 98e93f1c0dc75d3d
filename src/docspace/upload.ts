import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { DocSpaceClient } from './client.js'
import { listFolder } from './entries.js'
import { DocSpaceError } from './errors.js'
import type { FileDto } from './types.js'
import { sameStoredTitle, storedTitle } from './stored-title.js'
import { messageOf } from '../text.js'

// Uploads to a DocSpace folder: the simple multipart upload for small files, the chunked upload session
// for the rest. Every body is streamed from disk, so memory does not grow with the file size.

const MiB = 1024 * 1024
/** The server's `files:uploader:chunk-size` default; a larger chunk is refused. */
export const MAX_CHUNK_SIZE = 10 * MiB
/** Files up to this size go in one multipart request. */
export const SIMPLE_UPLOAD_LIMIT = 10 * MiB
// Large reads keep the number of stream round trips low; a few of them in flight is all the memory used.
const READ_SIZE = 256 * 1024

export interface LocalFile {
  /** Absolute path on disk. */
  path: string
  /** The name it gets on the portal. */
  name: string
  size: number
}

/** The session `create_session` returns (DocSpace's ChunkedUploadSession, snake-case `bytes_total`). */
export interface UploadSession {
  id: string
  path?: Array<number | string>
  created?: string
  expired?: string
  location: string
  bytes_total?: number
}

/** The `data` of the chunk handler's 201 reply once every byte has arrived. */
export interface CompletedUpload {
  id: number
  folderId?: number
  version?: number
  title?: string
  provider_key?: string
  uploaded: boolean
  file?: FileDto
}

/** Replies of the legacy chunk handler: not the API envelope, and errors come with HTTP 200. */
export interface ChunkReply {
  success?: boolean
  message?: string
  data?: UploadSession | CompletedUpload
}

export interface UploadOptions {
  /** `true`: a file with the same name is kept and the upload becomes "name (1).ext". */
  createNewIfExist: boolean
  /** Bytes per chunk: the portal's `chunkUploadSize` (see readChunkSize). */
  chunkSize?: number
  /** Files larger than this use the chunked session. */
  simpleLimit?: number
  /** Called as bytes leave the disk for the portal. */
  onProgress?: (sent: number, total: number) => void
  /**
   * The folder's files before this upload: when the answer to an upload is lost, they tell whether it took
   * effect. Without them, such an upload fails.
   */
  before?: FileDto[]
}

export interface MultipartFile {
  /** Content-Type (with the boundary) and Content-Length: the same for every copy of the body. */
  headers: Record<string, string>
  /** A fresh copy of the body, read from disk as it is sent. */
  open: (onBytes?: (count: number) => void) => Readable
}

// The form encoding browsers use for a file name: quotes and line breaks percent-encoded, the rest UTF-8.
function quotedFileName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/**
 * A multipart/form-data body with one file part holding bytes [start, end) of a file on disk. Its length
 * is known in advance, so it goes out with a Content-Length instead of chunked transfer encoding.
 */
export function multipartFile(
  field: string,
  file: LocalFile,
  range: { start: number; end: number } = { start: 0, end: file.size }
): MultipartFile {
  const boundary = `----docspace-upload-${randomBytes(16).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${field}"; filename="${quotedFileName(file.name)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const expected = range.end - range.start

  async function* parts(onBytes: (count: number) => void): AsyncGenerator<Buffer> {
    yield head
    let read = 0
    if (expected > 0) {
      const stream = createReadStream(file.path, {
        start: range.start,
        end: range.end - 1,
        highWaterMark: READ_SIZE
      })
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        read += chunk.length
        onBytes(chunk.length)
        yield chunk
      }
    }
    // A file that shrank under us would send a body shorter than its Content-Length.
    if (read !== expected) {
      throw new Error(
        `${file.name} changed while it was being uploaded (read ${read} of ${expected} bytes)`
      )
    }
    yield tail
  }

  return {
    headers: {
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(head.length + expected + tail.length)
    },
    open: (onBytes = () => undefined) => Readable.from(parts(onBytes), { objectMode: false })
  }
}

function failed(file: LocalFile, error: unknown): Error {
  return new Error(`Uploading ${file.name} failed: ${messageOf(error)}`, { cause: error })
}

/**
 * `POST /api/2.0/files/{folderId}/upload`: one request, the reply is an array with one FileDto. Never
 * repeated on its own: a second copy of the file could be the result.
 */
export async function uploadSimple(
  client: DocSpaceClient,
  folderId: number,
  file: LocalFile,
  options: UploadOptions
): Promise<FileDto> {
  const part = multipartFile('file', file)
  // Each copy of the body (a 307/308 redirect sends it again) reports its bytes from zero.
  const body = (): Readable => {
    let sent = 0
    return part.open((count) => {
      sent += count
      options.onProgress?.(sent, file.size)
    })
  }
  const { data } = await client.request<FileDto[] | FileDto>(
    'POST',
    `/api/2.0/files/${folderId}/upload`,
    {
      query: { createNewIfExist: options.createNewIfExist },
      body,
      headers: part.headers,
      retry: 'none'
    }
  )
  const uploaded = Array.isArray(data) ? data[0] : data
  if (!uploaded || typeof uploaded.id !== 'number') {
    throw new Error('the portal did not return the uploaded file')
  }
  return uploaded
}

/**
 * The file an upload whose answer was lost left in the folder, judged against what the folder held
 * before: the file of that name, new or with a higher version, or with `createNewIfExist` a new file
 * whose title starts with the name's stem ("name (1).ext"); either way holding as many bytes as the upload.
 */
export function storedUpload(
  file: LocalFile,
  before: FileDto[],
  after: FileDto[],
  createNewIfExist: boolean
): FileDto | undefined {
  const earlier = new Map(before.map((f) => [f.id, f]))
  // The portal stores the name sanitised and matches it without regard to case.
  const name = storedTitle(file.name)
  const dot = name.lastIndexOf('.')
  const stem = (dot > 0 ? name.slice(0, dot) : name).toLowerCase()
  const stored = after.filter((f) => {
    if (f.pureContentLength !== file.size) return false
    const was = earlier.get(f.id)
    if (createNewIfExist) return was === undefined && f.title.toLowerCase().startsWith(stem)
    return (
      sameStoredTitle(f.title, file.name) &&
      (was === undefined || (f.version ?? 1) > (was.version ?? 1))
    )
  })
  // Should someone else have added a matching file meanwhile, the newest is the likelier one.
  return stored.sort((a, b) => b.id - a.id)[0]
}

function isAmbiguous(error: unknown): error is DocSpaceError {
  return error instanceof DocSpaceError && error.ambiguous
}

// A lost answer may hide a stored file, so the folder is checked before the one further try.
async function uploadSimpleChecked(
  client: DocSpaceClient,
  folderId: number,
  file: LocalFile,
  options: UploadOptions
): Promise<FileDto> {
  try {
    return await uploadSimple(client, folderId, file, options)
  } catch (error) {
    if (!isAmbiguous(error) || !options.before) throw error
    client.log.warning(
      `Uploading ${file.name} may or may not have worked (${error.message}); ` +
        'looking for it in the folder before trying again'
    )
    const { files } = await listFolder(client, folderId)
    const stored = storedUpload(file, options.before, files, options.createNewIfExist)
    if (stored) {
      client.log.info(`${file.name} was stored by the first try, as file ${stored.id}`)
      return stored
    }
    return uploadSimple(client, folderId, file, options)
  }
}

function isSession(value: unknown): value is UploadSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as UploadSession).location === 'string' &&
    typeof (value as UploadSession).id === 'string'
  )
}

/**
 * The session's `location` receives the file's bytes with the same credentials as the API, so it has to
 * be on the portal's own origin: a location elsewhere (a misconfigured proxy, a hostile server) is refused.
 */
export function checkLocation(client: DocSpaceClient, location: string): URL {
  const portal = new URL(client.connection.portalUrl)
  let url: URL
  try {
    url = new URL(location, portal)
  } catch {
    throw new Error('the upload session has no valid location')
  }
  if (url.origin !== portal.origin) {
    throw new Error(
      `the upload session points at ${url.origin}, not at the portal (${portal.origin}); ` +
        "refusing to send the file and the key there. Check the portal's public URL settings"
    )
  }
  return url
}

/**
 * Starts a chunked upload: `POST /api/2.0/files/{folderId}/session`, or on a portal that lacks it (404/405)
 * the obsolete `POST …/upload/create_session`. A session leaves no file behind until its last chunk
 * arrives, so starting another one is harmless: the client repeats it like an idempotent write.
 */
export async function createUploadSession(
  client: DocSpaceClient,
  folderId: number,
  file: LocalFile,
  options: Pick<UploadOptions, 'createNewIfExist'>
): Promise<UploadSession> {
  const json = {
    fileName: file.name,
    fileSize: file.size,
    createNewIfExist: options.createNewIfExist
  }
  let data: ChunkReply | UploadSession | undefined
  try {
    ;({ data } = await client.request<ChunkReply | UploadSession>(
      'POST',
      `/api/2.0/files/${folderId}/session`,
      { json, retry: 'idempotent' }
    ))
  } catch (error) {
    const missing =
      error instanceof DocSpaceError && (error.kind === 'not-found' || error.status === 405)
    if (!missing) throw error
    client.log.debug(
      'The portal has no files/{folderId}/session endpoint; using upload/create_session'
    )
    ;({ data } = await client.request<ChunkReply | UploadSession>(
      'POST',
      `/api/2.0/files/${folderId}/upload/create_session`,
      { json, retry: 'idempotent' }
    ))
  }
  // create_session wraps the session as {success, data}; the newer /session endpoint returns it bare.
  const reply = data as ChunkReply | undefined
  if (reply?.success === false) {
    throw new Error(`the portal refused the upload session: ${reply.message || 'no reason given'}`)
  }
  const session = isSession(reply?.data) ? reply.data : isSession(data) ? data : undefined
  if (!session) throw new Error('the portal did not return an upload session')
  checkLocation(client, session.location)
  return session
}

function completedFile(reply: ChunkReply): FileDto | undefined {
  const data = reply.data as CompletedUpload | undefined
  if (!data || data.uploaded !== true) return undefined
  if (data.file && typeof data.file.id === 'number') return data.file
  if (typeof data.id !== 'number') return undefined
  return { id: data.id, title: data.title ?? '', folderId: data.folderId, version: data.version }
}

/**
 * Sends the file to the session's location in order, one chunk per request; 201 completes it. A chunk is
 * never repeated: the portal would append it a second time.
 */
export async function uploadChunks(
  client: DocSpaceClient,
  session: UploadSession,
  file: LocalFile,
  options: Omit<UploadOptions, 'createNewIfExist'> = {}
): Promise<FileDto> {
  const chunkSize = options.chunkSize ?? MAX_CHUNK_SIZE
  if (!(chunkSize > 0)) throw new Error(`the chunk size must be positive (got ${chunkSize})`)
  const location = checkLocation(client, session.location)
  // The path only: the query holds the upload id.
  const endpoint = `POST ${location.pathname}`
  // At least one chunk, so that an empty file still completes the session.
  const chunks = Math.max(1, Math.ceil(file.size / chunkSize))
  for (let index = 0; index < chunks; index++) {
    const start = index * chunkSize
    const end = Math.min(file.size, start + chunkSize)
    const part = multipartFile('file', file, { start, end })
    const body = (): Readable => {
      let sent = start
      return part.open((count) => {
        sent += count
        options.onProgress?.(sent, file.size)
      })
    }
    let reply: ChunkReply | undefined
    let status: number
    try {
      ;({ data: reply, status } = await client.request<ChunkReply>('POST', location.href, {
        body,
        headers: part.headers,
        expect: 'json',
        retry: 'none'
      }))
    } catch (error) {
      throw new Error(`chunk ${index + 1} of ${chunks}: ${messageOf(error)}`, { cause: error })
    }
    // The legacy handler refuses a chunk with HTTP 200 and `success: false`.
    if (!reply || reply.success !== true) {
      const verdict = reply?.success === false ? 'with success: false' : 'without success: true'
      const said = reply?.message
        ? `the portal said: ${reply.message}`
        : 'the portal gave no reason'
      throw new Error(
        `${endpoint}: HTTP ${status} ${verdict} for chunk ${index + 1} of ${chunks} (${said})`
      )
    }
    const done = completedFile(reply)
    const last = index === chunks - 1
    if (done || status === 201) {
      if (!last) {
        throw new Error(`the portal completed the file after chunk ${index + 1} of ${chunks}`)
      }
      if (!done) throw new Error('the portal completed the upload but did not return the file')
      return done
    }
    if (last) {
      throw new Error(`the portal did not confirm the file after its last chunk (HTTP ${status})`)
    }
  }
  // Unreachable: the loop returns or throws on its last chunk.
  throw new Error('no chunk was sent')
}

// Past the client's own retries, a session whose answer was lost is replaced by one more, once.
async function startSession(
  client: DocSpaceClient,
  folderId: number,
  file: LocalFile,
  options: UploadOptions
): Promise<UploadSession> {
  try {
    return await createUploadSession(client, folderId, file, options)
  } catch (error) {
    if (!isAmbiguous(error)) throw error
    client.log.warning(
      `Starting the upload session of ${file.name} may or may not have worked (${error.message}); ` +
        'starting another one'
    )
    return createUploadSession(client, folderId, file, options)
  }
}

/**
 * Uploads one file: simple upload up to `simpleLimit`, a chunked session above it. An upload whose answer
 * was lost is looked for in the folder (see `before`) and sent once more only when it is not there.
 */
export async function uploadFile(
  client: DocSpaceClient,
  folderId: number,
  file: LocalFile,
  options: UploadOptions
): Promise<FileDto> {
  try {
    if (file.size <= (options.simpleLimit ?? SIMPLE_UPLOAD_LIMIT)) {
      return await uploadSimpleChecked(client, folderId, file, options)
    }
    const session = await startSession(client, folderId, file, options)
    return await uploadChunks(client, session, file, options)
  } catch (error) {
    throw failed(file, error)
  }
}
