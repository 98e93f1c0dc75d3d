// Share links of files, folders and rooms.
import type { RequestContext } from '../context.js'
import type { Router } from '../router.js'
import type { EntryRecord, LinkRecord } from '../state.js'
import { ApiError, ok } from '../http.js'
import { intQuery, paging } from '../binding.js'
import { fileShareDto } from '../dto.js'
import type { LinkEndpoint } from '../link-rules.js'
import {
  DEFAULT_PRIMARY,
  primaryLink,
  readLinkRequest,
  readPrimaryRequest,
  setLink
} from '../link-rules.js'
import { callerId, requireFile, requireFolder, requireRoom } from './lookup.js'
import { linksVisible } from '../listing.js'

const accessDenied = (): ApiError =>
  new ApiError(403, 'Access denied', 'System.Security.SecurityException', -2146233078)

/** Folder and room lists ignore paging: always the first 100, with no total. */
const FIXED_WINDOW = 100

const dtos = (ctx: RequestContext, links: LinkRecord[]) =>
  links.map((l) => fileShareDto(l, ctx.state, ctx.portal))

// Without share rights the server answers an empty list, not an error (FileSharing.cs L704-728).
const visible = (ctx: RequestContext, entry: EntryRecord, links: LinkRecord[]) =>
  linksVisible(ctx.state, entry.id) ? links : []

async function putLink(ctx: RequestContext, entry: EntryRecord, endpoint: LinkEndpoint) {
  if (!linksVisible(ctx.state, entry.id)) throw accessDenied()
  const request = readLinkRequest(await ctx.json(), endpoint)
  const change = setLink(ctx.state, entry, request, callerId(ctx))
  if (!change.link) return ok(undefined)
  return ok(
    fileShareDto(change.link, ctx.state, ctx.portal, {
      withoutRequestToken: change.withoutRequestToken
    })
  )
}

/** The reply of the get-or-create endpoints: no `response` when nothing exists or was made. */
function primaryReply(ctx: RequestContext, link: LinkRecord | undefined) {
  return ok(link && fileShareDto(link, ctx.state, ctx.portal))
}

export function registerLinkRoutes(router: Router): void {
  // ---- lists ----
  router.route('GET', '/api/2.0/files/file/{id:int}/links', (ctx) => {
    const file = requireFile(ctx)
    const { startIndex, count } = paging(ctx.query)
    const all = visible(ctx, file, ctx.state.links('file', file.id))
    const page = all.slice(startIndex, startIndex + count)
    return ok(dtos(ctx, page), { total: all.length })
  })

  router.route('GET', '/api/2.0/files/folder/{id:int}/links', (ctx) => {
    const folder = requireFolder(ctx)
    const page = visible(ctx, folder, ctx.state.links('folder', folder.id)).slice(0, FIXED_WINDOW)
    return ok(dtos(ctx, page), { count: page.length })
  })

  router.route('GET', '/api/2.0/files/rooms/{id:int}/links', (ctx) => {
    const room = requireRoom(ctx)
    const type = intQuery(ctx.query, 'type')
    const page = visible(ctx, room, ctx.state.links('room', room.id))
      .filter((l) => type === undefined || l.linkType === type)
      .slice(0, FIXED_WINDOW)
    return ok(dtos(ctx, page), { count: page.length })
  })

  // ---- create / replace / delete ----
  router.route('PUT', '/api/2.0/files/file/{id:int}/links', (ctx) =>
    putLink(ctx, requireFile(ctx), 'file')
  )
  router.route('PUT', '/api/2.0/files/folder/{id:int}/links', (ctx) =>
    putLink(ctx, requireFolder(ctx), 'folder')
  )
  router.route('PUT', '/api/2.0/files/rooms/{id:int}/links', (ctx) =>
    putLink(ctx, requireRoom(ctx), 'room')
  )

  // ---- primary link, get-or-create ----
  router.route('POST', '/api/2.0/files/file/{id:int}/link', async (ctx) => {
    const file = requireFile(ctx)
    const init = readPrimaryRequest(await ctx.json(), 'file')
    return primaryReply(ctx, primaryLink(ctx.state, file, init, callerId(ctx)))
  })
  router.route('GET', '/api/2.0/files/file/{id:int}/link', (ctx) =>
    primaryReply(ctx, primaryLink(ctx.state, requireFile(ctx), DEFAULT_PRIMARY, callerId(ctx)))
  )
  router.route('POST', '/api/2.0/files/folder/{id:int}/link', async (ctx) => {
    const folder = requireFolder(ctx)
    const init = readPrimaryRequest(await ctx.json(), 'folder')
    return primaryReply(ctx, primaryLink(ctx.state, folder, init, callerId(ctx)))
  })
  router.route('GET', '/api/2.0/files/folder/{id:int}/link', (ctx) =>
    primaryReply(ctx, primaryLink(ctx.state, requireFolder(ctx), DEFAULT_PRIMARY, callerId(ctx)))
  )
  router.route('GET', '/api/2.0/files/rooms/{id:int}/link', (ctx) =>
    primaryReply(ctx, primaryLink(ctx.state, requireRoom(ctx), DEFAULT_PRIMARY, callerId(ctx)))
  )
}
