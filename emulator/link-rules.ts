// What PUT …/links and the primary-link endpoints do to an entry's links: full replacement, the
// access sets, expiry rules, password policy, link limits, and the journal events.
import { randomUUID } from 'node:crypto'
import { BodyFields, EMPTY_GUID } from './binding.js'
import { badRequest, forbidden } from './http.js'
import { addYears } from './dates.js'
import { FileShare, LinkActions, LinkType, RoomType, SubjectType } from './enums.js'
import type { EmulatorState, EntryRecord, LinkRecord } from './state.js'
import {
  fileFormat,
  formatAccesses,
  roomAccesses,
  roomRule,
  skipsRefusedAccess
} from './portal-rules.js'
import { DEFAULT_LINK_TITLE, entryTypeOf } from './state.js'

/** Which PUT endpoint the request came through; it decides which body properties exist. */
export type LinkEndpoint = 'file' | 'folder' | 'room'

export interface LinkRequest {
  /** Undefined for an omitted, empty or all-zero id: a new link. */
  linkId?: string
  /** 0 deletes. */
  access: number
  title?: string
  expirationDate?: Date
  password?: string
  denyDownload: boolean
  internal: boolean
  primary: boolean
  /** Rooms: 0 invitation (the default), 1 external. Files and folders: always external. */
  linkType: number
  maxUseCount?: number
}

const MAX_LINK_LIFETIME_YEARS = 10
const PASSWORD_MIN = 8
const PASSWORD_MAX = 30

export const ENTRY_LINK_ACCESS: readonly number[] = [
  FileShare.Editing,
  FileShare.FillForms,
  FileShare.Review,
  FileShare.Comment,
  FileShare.Read,
  FileShare.None
]
export const ROLE_NOT_AVAILABLE = 'The role is not available for this user type'

/** Binds the body of PUT files/file|folder|rooms/{id}/links (throws 400 validation). */
export function readLinkRequest(body: unknown, endpoint: LinkEndpoint): LinkRequest {
  const f = new BodyFields(body)
  const linkId = f.guid('linkId')
  const trim = endpoint === 'folder' ? (s?: string) => s?.trim() : (s?: string) => s
  const request: LinkRequest = {
    linkId: linkId === EMPTY_GUID ? undefined : linkId,
    access: f.fileShare('access'),
    title: f.string('title', 255),
    expirationDate: f.date('expirationDate'),
    password: trim(f.string('password', 255)),
    denyDownload: f.bool('denyDownload') ?? false,
    internal: f.bool('internal') ?? false,
    primary: endpoint === 'room' ? false : (f.bool('primary') ?? false),
    linkType: LinkType.External,
    maxUseCount: undefined
  }
  if (endpoint === 'room') {
    request.linkType = f.int('linkType', { min: 0, max: 1 }) ?? LinkType.Invitation
    request.maxUseCount = f.int('maxUseCount', { min: 1, max: 1000 })
  }
  f.done()
  return request
}

/** Binds the body of POST files/file|folder/{id}/link (get-or-create primary). */
export function readPrimaryRequest(body: unknown, endpoint: 'file' | 'folder'): PrimaryInit {
  const f = new BodyFields(body)
  const init: PrimaryInit = {
    access: f.fileShare('access'),
    // Files ignore the title; folders use it trimmed.
    title: endpoint === 'folder' ? f.string('title', 255)?.trim() : undefined,
    expirationDate: f.date('expirationDate'),
    password: f.string('password', 255),
    denyDownload: f.bool('denyDownload') ?? false,
    internal: f.bool('internal') ?? false
  }
  f.done()
  return init
}

export interface PrimaryInit {
  access: number
  title?: string
  expirationDate?: Date
  password?: string
  denyDownload: boolean
  internal: boolean
  /** Made by GET …/link: the portal's internal-by-default setting applies (POST takes the body as is). */
  byGet?: boolean
}

