// What the key's user may do with a target's links, checked before any write: the share right itself, and
// the accesses and link types the room type or the file's format allows. The portal refuses some of these
// with a 403 and ignores others (200, nothing changed), and without the share right it lists no links at
// all instead of failing: each case becomes one clear error here.
import type { LinkType, Target } from '../request.js'
import type { DocSpaceApi } from '../docspace/api.js'
import { currentUserName, getEntry, type EntryInfo } from '../docspace/entry.js'
import { listLinks } from '../docspace/links.js'
import type { FileShareDto } from '../docspace/types.js'
import { accessName, allowedAccess, describeAccess } from './access.js'
import {
  availableAccess,
  fileKind,
  fileKindName,
  fileLinkAccess,
  ignoresRefusedAccess,
  RoomType,
  roomLinkRules,
  roomTypeName,
  type FileKind
} from './portal-rules.js'

/** The share fields a listing entry or an entry read on its own carries. */
export type ShareRightsEntry = Pick<EntryInfo, 'canShare' | 'security' | 'title'> & {
  roomType?: number
}

export class ShareRightsError extends Error {}

function what(target: Target, entry: ShareRightsEntry): string {
  return `${target.kind} ${target.id}${entry.title ? ` "${entry.title}"` : ''}`
}

/**
 * Whether the key's user may manage the entry's links; undefined where the portal does not say.
 * Collaboration and Virtual data rooms always show `canShare: false`, since they take no external link:
 * their `security.EditAccess` tells instead.
 */
export function canManageLinks(
  target: Target,
  entry: Pick<ShareRightsEntry, 'canShare' | 'security' | 'roomType'>
): boolean | undefined {
  const roomWithoutExternal =
    target.kind === 'room' &&
    (entry.roomType === RoomType.Collaboration || entry.roomType === RoomType.VirtualData)
  return roomWithoutExternal
    ? entry.security?.EditAccess
    : (entry.canShare ?? entry.security?.EditAccess)
}

/**
 * Why the key's user cannot manage the entry's links, or undefined when it can (or the portal does not
 * say).
 */
export function missingShareRight(target: Target, entry: ShareRightsEntry): string | undefined {
  if (canManageLinks(target, entry) !== false) return undefined
  return (
    `cannot manage the links of ${what(target, entry)}: it lacks the share right there ` +
    '(`canShare` is false; in a room it takes the room-manager role or ownership, even for a portal ' +
    "admin, and nobody may read another user's My documents). The portal lists no links to such a " +
    'user, so the action cannot tell whether there are any'
  )
}

/** One line naming the entry, the user and the missing right; for sweep and enforce-limits too. */
export function shareRightsFailure(
  target: Target,
  entry: ShareRightsEntry,
  user?: string
): string | undefined {
  const missing = missingShareRight(target, entry)
  if (!missing) return undefined
  return `The key's user${user ? ` ${user}` : ''} ${missing}`
}

/** Throws a ShareRightsError when the key's user cannot manage the entry's links. */
export async function requireShareRights(
  client: DocSpaceApi,
  target: Target,
  entry: ShareRightsEntry
): Promise<void> {
  if (!missingShareRight(target, entry)) return
  const failure = shareRightsFailure(target, entry, await currentUserName(client))
  throw new ShareRightsError(failure)
}

/**
 * The target's links; an empty list is checked against the entry's share right (read when not given), so
 * that "no links" is never reported where the key's user simply cannot see them.
 */
export async function listManagedLinks(
  client: DocSpaceApi,
  target: Target,
  options: { linkType?: LinkType; entry?: ShareRightsEntry } = {}
): Promise<FileShareDto[]> {
  const links = await listLinks(client, target, { linkType: options.linkType })
  if (links.length > 0) return links
  const entry = options.entry ?? (await getEntry(client, target))
  await requireShareRights(client, target, entry)
  return links
}

