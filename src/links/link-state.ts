import type { LinkType, Target } from '../request.js'
import type { FileShareDto, LinkRequestBody } from '../docspace/types.js'
import { accessName } from './access.js'
import { isoUtc, sharedLinkOf, type ShareLink } from './share-link.js'
import { decodeTitle } from './title-tag.js'

/** Everything DocSpace keeps on a link. A PUT must carry all of it, or the server resets what is left out. */
export interface LinkState {
  access: number
  /** The full title, tag included. */
  title: string
  /** null: never expires. */
  expiration: Date | null
  password?: string
  denyDownload: boolean
  internal: boolean
  primary: boolean
  linkType: LinkType
  maxUseCount?: number
}

export function linkStateOf(dto: FileShareDto): LinkState {
  const link = sharedLinkOf(dto)
  if (!link) throw new Error('the portal returned a share entry without a link')
  return {
    access: dto.access,
    title: link.title ?? '',
    expiration: link.expirationDate ? new Date(link.expirationDate) : null,
    password: link.password || undefined,
    denyDownload: link.denyDownload ?? false,
    internal: link.internal ?? false,
    primary: link.primary ?? dto.subjectType === 4,
    linkType: link.linkType === 0 ? 0 : 1,
    maxUseCount: link.maxUseCount
  }
}

export function linkRequestBody(
  target: Target,
  state: LinkState,
  linkId?: string
): LinkRequestBody {
  const body: LinkRequestBody = {
    access: state.access,
    title: state.title,
    denyDownload: state.denyDownload,
    internal: state.internal
  }
  if (linkId) body.linkId = linkId
  if (state.expiration) body.expirationDate = state.expiration.toISOString()
  if (state.password) body.password = state.password
  if (target.kind === 'room') {
    // The server treats a room link PUT without linkType as an invitation link, revokes included.
    body.linkType = state.linkType
    if (state.linkType === 0 && state.maxUseCount !== undefined)
      body.maxUseCount = state.maxUseCount
  } else {
    body.primary = state.primary
  }
  return body
}

/**
 * The body that deletes a link: access 0 on its id, with the room link's own type. A revoke is an update
 * like any other, so it carries what the link has stored: an absent `internal` counts as false and an absent
 * expiry as none, and a room that forbids changing them (Virtual data rooms keep links internal,
 * Form-filling rooms keep their expiry) would drop the whole revoke.
 */
export function revokeRequestBody(target: Target, dto: FileShareDto): LinkRequestBody {
  const link = sharedLinkOf(dto)
  // Without `linkId` the same PUT creates a link: never send a revoke that is not tied to one.
  if (!link?.id) throw new Error('a link without an id cannot be revoked')
  const body: LinkRequestBody = { linkId: link.id, access: 0, internal: link.internal ?? false }
  if (link.expirationDate) body.expirationDate = link.expirationDate
  if (target.kind === 'room') body.linkType = link.linkType === 0 ? 0 : 1
  return body
}

/**
 * Whether the answer to a revoke shows the link still there: the portal answers a revoke it drops with
 * the link unchanged (same id), a revoke it carries out with nothing or with a new primary link.
 */
export function revokeKept(revoked: FileShareDto, reply: FileShareDto | undefined): boolean {
  const id = sharedLinkOf(revoked)?.id.toLowerCase()
  const after = reply ? sharedLinkOf(reply)?.id.toLowerCase() : undefined
  return id !== undefined && after === id
}

/** How a link in this state will look, for dry runs that change nothing. */
export function previewShareLink(state: LinkState, id = '', shareUrl = ''): ShareLink {
  const { display, tag } = decodeTitle(state.title)
  return {
    id,
    title: display,
    shareUrl,
    access: accessName(state.access),
    expiresAt: state.expiration ? isoUtc(state.expiration) : '',
    expired: false,
    primary: state.primary,
    internal: state.internal,
    denyDownload: state.denyDownload,
    hasPassword: Boolean(state.password),
    linkType: state.linkType === 0 ? 'invitation' : 'external',
    maxDownloads: tag?.maxDownloads ?? null,
    createdAt: tag?.createdAt ? isoUtc(tag.createdAt) : ''
  }
}