export interface LinkChange {
  /** The resulting link; undefined after a deletion (or when nothing existed to delete). */
  link?: LinkRecord
  /** The reply omits the share token (a room's replaced primary link). */
  withoutRequestToken?: boolean
}

function checkPassword(password: string | undefined): string | undefined {
  if (password === undefined || password === '') return undefined
  const valid =
    password.length >= PASSWORD_MIN &&
    password.length <= PASSWORD_MAX &&
    /^[\x21-\x7E]+$/.test(password)
  if (!valid) {
    throw badRequest(
      `Password must contain: from ${PASSWORD_MIN} to ${PASSWORD_MAX} characters, only Latin letters, no spaces`
    )
  }
  return password
}

const EXPIRATION_OUT_OF_RANGE =
  "Value does not fall within the expected range. (Parameter 'expirationDate')"

/** Past dates are dropped (the link never expires), except where `pastIsError`. */
function checkExpiration(date: Date | undefined, now: Date, pastIsError: boolean): Date | null {
  if (!date) return null
  if (date.getTime() <= now.getTime()) {
    if (pastIsError) throw badRequest(EXPIRATION_OUT_OF_RANGE)
    return null
  }
  if (date.getTime() > addYears(now, MAX_LINK_LIFETIME_YEARS).getTime()) {
    throw badRequest(EXPIRATION_OUT_OF_RANGE)
  }
  return date
}

/** The accesses a link of this type may carry on this entry. */
function allowedAccess(entry: EntryRecord, linkType: number): readonly number[] {
  if (entry.kind === 'room') return roomAccesses(entry.roomType, linkType)
  if (entry.kind === 'file') return formatAccesses(fileFormat(entry.title, entry.isForm))
  return ENTRY_LINK_ACCESS
}

/** How many links of this kind (primary excluded) an entry may have. */
function linkLimit(state: EmulatorState, entry: EntryRecord, linkType: number): number {
  if (entry.kind === 'room') {
    return linkType === LinkType.Invitation ? 1 : roomRule(entry.roomType).extraExternal
  }
  return state.roomOf(entry.id)?.roomType === RoomType.PublicRoom ? 5 : 6
}

/** Room type rules that override the requested `internal`, then the portal's default for new links. */
function forcedInternal(
  state: EmulatorState,
  entry: EntryRecord,
  requested: boolean,
  creating: boolean
): boolean {
  const roomType = state.roomOf(entry.id)?.roomType
  if (roomType === RoomType.VirtualDataRoom) return true
  if (roomType === RoomType.PublicRoom) return false
  // FileStorageService.cs L5967-6003: the "share links internal by default" setting turns a new link
  // internal when it is made by PUT with no link id or by GET …/link.
  if (creating && state.settings.internalLinksByDefault) return true
  return requested
}

/** Whether the key's user may change `internal` on links here (FileSecurity.cs L1377-1385). */
export function canEditInternal(roomType: number | undefined): boolean {
  return roomType !== RoomType.VirtualDataRoom && roomType !== RoomType.PublicRoom
}

/** Whether the expiry of this link can be changed (FileSecurity.cs L1741). */
export function canEditExpiration(roomType: number | undefined, primary: boolean): boolean {
  return roomType !== RoomType.FillingFormsRoom && !(primary && roomType === RoomType.PublicRoom)
}

/**
 * FileSharing.cs L206, L218: an update (a revoke included) that changes `internal` or the expiry where
 * the user may not change them is dropped whole: 200, the link as it was.
 */
function dropsUpdate(
  state: EmulatorState,
  existing: LinkRecord,
  internal: boolean,
  expiration: Date | null
): boolean {
  const roomType = state.roomOf(existing.entryId)?.roomType
  const primary = existing.subjectType === SubjectType.PrimaryExternalLink
  if (internal !== existing.internal && !canEditInternal(roomType)) return true
  const before = existing.expirationDate?.getTime() ?? null
  const after = expiration?.getTime() ?? null
  return before !== after && !canEditExpiration(roomType, primary)
}

