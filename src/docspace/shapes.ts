// Checks of what the portal answered against the shapes the action relies on. A portal (or a proxy) can
// send anything: a list that is an object, `null` in a list, a title that is an object, a date that is
// not one. The whole answer is refused in one line naming the endpoint and the field when nothing in it
// can be used; a single bad entry is left out and reported, so the others are still handled.

import { DocSpaceError } from './errors.js'
import type { AuditEventDto, FileDto, FileShareDto, FolderDto, SharedLinkDto } from './types.js'

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

export function shapeError(
  endpoint: string,
  field: string,
  expected: string,
  got: unknown
): DocSpaceError {
  return new DocSpaceError(
    'bad-response',
    endpoint,
    `${endpoint} answered with \`${field}\` that is ${kindOf(got)}, not ${expected}: is portal-url the portal's address?`
  )
}

/** A list in the answer (absent or null: empty), or a shape error. */
export function listAt(value: unknown, endpoint: string, field: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw shapeError(endpoint, field, 'a list', value)
  return value
}

/** A date the portal sent, or undefined when there is none. `null`, `0`, `false` and `''` mean none. */
export function realDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const at = new Date(value)
  return Number.isNaN(at.getTime()) ? undefined : at
}

function noDate(value: unknown): boolean {
  return value === undefined || value === null || value === 0 || value === false || value === ''
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; problem: string }

function bad<T>(field: string, problem: string): Checked<T> {
  return { ok: false, field, problem }
}

const LINK_BOOLEANS = ['denyDownload', 'isExpired', 'primary', 'internal'] as const

function checkSharedLink(raw: unknown, field: string): Checked<SharedLinkDto> {
  if (!isObject(raw)) return bad(field, `is ${kindOf(raw)}, not a link`)
  if (typeof raw.id !== 'string' || raw.id.trim() === '') {
    return bad(`${field}.id`, 'is missing or not a text: a link without an id cannot be changed')
  }
  const link: SharedLinkDto = { id: raw.id }
  if (raw.title !== undefined && raw.title !== null) {
    if (typeof raw.title !== 'string')
      return bad(`${field}.title`, `is ${kindOf(raw.title)}, not a text`)
    link.title = raw.title
  }
  if (raw.shareLink !== undefined && raw.shareLink !== null) {
    if (typeof raw.shareLink !== 'string') {
      return bad(`${field}.shareLink`, `is ${kindOf(raw.shareLink)}, not a text`)
    }
    link.shareLink = raw.shareLink
  }
  // A link that never expires may come with no date, `null`, 0 or false: none of them is a moment.
  if (!noDate(raw.expirationDate)) {
    if (realDate(raw.expirationDate) === undefined) {
      return bad(`${field}.expirationDate`, 'is not a date')
    }
    link.expirationDate = raw.expirationDate as string
  }
  for (const name of LINK_BOOLEANS) if (typeof raw[name] === 'boolean') link[name] = raw[name]
  if (typeof raw.password === 'string') link.password = raw.password
  if (typeof raw.requestToken === 'string') link.requestToken = raw.requestToken
  for (const name of ['linkType', 'maxUseCount', 'currentUseCount'] as const) {
    if (typeof raw[name] === 'number') link[name] = raw[name]
  }
  return { ok: true, value: link }
}

/** One entry of a links list, copied with only the fields of the expected types. */
export function checkShareEntry(raw: unknown, field: string): Checked<FileShareDto> {
  if (!isObject(raw)) return bad(field, `is ${kindOf(raw)}, not a link entry`)
  if (typeof raw.access !== 'number')
    return bad(`${field}.access`, `is ${kindOf(raw.access)}, not a number`)
  const which = raw.sharedLink !== undefined && raw.sharedLink !== null ? 'sharedLink' : 'sharedTo'
  const link = checkSharedLink(raw[which], `${field}.${which}`)
  if (!link.ok) return link
  const dto: FileShareDto = { ...(raw as unknown as FileShareDto), sharedLink: link.value }
  delete dto.sharedTo
  return { ok: true, value: dto }
}

function checkEntry<T extends FileDto | FolderDto>(raw: unknown, field: string): Checked<T> {
  if (!isObject(raw)) return bad(field, `is ${kindOf(raw)}, not an entry`)
  if (typeof raw.id !== 'number' || !Number.isSafeInteger(raw.id) || raw.id <= 0) {
    return bad(`${field}.id`, 'is not a positive whole number')
  }
  if (typeof raw.title !== 'string')
    return bad(`${field}.title`, `is ${kindOf(raw.title)}, not a text`)
  return { ok: true, value: raw as unknown as T }
}

export const checkFile = checkEntry<FileDto>
export const checkFolder = checkEntry<FolderDto>

/** An audit event that can be counted: an id, and targets that are texts. */
export function checkAuditEvent(raw: unknown, field: string): Checked<AuditEventDto> {
  if (!isObject(raw)) return bad(field, `is ${kindOf(raw)}, not an event`)
  if (typeof raw.id !== 'number') return bad(`${field}.id`, `is ${kindOf(raw.id)}, not a number`)
  if (raw.target !== undefined && raw.target !== null) {
    if (!Array.isArray(raw.target) || raw.target.some((t) => typeof t !== 'string')) {
      return bad(`${field}.target`, 'is not a list of texts')
    }
  }
  if (raw.actionId !== undefined && typeof raw.actionId !== 'number') {
    return bad(`${field}.actionId`, `is ${kindOf(raw.actionId)}, not a number`)
  }
  if (raw.date !== undefined && raw.date !== null && realDate(raw.date) === undefined) {
    return bad(`${field}.date`, 'is not a date')
  }
  const event = { ...raw, target: (raw.target as string[] | null) ?? undefined } as AuditEventDto
  return { ok: true, value: event }
}

/** The one-line report of an entry left out. */
export function entryProblem(
  endpoint: string,
  checked: { field: string; problem: string },
  outcome: string
): string {
  return `${endpoint} answered with \`${checked.field}\` that ${checked.problem}; ${outcome}`
}
