// Uploads: the simple multipart upload, the chunked upload session (created through the API, fed
// through the legacy ChunkedUploader.ashx handler), and a file's version history. Bodies are parsed as
// streams and hashed as they arrive, so a large upload costs the emulator no memory.
import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'
import type { RequestContext } from '../context.js'
import type { JsonReply } from '../http.js'
import { badRequest, notFound, ok, ValidationError } from '../http.js'
import { BodyFields } from '../binding.js'
import { fileDto, humanSize } from '../dto.js'
import type { Router } from '../router.js'
import type { FileRecord, FolderLike } from '../state.js'
import { ContentSink, uploadStore, type UploadSessionRecord } from '../upload-store.js'
import { callerId, requireFile, requireFolder } from './lookup.js'

export const CHUNK_HANDLER_PATH = '/ChunkedUploader.ashx'

interface FilePart {
  /** Undefined when the body had no file part that was picked. */
  filename?: string
  /** The part was longer than `maxBytes`; only about that much reached the sink. */
  truncated: boolean
}

/** Streams the first file part that `pick` accepts into `sink`; other parts are read and dropped. */
function readFilePart(
  req: IncomingMessage,
  sink: ContentSink,
  pick: (field: string) => boolean,
  maxBytes?: number
): Promise<FilePart> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // busboy flags a part as truncated once it reaches the limit, so one byte more is allowed
        // for a part of exactly `maxBytes` to pass.
        limits: maxBytes === undefined ? {} : { fileSize: maxBytes + 1 }
      })
    } catch {
      reject(badRequest('The request is not multipart/form-data'))
      return
    }
    let filename: string | undefined
    let found = false
    let truncated = false
    parser.on('file', (field, stream, info) => {
      if (found || !pick(field)) {
        stream.resume()
        return
      }
      found = true
      filename = info.filename
      stream.on('data', (chunk: Buffer) => sink.write(chunk))
      stream.on('limit', () => (truncated = true))
    })
    parser.on('close', () => resolve({ filename: found ? filename : undefined, truncated }))
    parser.on('error', (error) => reject(badRequest(`Malformed multipart body: ${String(error)}`)))
    req.on('error', reject)
    req.pipe(parser)
  })
}

function flag(text: string | undefined): boolean {
  return text?.trim().toLowerCase() === 'true'
}

async function simpleUpload(ctx: RequestContext, folder: FolderLike) {
  const sink = new ContentSink()
  const part = await readFilePart(ctx.req, sink, (field) => field.toLowerCase() === 'file')
  if (part.filename === undefined) throw badRequest('No file to upload')
  const title = part.filename.trim()
  if (title === '') throw badRequest('The file has no name')
  const store = uploadStore(ctx.state)
  const { file } = store.store(
    folder,
    title,
    sink.finish(),
    flag(ctx.query.createNewIfExist),
    callerId(ctx)
  )
  // The server answers with an array holding the one uploaded file.
  return ok([fileDto(file, ctx.portal)])
}

function sessionDto(ctx: RequestContext, session: UploadSessionRecord) {
  return {
    id: session.id,
    path: ctx.state.path(session.folderId).map((f) => f.id),
    // Plain DateTime values, not ApiDateTime: always UTC with `Z`.
    created: session.created.toISOString(),
    expired: session.expires.toISOString(),
    location: `${ctx.portal.url}${CHUNK_HANDLER_PATH}?uid=${session.id}`,
    bytes_total: session.bytesTotal
  }
}

async function createSession(ctx: RequestContext): Promise<UploadSessionRecord> {
  const folder = requireFolder(ctx, 'folderId')
  const fields = new BodyFields(await ctx.json())
  const fileName = fields.string('fileName')
  const fileSize = fields.int('fileSize', { min: 0, max: Number.MAX_SAFE_INTEGER })
  const createNewIfExist = fields.bool('createNewIfExist')
  fields.done()
  if (fileName === undefined || fileName.trim() === '') {
    throw new ValidationError({ FileName: ['The FileName field is required.'] })
  }
  return uploadStore(ctx.state).openSession({
    folderId: folder.id,
    fileName: fileName.trim(),
    bytesTotal: fileSize ?? 0,
    createNewIfExist: createNewIfExist ?? false,
    userId: callerId(ctx)
  })
}

// The legacy handler answers outside the API envelope, and with HTTP 200 even when it fails.
function chunkReply(statusCode: number, body: Record<string, unknown>): JsonReply {
  return { kind: 'json', statusCode, body: { message: '', ...body } }
}

function chunkError(message: string): JsonReply {
  return chunkReply(200, { success: false, message })
}

// Reads and drops a body the handler refuses, so that the connection stays usable.
async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) void _chunk
}

