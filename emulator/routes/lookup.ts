// Entry lookups shared by the route areas, with the server's 404 messages.
import type { RequestContext } from '../context.js'
import { notFound } from '../http.js'
import type { FileRecord, FolderLike, RoomRecord } from '../state.js'

export const FILE_NOT_FOUND = 'The required file was not found'

function idParam(ctx: RequestContext, name: string): number {
  return Number(ctx.params[name])
}

export function requireFile(ctx: RequestContext, param = 'id'): FileRecord {
  const file = ctx.state.file(idParam(ctx, param))
  if (!file) throw notFound(FILE_NOT_FOUND)
  return file
}

/** A folder or a room: rooms are folders. */
export function requireFolder(ctx: RequestContext, param = 'id'): FolderLike {
  const folder = ctx.state.folder(idParam(ctx, param))
  if (!folder) throw notFound()
  return folder
}

export function requireRoom(ctx: RequestContext, param = 'id'): RoomRecord {
  const room = ctx.state.room(idParam(ctx, param))
  if (!room) throw notFound()
  return room
}

/** The authenticated caller's id (routes are authorized unless registered as anonymous). */
export function callerId(ctx: RequestContext): string {
  if (!ctx.user) throw new Error('callerId() on an anonymous route')
  return ctx.user.id
}