/** FileSharing.cs L704-728 (reading) and SetAceObjectAsync (writing): share rights or "Access denied". */
export function requireShareRights(state: EmulatorState, entry: EntryRecord, userId: string): void {
  if (!state.canShare(entry.id, userId)) throw forbidden(ACCESS_DENIED)
}

export const ACCESS_DENIED = 'Access denied'

function actionsFor(entry: EntryRecord, linkType: number) {
  if (entry.kind === 'file') return LinkActions.file
  if (entry.kind === 'folder') return LinkActions.folder
  return linkType === LinkType.Invitation ? LinkActions.roomInvitation : LinkActions.room
}

function journal(
  state: EmulatorState,
  entry: EntryRecord,
  actionId: number,
  userId: string,
  link: LinkRecord,
  at: Date
): void {
  state.record({
    at,
    actionId,
    target: [String(entry.id)],
    entryType: entryTypeOf(entry),
    userId,
    description: [entry.title, link.title]
  })
}

/** Applies PUT …/links: create, replace (full replacement) or delete one link of `entry`. */
export function setLink(
  state: EmulatorState,
  entry: EntryRecord,
  request: LinkRequest,
  userId: string,
  now = new Date()
): LinkChange {
  requireShareRights(state, entry, userId)
  const existing = request.linkId ? state.link(entry.id, request.linkId) : undefined
  // An existing link keeps what it is: its subject type and link type win over the body.
  const linkType =
    existing?.linkType ?? (entry.kind === 'room' ? request.linkType : LinkType.External)
  const invitation = linkType === LinkType.Invitation
  const actions = actionsFor(entry, linkType)

  if (request.access === FileShare.None) {
    if (!existing) return {}
    // FileSecurity.cs L3381, FileSharing.cs L197: a folder's links are revoked by its creator only.
    if (entry.kind === 'folder' && entry.createdBy !== userId) throw forbidden(ACCESS_DENIED)
    // A revoke is an update like any other: an absent `internal` counts as false, an absent date as none.
    const date = request.expirationDate ?? null
    if (dropsUpdate(state, existing, request.internal, date)) return { link: existing }
    state.deleteLink(entry.id, existing.id)
    journal(state, entry, actions.deleted, userId, existing, now)
    return replaceRevokedPrimary(state, entry, existing, userId, now)
  }

  if (!allowedAccess(entry, linkType).includes(request.access)) {
    // FileSharing.cs L156-165: on a file the editors cannot open, the access is skipped silently.
    if (entry.kind === 'file' && skipsRefusedAccess(fileFormat(entry.title, entry.isForm))) {
      return existing ? { link: existing } : {}
    }
    throw forbidden(ROLE_NOT_AVAILABLE)
  }
  let expirationDate = checkExpiration(request.expirationDate, now, invitation)
  const password = invitation ? undefined : checkPassword(request.password)

  let subjectType = existing?.subjectType
  if (subjectType === undefined) {
    const hasPrimary = state
      .links(entry.kind, entry.id)
      .some((l) => l.subjectType === SubjectType.PrimaryExternalLink)
    subjectType = invitation
      ? SubjectType.InvitationLink
      : request.primary && !hasPrimary
        ? SubjectType.PrimaryExternalLink
        : SubjectType.ExternalLink
    if (subjectType !== SubjectType.PrimaryExternalLink) {
      const limit = linkLimit(state, entry, linkType)
      const current = state
        .links(entry.kind, entry.id)
        .filter((l) => l.subjectType === subjectType).length
      if (current >= limit) throw forbidden(`The maximum number of links may not exceed ${limit}`)
    }
  }

  let maxUseCount: number | undefined
  if (invitation) {
    maxUseCount = request.maxUseCount
    if (existing && maxUseCount !== undefined && maxUseCount < existing.currentUseCount) {
      throw badRequest("Value does not fall within the expected range. (Parameter 'maxUseCount')")
    }
  }
  const roomType = state.roomOf(entry.id)?.roomType
  if (
    entry.kind === 'room' &&
    subjectType === SubjectType.PrimaryExternalLink &&
    (roomType === RoomType.PublicRoom || roomType === RoomType.FillingFormsRoom)
  ) {
    expirationDate = null
  }

  const fields = {
    title: request.title ? request.title : DEFAULT_LINK_TITLE,
    access: request.access,
    expirationDate,
    password,
    denyDownload: invitation ? false : request.denyDownload,
    internal: forcedInternal(state, entry, request.internal, !existing),
    maxUseCount
  }
  if (existing) {
    if (dropsUpdate(state, existing, request.internal, expirationDate)) return { link: existing }
    Object.assign(existing, fields)
    journal(state, entry, actions.updated, userId, existing, now)
    return { link: existing }
  }
  const link = state.insertLink({
    id: request.linkId ?? randomUUID(),
    entryId: entry.id,
    subjectType,
    linkType,
    currentUseCount: 0,
    createdAt: now,
    ...fields
  })
  journal(state, entry, actions.created, userId, link, now)
  return { link }
}

