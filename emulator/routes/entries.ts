// Files, folders, rooms and folder contents.
import type { RequestContext } from '../context.js'
import type { Router } from '../router.js'
import type { FolderLike } from '../state.js'
import { badRequest, notFound, ok } from '../http.js'
import { BodyFields, paging } from '../binding.js'
import { fileDto, folderDto } from '../dto.js'
import { callerId, requireFile, requireFolder, requireRoom } from './lookup.js'
import { shareFields } from '../share-rights.js'

/** FolderContentDto: sub-folders then files, each by title, paged over the two together. */
function folderContent(ctx: RequestContext, folder: FolderLike) {
  const { startIndex, count } = paging(ctx.query)
  const { folders, files } = ctx.state.children(folder.id)
  const all = [...folders, ...files]
  const window = all.slice(startIndex, startIndex + count)
  return {
    files: window.flatMap((e) => (e.kind === 'file' ? [fileDto(e, ctx.portal)] : [])),
    folders: window.flatMap((e) =>
      e.kind === 'file' ? [] : [folderDto(e, ctx.state, ctx.portal)]
    ),
    current: folderDto(folder, ctx.state, ctx.portal),
    pathParts: ctx.state.path(folder.id).map((f) => ({ id: f.id, title: f.title })),
    startIndex,
    count: window.length,
    total: all.length,
    new: 0
  }
}

export function registerEntryRoutes(router: Router): void {
  router.route('GET', '/api/2.0/files/file/{id:int}', (ctx) => {
    const file = requireFile(ctx)
    return ok({ ...fileDto(file, ctx.portal), ...shareFields(ctx.state, file, ctx.user?.id) })
  })

  router.route('GET', '/api/2.0/files/folder/{id:int}', (ctx) => {
    const folder = requireFolder(ctx)
    return ok({
      ...folderDto(folder, ctx.state, ctx.portal),
      ...shareFields(ctx.state, folder, ctx.user?.id)
    })
  })

  router.route('GET', '/api/2.0/files/rooms/{id:int}', (ctx) => {
    const room = requireRoom(ctx)
    return ok({
      ...folderDto(room, ctx.state, ctx.portal),
      ...shareFields(ctx.state, room, ctx.user?.id)
    })
  })

  router.route('GET', '/api/2.0/files/{folderId:int}', (ctx) =>
    ok(folderContent(ctx, requireFolder(ctx, 'folderId')))
  )

  router.route('GET', '/api/2.0/files/@my', (ctx) =>
    ok(folderContent(ctx, ctx.state.folder(ctx.state.myDocumentsId) as FolderLike))
  )

  router.route('GET', '/api/2.0/files/rooms', (ctx) =>
    ok(folderContent(ctx, ctx.state.folder(ctx.state.roomsFolderId) as FolderLike))
  )

  router.route('POST', '/api/2.0/files/folder/{parentId:int}', async (ctx) => {
    const parent = ctx.state.folder(Number(ctx.params.parentId))
    const fields = new BodyFields(await ctx.json())
    const title = fields.string('title')?.trim()
    fields.done()
    if (!parent) throw notFound()
    if (!title) throw badRequest('Title is empty')
    const folder = ctx.state.createFolder(title, parent.id, callerId(ctx))
    return ok(folderDto(folder, ctx.state, ctx.portal))
  })
}
