import type { FileShareDto, SharedLinkDto } from '../docspace/types.js'
import { accessName } from './access.js'
import { decodeTitle } from './title-tag.js'

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

/** ISO 8601 in UTC without milliseconds when they are zero: `2026-12-31T23:59:59Z`. */
export function isoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z')
}

export function sharedLinkOf(dto: FileShareDto): SharedLinkDto | undefined {
  return dto.sharedLink ?? dto.sharedTo
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
