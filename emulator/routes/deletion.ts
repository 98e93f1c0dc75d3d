// Deleting files and folders: DELETE /api/2.0/files/folder/{id} and /api/2.0/files/file/{id}
// (products/ASC.Files/Server/Api/FoldersController.cs L229, FilesController.cs). The server queues a file
// operation and answers the list of operations; the emulator carries it out at once (as `immediately:
// true` does, skipping the trash) and answers the operation finished. System folders cannot be deleted.
import { randomUUID } from 'node:crypto'
import type { RequestContext } from '../context.js'
import type { Router } from '../router.js'
import { BodyFields } from '../binding.js'
import { forbidden, ok } from '../http.js'
import { requireFile, requireFolder } from './lookup.js'

/** FileOperationType.Delete. */
const DELETE_OPERATION = 2

async function remove(ctx: RequestContext, id: number) {
  const fields = new BodyFields(await ctx.json().catch(() => ({})))
  fields.bool('deleteAfter')
  fields.bool('immediately')
  fields.done()
  if (id === ctx.state.myDocumentsId || id === ctx.state.roomsFolderId) {
    throw forbidden('Access denied')
  }
  ctx.state.deleteEntry(id)
  return ok([
    { id: randomUUID(), operation: DELETE_OPERATION, progress: 100, error: '', finished: true }
  ])
}

export function registerDeletionRoutes(router: Router): void {
  router.route('DELETE', '/api/2.0/files/folder/{id:int}', (ctx) =>
    remove(ctx, requireFolder(ctx).id)
  )
  router.route('DELETE', '/api/2.0/files/file/{id:int}', (ctx) => remove(ctx, requireFile(ctx).id))
}
