import type { LinkType, TargetKind } from '../request.js'

// DocSpace's FileShare numbers under the names the action's `access` input uses. No prototype, so that
// a lookup of `constructor` or `__proto__` finds nothing.
export const ACCESS_BY_NAME: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, {
    none: 0,
    read: 2,
    review: 5,
    comment: 6,
    'fill-forms': 7,
    'room-manager': 9,
    edit: 10,
    'content-creator': 11
  })
)

const NAME_BY_ACCESS = new Map(Object.entries(ACCESS_BY_NAME).map(([name, n]) => [n, name]))

// The server's own enum names (`Editing`, `FillForms`, …) are accepted too, since its API documentation
// uses them; spelling variants collapse once case, hyphens, underscores and spaces are removed.
const ALIASES: ReadonlyMap<string, number> = new Map([
  ['none', 0],
  ['read', 2],
  ['review', 5],
  ['comment', 6],
  ['fillforms', 7],
  ['roommanager', 9],
  ['edit', 10],
  ['editing', 10],
  ['contentcreator', 11]
])

/** The FileShare number of a name as the server writes it (`Editing`, `FillForms`), or undefined. */
export function accessOfServerName(name: string): number | undefined {
  return ALIASES.get(name.toLowerCase().replace(/[-_\s]/g, ''))
}

/** FileShare 1: the owner's full access, which no link can carry. */
const READ_WRITE = 1

const FILE_LINK_ACCESS = [2, 10, 5, 6, 7] as const
const ROOM_INVITATION_ACCESS = [9, 11, 10, 5, 6, 2] as const

/** The action's name for a FileShare number; `access-<n>` for numbers it has no name for. */
export function accessName(n: number): string {
  return NAME_BY_ACCESS.get(n) ?? `access-${n}`
}

/** `` `edit` (10) ``, for messages. */
export function describeAccess(n: number): string {
  return `\`${accessName(n)}\` (${n})`
}

const NAMES_HINT =
  '`read`, `edit`, `review`, `comment`, `fill-forms`, `room-manager`, `content-creator` or `none`, ' +
  'or the matching DocSpace number, like `read`'

/**
 * The FileShare number of an access name or number. Which of them a given link can take is a separate
 * question (allowedAccess). Throws an Error whose message is a predicate, without the input's name.
 */
export function parseAccess(value: string): number {
  const text = value.trim()
  if (/^\d+$/.test(text)) {
    const n = Number(text)
    if (n === READ_WRITE) throw readWriteError()
    if (NAME_BY_ACCESS.has(n)) return n
    throw new Error(`must be one of ${NAMES_HINT}; ${n} is not an access a link can have`)
  }
  const key = text.toLowerCase().replace(/[-_\s]/g, '')
  if (key === 'readwrite' || key === 'fullaccess') throw readWriteError()
  const n = ALIASES.get(key)
  if (n === undefined) throw new Error(`must be one of ${NAMES_HINT}`)
  return n
}

function readWriteError(): Error {
  return new Error(
    'cannot be `1` (ReadWrite): DocSpace links do not take it; for editing use `edit`, which is 10'
  )
}

/** The accesses DocSpace lets a link of this kind and type have, in the order messages list them. */
export function allowedAccess(kind: TargetKind, linkType: LinkType): readonly number[] {
  if (linkType === 1) return FILE_LINK_ACCESS
  return kind === 'room' ? ROOM_INVITATION_ACCESS : []
}
