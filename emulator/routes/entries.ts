// Files, folders, rooms and folder contents.
import type { Router } from '../router.js'
import type { FolderLike } from '../state.js'
import { badRequest, notFound, ok } from '../http.js'
import { BodyFields } from '../binding.js'
import { fileDto, folderDto } from '../dto.js'
import { folderContent } from '../listing.js'
import { callerId, requireFile, requireFolder, requireRoom } from './lookup.js'

export function registerEntryRoutes(router: Router): void {
  router.route('GET', '/api/2.0/files/file/{id:int}', (ctx) =>
    ok(fileDto(requireFile(ctx), ctx.portal))
  )

  router.route('GET', '/api/2.0/files/folder/{id:int}', (ctx) =>
    ok(folderDto(requireFolder(ctx), ctx.state, ctx.portal))
  )

  router.route('GET', '/api/2.0/files/rooms/{id:int}', (ctx) =>
    ok(folderDto(requireRoom(ctx), ctx.state, ctx.portal))
  )

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