/** What a link of one type may carry on one entry, and how the portal treats anything else. */
export interface AccessRule {
  allowed: readonly number[]
  /** `on file 12 "app.zip" (a file the editors cannot open …)`. */
  where: string
  /** The portal ignores a refused access (200, nothing changed) instead of a 403. */
  silent: boolean
  kind?: FileKind
}

/** The accesses a link of `linkType` may carry on the entry. */
export function accessRule(target: Target, entry: EntryInfo, linkType: LinkType): AccessRule {
  const name = what(target, entry)
  if (target.kind === 'room') {
    const roomType = entry.roomType ?? 0
    const rules = roomLinkRules(roomType)
    const type = linkType === 0 ? 'invitation' : 'external'
    const where = `on ${type} links of ${name} (a ${roomTypeName(roomType)})`
    if (rules)
      return { allowed: linkType === 0 ? rules.invitation : rules.external, where, silent: false }
    return { allowed: allowedAccess('room', linkType), where, silent: false }
  }
  if (target.kind === 'file') {
    const kind = fileKind(entry.title, entry.isForm === true)
    // The portal's own list for this file and user, where it sends one; else the format's rules.
    const allowed = availableAccess(entry.availableShareRights, 'ExternalLink') ?? [
      ...fileLinkAccess(kind)
    ]
    return {
      allowed,
      where: `on ${name}, ${fileKindName(kind)}`,
      silent: ignoresRefusedAccess(kind),
      kind
    }
  }
  const allowed =
    availableAccess(entry.availableShareRights, 'ExternalLink') ?? allowedAccess('folder', 1)
  return { allowed, where: `on ${name}`, silent: false }
}

/** One line, before any write, when the access is not one the entry takes. */
export function checkAccess(access: number, rule: AccessRule): void {
  if (rule.allowed.includes(access)) return
  const list = rule.allowed.map((n) => `\`${accessName(n)}\``).join(', ')
  const consequence = rule.silent
    ? 'DocSpace would answer 200 and ignore it'
    : 'DocSpace refuses it'
  throw new ShareRightsError(
    `Input \`access\`: ${describeAccess(access)} is not allowed ${rule.where} (${consequence}); ` +
      (list
        ? `use one of ${list}, like \`${accessName(rule.allowed[0])}\``
        : 'it takes no such link')
  )
}

/**
 * Link types and link counts a room type does not allow, before a new room link is created: Collaboration
 * and Virtual data rooms take no external link, Form-filling rooms none besides their primary link.
 */
export function checkRoomLinkType(target: Target, entry: EntryInfo, linkType: LinkType): void {
  if (target.kind !== 'room' || linkType !== 1) return
  const roomType = entry.roomType ?? 0
  const rules = roomLinkRules(roomType)
  if (!rules) return
  if (rules.external.length === 0 || rules.extraExternalLinks === 0) {
    const extra = rules.external.length === 0 ? '' : ' besides its primary link'
    throw new ShareRightsError(
      `Input \`link-type\`: ${what(target, entry)} is a ${roomTypeName(roomType)}, which takes no ` +
        `external links${extra}; use \`link-type: invitation\`` +
        (rules.invitation.length
          ? ` (accesses ${rules.invitation.map(accessName).join(', ')})`
          : '')
    )
  }
}

/**
 * `internal` values a room type fixes: Virtual data rooms keep links internal, Public rooms public. An
 * update that asks otherwise is dropped whole by the portal, so it is refused here first.
 */
export function checkInternal(
  target: Target,
  entry: EntryInfo,
  internal: boolean | undefined
): void {
  if (target.kind !== 'room' || internal === undefined) return
  const fixed =
    entry.roomType === RoomType.VirtualData
      ? true
      : entry.roomType === RoomType.Public
        ? false
        : undefined
  if (fixed === undefined || fixed === internal) return
  throw new ShareRightsError(
    `Input \`internal\`: ${what(target, entry)} is a ${roomTypeName(entry.roomType ?? 0)}, whose links are ` +
      `always ${fixed ? 'internal' : 'public'}; leave \`internal\` out or set it to \`${fixed}\``
  )
}