/** Public and form-filling rooms always keep a primary link: revoking one makes a new one. */
function replaceRevokedPrimary(
  state: EmulatorState,
  entry: EntryRecord,
  revoked: LinkRecord,
  userId: string,
  now: Date
): LinkChange {
  const roomType = entry.kind === 'room' ? entry.roomType : undefined
  if (
    revoked.subjectType !== SubjectType.PrimaryExternalLink ||
    (roomType !== RoomType.PublicRoom && roomType !== RoomType.FillingFormsRoom)
  ) {
    return {}
  }
  const link = state.insertLink({
    id: randomUUID(),
    entryId: entry.id,
    title: DEFAULT_LINK_TITLE,
    access: roomType === RoomType.PublicRoom ? FileShare.Read : FileShare.FillForms,
    expirationDate: null,
    denyDownload: false,
    internal: false,
    subjectType: SubjectType.PrimaryExternalLink,
    linkType: LinkType.External,
    currentUseCount: 0,
    createdAt: now
  })
  journal(state, entry, LinkActions.roomRevoked, userId, link, now)
  return { link, withoutRequestToken: true }
}

/**
 * Get-or-create of the primary external link: an existing one is returned unchanged; otherwise one
 * is made from `init` (no default expiry). Access None creates nothing.
 */
export function primaryLink(
  state: EmulatorState,
  entry: EntryRecord,
  init: PrimaryInit,
  userId: string,
  now = new Date()
): LinkRecord | undefined {
  requireShareRights(state, entry, userId)
  const found = state
    .links(entry.kind, entry.id)
    .find((l) => l.subjectType === SubjectType.PrimaryExternalLink)
  if (found) return found
  if (init.access === FileShare.None) return undefined
  if (!allowedAccess(entry, LinkType.External).includes(init.access)) {
    if (entry.kind === 'file' && skipsRefusedAccess(fileFormat(entry.title, entry.isForm))) {
      return undefined
    }
    throw forbidden(ROLE_NOT_AVAILABLE)
  }
  const link = state.insertLink({
    id: randomUUID(),
    entryId: entry.id,
    title: init.title ? init.title : DEFAULT_LINK_TITLE,
    access: init.access,
    expirationDate: checkExpiration(init.expirationDate, now, false),
    password: checkPassword(init.password),
    denyDownload: init.denyDownload,
    internal: forcedInternal(state, entry, init.internal, init.byGet ?? false),
    subjectType: SubjectType.PrimaryExternalLink,
    linkType: LinkType.External,
    currentUseCount: 0,
    createdAt: now
  })
  journal(state, entry, actionsFor(entry, LinkType.External).created, userId, link, now)
  return link
}

/** The body of GET …/link: a Read link with no expiry. */
export const DEFAULT_PRIMARY: PrimaryInit = {
  access: FileShare.Read,
  denyDownload: false,
  internal: false,
  byGet: true
}
