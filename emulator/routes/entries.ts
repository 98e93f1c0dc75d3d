// Files, folders, rooms and folder contents.
import type { Router } from '../router.js'
import type { FolderLike } from '../state.js'
import { badRequest, forbidden, ok } from '../http.js'
import { BodyFields } from '../binding.js'
import { fileDto, folderDto, shareFields } from '../dto.js'
import { folderContent } from '../listing.js'
import { storedTitle } from '../portal-rules.js'
import { callerId, requireFile, requireFolder, requireRoom } from './lookup.js'

export function registerEntryRoutes(router: Router): void {
  router.route('GET', '/api/2.0/files/file/{id:int}', (ctx) => {
    const file = requireFile(ctx)
    return ok({ ...fileDto(file, ctx.portal), ...shareFields(ctx.state, file, callerId(ctx)) })
  })

  router.route('GET', '/api/2.0/files/folder/{id:int}', (ctx) => {
    const folder = requireFolder(ctx)
    return ok({
      ...folderDto(folder, ctx.state, ctx.portal),
      ...shareFields(ctx.state, folder, callerId(ctx))
    })
  })

  router.route('GET', '/api/2.0/files/rooms/{id:int}', (ctx) => {
    const room = requireRoom(ctx)
    return ok({
      ...folderDto(room, ctx.state, ctx.portal),
      ...shareFields(ctx.state, room, callerId(ctx))
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
    // Helpers/Global.cs ReplaceInvalidCharsAndTruncate: the title is stored sanitised; there is no
    // check for a folder of the same name (FileStorageService.cs L935-990).
    const title = storedTitle(fields.string('title') ?? '')
    fields.done()
    // A missing parent is a 403 on the server (the security check fails before the lookup).
    if (!parent) throw forbidden('Access denied')
    if (!title) throw badRequest('Title is empty')
    const folder = ctx.state.createFolder(title, parent.id, callerId(ctx))
    return ok(folderDto(folder, ctx.state, ctx.portal))
  })
}
