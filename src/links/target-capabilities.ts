// What links a target takes on this portal, from the entry's own sharing fields checked against the
// portal rules table. For rooms the room type and `shareSettings` are trusted over
// `availableShareRights`, which lists external rights even where the room takes no external link; for
// files the format decides as much as the rights the portal lists (PORTAL-RULES: a zip takes Read only).
import type { EntrySharingDto } from '../docspace/portal.js'
import type { Target } from '../request.js'
import { accessName, allowedAccess, parseAccess } from './access.js'
import { canManageLinks } from './share-rights.js'
import {
  fileKind,
  fileLinkAccess,
  roomLinkAccess,
  roomTypeName,
  type FileKind
} from './portal-rules.js'

export interface LinkTypeCapability {
  linkType: 'external' | 'invitation'
  /** Access names a link of this type may carry here; empty when the target takes no such link. */
  accesses: string[]
  /** Links of this type the target has now; null when they cannot be read (no share right). */
  links: number | null
  /** How many the portal allows, primary link included; null when the portal does not say. */
  limit: number | null
}

export interface TargetCapabilities {
  kind: Target['kind']
  id: number
  found: boolean
  title?: string
  roomType?: number
  roomTypeName?: string
  fileKind?: FileKind
  canShare: boolean
  /** Whether files can be created in it (folders and rooms; from `security.Create`). */
  canCreate?: boolean
  linkTypes: LinkTypeCapability[]
  /** Why the target could not be read, when it could not. */
  error?: string
}

function listedAccesses(rights: string[] | undefined): number[] | undefined {
  if (!Array.isArray(rights)) return undefined
  const out: number[] = []
  for (const right of rights) {
    try {
      const n = parseAccess(String(right))
      if (n !== 0 && !out.includes(n)) out.push(n)
    } catch {
      // A right this action has no name for (a newer server) cannot be asked for through it anyway.
    }
  }
  return out
}

function limitOf(settings: Record<string, number> | undefined): number | null {
  if (!settings || typeof settings !== 'object') return null
  const counts = ['PrimaryExternalLink', 'ExternalLink']
    .map((key) => settings[key])
    .filter((n): n is number => typeof n === 'number' && Number.isFinite(n))
  return counts.length === 0 ? null : counts.reduce((a, b) => a + b, 0)
}

function intersect(a: readonly number[], b: readonly number[] | undefined): number[] {
  return b === undefined ? [...a] : a.filter((n) => b.includes(n))
}

/**
 * The capabilities of a target read from its entry DTO, with the links counted by link type (external,
 * invitation) when the key could list them.
 */
export function targetCapabilities(
  target: Target,
  entry: EntrySharingDto & { title?: string; isForm?: boolean },
  counts: { external: number; invitation: number } | null
): TargetCapabilities {
  const canShare = canManageLinks(target, entry) === true
  const external = listedAccesses(entry.availableShareRights?.ExternalLink)
  const out: TargetCapabilities = {
    kind: target.kind,
    id: target.id,
    found: true,
    ...(typeof entry.title === 'string' ? { title: entry.title } : {}),
    canShare,
    linkTypes: []
  }
  if (target.kind !== 'file' && entry.security && typeof entry.security.Create === 'boolean') {
    out.canCreate = entry.security.Create
  }
  const limit = canShare ? limitOf(entry.shareSettings) : null
  if (target.kind === 'room') {
    const roomType = typeof entry.roomType === 'number' ? entry.roomType : undefined
    if (roomType !== undefined) {
      out.roomType = roomType
      out.roomTypeName = roomTypeName(roomType)
    }
    const ruleExternal = roomType === undefined ? undefined : roomLinkAccess(roomType, 1)
    const ruleInvitation = roomType === undefined ? undefined : roomLinkAccess(roomType, 0)
    out.linkTypes.push({
      linkType: 'external',
      accesses: (ruleExternal ?? external ?? []).map(accessName),
      links: counts?.external ?? null,
      limit: ruleExternal !== undefined && ruleExternal.length === 0 ? 0 : limit
    })
    out.linkTypes.push({
      linkType: 'invitation',
      accesses: (
        ruleInvitation ??
        listedAccesses(entry.availableShareRights?.InvitationLink) ??
        []
      ).map(accessName),
      links: counts?.invitation ?? null,
      limit: null
    })
    return out
  }
  let accesses: number[]
  if (target.kind === 'file') {
    const kind = fileKind(entry.title ?? '', entry.isForm === true)
    out.fileKind = kind
    accesses = intersect(fileLinkAccess(kind), external)
  } else {
    accesses = intersect(allowedAccess('folder', 1), external)
  }
  out.linkTypes.push({
    linkType: 'external',
    accesses: accesses.map(accessName),
    links: counts?.external ?? null,
    limit
  })
  return out
}
