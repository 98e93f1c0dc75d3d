// The download handler: GET /filehandler.ashx?action=download&fileid={id}[&share={token}][&version=n].
// It answers the file's bytes and journals FileDownloaded (5009), or FileRevisionDownloaded (5062) when a
// version is asked for, with the file id as target, whoever downloads (a signed-in user or a visitor
// with a share link). A range request that does not start at byte 0 is served but not journaled, as on
// the server.
import type { RequestContext } from '../context.js'
import type { Router } from '../router.js'
import type { FileRecord, LinkRecord } from '../state.js'
import type { RawReply } from '../http.js'
import { EntryType, LinkType } from '../enums.js'
import { ANONYMOUS_USER_ID, MessageAction } from '../audit-journal.js'

/** Bytes made up for a file that was seeded with only a size are capped here. */
const MAX_MADE_UP_BYTES = 64 * 1024 * 1024

function text(statusCode: number, body: string): RawReply {
  return { kind: 'raw', statusCode, body, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }
}

/** The external link whose share token (or short key) is `share`, on the file or a folder above it. */
function linkForShare(
  ctx: RequestContext,
  file: FileRecord,
  share: string
): LinkRecord | undefined {
  const holders = [
    ...ctx.state.links('file', file.id),
    ...ctx.state.path(file.parentId).flatMap((folder) => ctx.state.links('folder', folder.id))
  ]
  return holders.find(
    (l) => l.linkType === LinkType.External && (l.requestToken === share || l.key === share)
  )
}

function bytesOf(file: FileRecord): Buffer {
  return file.content ?? Buffer.alloc(Math.min(file.size, MAX_MADE_UP_BYTES), 0x2a)
}

/** `bytes=a-b` / `bytes=a-` → [start, end] inclusive; undefined for no or an unusable header. */
function rangeOf(header: string | undefined, size: number): [number, number] | undefined {
  const m = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null
  if (!m) return undefined
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start > end || start >= size) return undefined
  return [start, end]
}

function download(ctx: RequestContext): RawReply {
  const { action, fileid, share, version } = ctx.query
  if ((action ?? '').toLowerCase() !== 'download') return text(400, 'Unsupported action')
  if (!fileid || !/^\d+$/.test(fileid)) return text(400, 'fileid is required')
  const file = ctx.state.file(Number(fileid))
  if (!file) return text(404, 'The required file was not found')

  let userId = ctx.user?.id
  if (share !== undefined && share !== '') {
    const link = linkForShare(ctx, file, share)
    if (!link) return text(403, 'The link is invalid')
    if (link.expirationDate && link.expirationDate.getTime() < Date.now()) {
      return text(403, 'The link has expired')
    }
    if (link.denyDownload) return text(403, 'Downloading is not allowed through this link')
    if (link.password) return text(403, 'The link is protected by a password')
    userId ??= ANONYMOUS_USER_ID
  }
  if (userId === undefined) return { kind: 'raw', statusCode: 401 }

  let actionId: number = MessageAction.FileDownloaded
  if (version !== undefined && version !== '') {
    const n = /^\d+$/.test(version) ? Number(version) : NaN
    if (!(n >= 1 && n <= file.version)) return text(404, 'The required file was not found')
    actionId = MessageAction.FileRevisionDownloaded
  }

  const bytes = bytesOf(file)
  const range = rangeOf(ctx.req.headers.range, bytes.length)
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.title)}`,
    'Accept-Ranges': 'bytes'
  }
  if (!range || range[0] === 0) {
    ctx.state.record({
      actionId,
      target: [String(file.id)],
      entryType: EntryType.File,
      userId,
      description: [file.title]
    })
  }
  if (!range) return { kind: 'raw', statusCode: 200, body: bytes, headers }
  const [start, end] = range
  headers['Content-Range'] = `bytes ${start}-${end}/${bytes.length}`
  return { kind: 'raw', statusCode: 206, body: bytes.subarray(start, end + 1), headers }
}

export function registerDownloadRoutes(router: Router): void {
  // Anonymous: a visitor with a share token may download; without one the handler asks for sign-in.
  router.route('GET', '/filehandler.ashx', download, { anonymous: true })
}
