import type { FileShareDto, SharedLinkDto } from '../docspace/types.js'
import { sharedLinkOf } from '../docspace/shared-link.js'
import { isoUtc } from '../time/iso-date.js'
import { accessName } from './access.js'
import { decodeTitle } from './title-tag.js'

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

export function isExpired(link: SharedLinkDto, now: Date): boolean {
  if (link.isExpired) return true
  return link.expirationDate !== undefined && new Date(link.expirationDate) <= now
}

export function toShareLink(dto: FileShareDto, now: Date): ShareLink {
  const link = sharedLinkOf(dto)
  if (!link) throw new Error('the portal returned a share entry without a link')
  const { display, tag } = decodeTitle(link.title ?? '')
  return {
    id: link.id,
    title: display,
    shareUrl: link.shareLink ?? '',
    access: accessName(dto.access),
    expiresAt: link.expirationDate ? isoUtc(new Date(link.expirationDate)) : '',
    expired: isExpired(link, now),
    primary: link.primary ?? dto.subjectType === 4,
    internal: link.internal ?? false,
    denyDownload: link.denyDownload ?? false,
    hasPassword: Boolean(link.password),
    linkType: link.linkType === 0 ? 'invitation' : 'external',
    maxDownloads: tag?.maxDownloads ?? null,
    createdAt: tag?.createdAt ? isoUtc(tag.createdAt) : ''
  }
}
