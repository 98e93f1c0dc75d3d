import type { Readable } from 'node:stream'
import type { DocSpaceClient } from './client.js'
import { listFolder } from './entries.js'
import { DocSpaceError } from './errors.js'
import { multipartFile, type LocalFile } from './multipart.js'
import type { FileDto } from './types.js'
import { sameStoredTitle, storedTitle } from './stored-title.js'
import { createUploadSession, uploadChunks, type UploadSession } from './upload-session.js'
import { messageOf } from '../text.js'

// Uploads to a DocSpace folder: the simple multipart upload for small files, the chunked upload session
// (upload-session.ts) for the rest. Every body is streamed from disk (multipart.ts), so memory does not
// grow with the file size. This module decides which path a file takes and what a lost answer means.

// The pieces callers and tests reach through the upload module.
export type { LocalFile } from './multipart.js'
export { multipartFile } from './multipart.js'
export { checkLocation, createUploadSession, uploadChunks } from './upload-session.js'

const MiB = 1024 * 1024
/** Files up to this size go in one multipart request. */
export const SIMPLE_UPLOAD_LIMIT = 10 * MiB

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