async function receiveChunk(ctx: RequestContext): Promise<JsonReply> {
  const store = uploadStore(ctx.state)
  const session = store.sessions.get(ctx.query.uid ?? '')
  if (!session) {
    await drain(ctx.req)
    return chunkError('Upload session not found')
  }
  if (session.userId !== callerId(ctx)) {
    await drain(ctx.req)
    return chunkError('Access denied')
  }
  if (session.expires.getTime() < Date.now()) {
    store.sessions.delete(session.id)
    await drain(ctx.req)
    return chunkError('Upload session has expired')
  }
  if (flag(ctx.query.abort)) {
    store.sessions.delete(session.id)
    await drain(ctx.req)
    return chunkReply(200, { success: true })
  }
  const forced = store.takeChunkFailure()
  if (forced !== undefined) {
    await drain(ctx.req)
    return chunkError(forced)
  }

  // web/ASC.Web.Core/SetupInfo.cs L104: the portal's `files:uploader:chunk-size` (FileUploader.cs L291-299).
  const chunkLimit = ctx.state.settings.chunkUploadSize
  const mark = session.sink.mark()
  const before = session.sink.size
  let part: FilePart
  try {
    part = await readFilePart(ctx.req, session.sink, () => true, chunkLimit)
  } catch (error) {
    session.sink.rollback(mark)
    throw error
  }
  const received = session.sink.size - before
  const refuse = (message: string): JsonReply => {
    session.sink.rollback(mark)
    return chunkError(message)
  }
  if (part.filename === undefined) return refuse('No file in the request')
  if (part.truncated) {
    return refuse(`The chunk is larger than the maximum of ${chunkLimit} bytes`)
  }
  if (session.sink.size > session.bytesTotal) {
    return refuse(`The file is larger than the ${session.bytesTotal} bytes announced`)
  }
  session.chunks += 1
  // Each chunk slides the session's expiry, as on the server.
  session.expires = new Date(Date.now() + (session.expires.getTime() - session.created.getTime()))
  if (session.sink.size < session.bytesTotal) {
    store.chunkLog.push({ sessionId: session.id, size: received, status: 200, success: true })
    return chunkReply(200, { success: true, data: sessionDto(ctx, session) })
  }

  store.sessions.delete(session.id)
  const folder = ctx.state.folder(session.folderId)
  if (!folder) return chunkError('The folder of the upload no longer exists')
  const { file } = store.store(
    folder,
    session.fileName,
    session.sink.finish(),
    session.createNewIfExist,
    session.userId
  )
  store.chunkLog.push({ sessionId: session.id, size: received, status: 201, success: true })
  return chunkReply(201, {
    success: true,
    data: {
      id: file.id,
      folderId: file.parentId,
      version: file.version,
      title: file.title,
      provider_key: null,
      uploaded: true,
      file: fileDto(file, ctx.portal)
    }
  })
}

function versionDto(ctx: RequestContext, file: FileRecord) {
  return uploadStore(ctx.state)
    .history(file)
    .map((v) => ({
      ...fileDto(file, ctx.portal),
      version: v.version,
      versionGroup: v.version,
      pureContentLength: v.size,
      contentLength: humanSize(v.size),
      updated: ctx.portal.date(v.at)
    }))
    .reverse()
}

export function registerUploadRoutes(router: Router): void {
  router.route('POST', '/api/2.0/files/{folderId:int}/upload', (ctx) =>
    simpleUpload(ctx, requireFolder(ctx, 'folderId'))
  )

  router.route('POST', '/api/2.0/files/@my/upload', (ctx) => {
    const folder = ctx.state.folder(ctx.state.myDocumentsId)
    if (!folder) throw notFound()
    return simpleUpload(ctx, folder)
  })

  // Obsolete on the server but still served: the session comes wrapped as {success, data}.
  router.route('POST', '/api/2.0/files/{folderId:int}/upload/create_session', async (ctx) => {
    const session = await createSession(ctx)
    return ok({ success: true, data: sessionDto(ctx, session) })
  })

  // products/ASC.Files/Server/Api/UploadController.cs: the current endpoint, the session unwrapped. A portal
  // set up without it (an older build) answers 404, as routing does there.
  router.route('POST', '/api/2.0/files/{folderId:int}/session', async (ctx) => {
    if (!ctx.state.settings.sessionEndpoint) throw notFound()
    return ok(sessionDto(ctx, await createSession(ctx)))
  })

  router.route('POST', CHUNK_HANDLER_PATH, async (ctx) => {
    try {
      return await receiveChunk(ctx)
    } catch (error) {
      // The handler turns every exception into a 200 with success:false.
      return chunkError(error instanceof Error ? error.message : String(error))
    }
  })

  // The version history, newest first.
  router.route('GET', '/api/2.0/files/file/{id:int}/history', (ctx) =>
    ok(versionDto(ctx, requireFile(ctx)))
  )
}
