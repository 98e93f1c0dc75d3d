import type { FileShareDto, SharedLinkDto } from '../docspace/types.js'
import { sharedLinkOf } from '../docspace/shared-link.js'
import { isoUtc } from '../time/iso-date.js'
import { accessName } from './access.js'
import { decodeTitle, hasExactTag } from './title-tag.js'

// Kept importable from here, where the links are read.
export { isoUtc, sharedLinkOf }

/** A link as this action outputs it: no password, no token, the title without the action's tag. */
export interface ShareLink {
  id: string
  title: string
  shareUrl: string
  access: string
  /** ISO 8601 UTC; empty when the link never expires. */
  expiresAt: string
  expired: boolean
  primary: boolean
  internal: boolean
  denyDownload: boolean
  hasPassword: boolean
  linkType: 'external' | 'invitation'
  /** The download limit kept in the title tag; null when the link has none. */
  maxDownloads: number | null
  /** When this action created the link (from the title tag); empty for links it did not create. */
  createdAt: string
}

/** A link with every field empty: the base of entries that describe no link, or only part of one. */
export function blankShareLink(title = ''): ShareLink {
  return {
    id: '',
    title,
    shareUrl: '',
    access: '',
    expiresAt: '',
    expired: false,
    primary: false,
    internal: false,
    denyDownload: false,
    hasPassword: false,
    linkType: 'external',
    maxDownloads: null,
    createdAt: ''
  }
}

/** The link's expiry as a moment; undefined when it never expires (or what came is no date at all). */
export function expiryOf(link: SharedLinkDto): Date | undefined {
  if (typeof link.expirationDate !== 'string') return undefined
  const at = new Date(link.expirationDate)
  return Number.isNaN(at.getTime()) ? undefined : at
}

/** Expired only on a real date: `null`, `0` or a broken date never makes a link expired. */
export function isExpired(link: SharedLinkDto, now: Date): boolean {
  const at = expiryOf(link)
  if (at === undefined) return false
  return link.isExpired === true || at <= now
}

export function toShareLink(dto: FileShareDto, now: Date): ShareLink {
  const link = sharedLinkOf(dto)
  if (!link) throw new Error('the portal returned a share entry without a link')
  const { display, tag } = decodeTitle(link.title ?? '')
  const expiry = expiryOf(link)
  return {
    id: link.id,
    title: display,
    shareUrl: link.shareLink ?? '',
    access: accessName(dto.access),
    expiresAt: expiry ? isoUtc(expiry) : '',
    expired: isExpired(link, now),
    primary: link.primary ?? dto.subjectType === 4,
    internal: link.internal ?? false,
    denyDownload: link.denyDownload ?? false,
    hasPassword: Boolean(link.password),
    linkType: link.linkType === 0 ? 'invitation' : 'external',
    maxDownloads: tag?.maxDownloads ?? null,
    // Only the tag exactly as the action writes it says the action made the link (max-age revokes on it).
    createdAt: tag?.createdAt && hasExactTag(link.title ?? '') ? isoUtc(tag.createdAt) : ''
  }
}
