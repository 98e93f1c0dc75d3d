import type { Readable } from 'node:stream'
import type { DocSpaceClient } from './client.js'
import { DocSpaceError } from './errors.js'
import { multipartFile, type LocalFile } from './multipart.js'
import type { FileDto } from './types.js'
import type { UploadOptions } from './upload.js'
import { messageOf } from '../text.js'

// The chunked upload session, for files above the simple upload's limit: start a session on the portal's
// own origin, then send the chunks in order. Kept apart from the simple upload because the legacy chunk
// handler speaks its own reply format, not the API envelope.

const MiB = 1024 * 1024
/** The server's `files:uploader:chunk-size` default; a larger chunk is refused. */
export const MAX_CHUNK_SIZE = 10 * MiB

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
