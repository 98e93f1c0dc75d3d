import { isoSeconds, parseIso } from '../time/iso-date.js'

// DocSpace stores no download limit and no creation time for a link, so the action keeps both in the
// link's title, as a tag at its end:
//
//   Release v1.2 [max-downloads=3 created=2026-11-23T10:00:00Z]
//   Release v1.2 [created=2026-11-23T10:00:00Z]          (no download limit)
//
// Only a well-formed tag at the very end counts. Inside the brackets: `key=value` pairs separated by
// spaces, in any order; keys are matched without regard to case; unknown keys are skipped (room for
// later versions) but at least one known key must be there, so that a title like `Report [v=2]` stays
// a plain title. Anything that is not such a tag is part of the display title.

export interface TitleTag {
  maxDownloads?: number
  createdAt?: Date
}

/** DocSpace refuses longer link titles. */
export const MAX_TITLE_LENGTH = 255

const ELLIPSIS = '…'
const PAIR = /^([A-Za-z][A-Za-z0-9-]*)=(\S+)$/

/** The title DocSpace stores: the display title followed by the tag, at most 255 characters. */
export function encodeTitle(display: string, tag: TitleTag): string {
  const parts: string[] = []
  if (tag.maxDownloads !== undefined) {
    if (!Number.isSafeInteger(tag.maxDownloads) || tag.maxDownloads < 1) {
      throw new Error(`A download limit must be a positive whole number (got ${tag.maxDownloads})`)
    }
    parts.push(`max-downloads=${tag.maxDownloads}`)
  }
  if (tag.createdAt !== undefined) {
    const year = tag.createdAt.getUTCFullYear()
    // Outside years 0-9999 toISOString writes `+010000-…`, which no ISO 8601 reader here reads back.
    if (Number.isNaN(tag.createdAt.getTime()) || year < 0 || year > 9999) {
      throw new Error('A link creation time must be a valid date between the years 0 and 9999')
    }
    parts.push(`created=${isoSeconds(tag.createdAt)}`)
  }
  const text = display.trim()
  if (parts.length === 0) return shorten(text, MAX_TITLE_LENGTH)
  const written = tagText(tag)
  if (text === '') return written
  // The tag is what the action reads back, so it is kept whole and the display part gives way.
  const room = MAX_TITLE_LENGTH - written.length - 1
  return `${shorten(text, room)} ${written}`
}

/** Splits a stored title into the display title and the tag, when it ends with a well-formed one. */
export function decodeTitle(full: string): { display: string; tag?: TitleTag } {
  const text = full.trimEnd()
  if (text.endsWith(']')) {
    const open = text.lastIndexOf('[')
    const inner = open < 0 ? undefined : text.slice(open + 1, -1)
    const tag = inner === undefined || inner.includes(']') ? undefined : readTag(inner)
    if (tag !== undefined) return { display: text.slice(0, open).trim(), tag }
  }
  return { display: full.trim() }
}

/**
 * Whether the title ends with the tag byte for byte as encodeTitle writes it. A title a user typed with a
 * tag-like suffix (other case, other order, unknown keys, milliseconds) is read for display, but is no
 * proof that the action made the link: `max-age` revokes only on this.
 */
export function hasExactTag(full: string): boolean {
  const { tag } = decodeTitle(full)
  if (tag === undefined) return false
  const written = tagText(tag)
  const text = full.trimEnd()
  return text === written || text.endsWith(` ${written}`)
}

function tagText(tag: TitleTag): string {
  const parts: string[] = []
  if (tag.maxDownloads !== undefined) parts.push(`max-downloads=${tag.maxDownloads}`)
  if (tag.createdAt !== undefined) parts.push(`created=${isoSeconds(tag.createdAt)}`)
  return `[${parts.join(' ')}]`
}

/** The title without the action's tag. */
export function displayTitle(full: string): string {
  return decodeTitle(full).display
}

function readTag(inner: string): TitleTag | undefined {
  const tokens = inner.trim().split(/\s+/)
  const tag: TitleTag = {}
  let known = 0
  for (const token of tokens) {
    const pair = PAIR.exec(token)
    if (!pair) return undefined
    const key = pair[1]!.toLowerCase()
    const value = pair[2]!
    if (key === 'max-downloads') {
      if (tag.maxDownloads !== undefined || !/^\d+$/.test(value)) return undefined
      const n = Number(value)
      if (!Number.isSafeInteger(n) || n < 1) return undefined
      tag.maxDownloads = n
      known++
    } else if (key === 'created') {
      if (tag.createdAt !== undefined) return undefined
      const at = readMoment(value)
      if (at === undefined) return undefined
      tag.createdAt = at
      known++
    }
  }
  return known > 0 ? tag : undefined
}

function readMoment(value: string): Date | undefined {
  try {
    const iso = parseIso(value)
    return iso?.kind === 'date-time' ? iso.at : undefined
  } catch {
    return undefined
  }
}

/** Cuts text to `max` UTF-16 units (DocSpace counts those), ending with `…` when cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= ELLIPSIS.length) return ''
  let end = max - ELLIPSIS.length
  // Never leave half of a surrogate pair behind.
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`
}
