// The portal answers 200 to writes it ignores in part or in whole (an access a file's format does not take,
// an `internal` or expiry change a room forbids, a past date): every link that comes back is compared with
// what was asked, and a difference is never reported as a success.
import type { FileShareDto } from '../docspace/types.js'
import { accessName } from './access.js'
import type { LinkState } from './link-state.js'
import { sharedLinkOf } from './share-link.js'

export const REVOKE_DROPPED =
  'the portal answered 200 but kept the link: it dropped the revoke (a room that does not let this key ' +
  "change the link's `internal` flag or expiry drops the whole update, and only a folder's creator may " +
  'revoke its links)'

export interface Difference {
  setting: string
  asked: string
  got: string
}

export interface Verification {
  differences: Difference[]
  /** The portal made a link internal that was asked to be public (a new link: its setting, or the room). */
  madeInternal: boolean
}

function when(date: Date | null): string {
  return date ? date.toISOString().replace('.000Z', 'Z') : 'never'
}

function seconds(date: Date | null): number | null {
  return date ? Math.floor(date.getTime() / 1000) : null
}

/**
 * Compares the link that came back with the state that was asked for. On a new link, `internal: true`
 * where false was asked is the portal's own decision (its "internal by default" setting), reported apart.
 */
export function verifyLink(asked: LinkState, dto: FileShareDto, creating: boolean): Verification {
  const link = sharedLinkOf(dto)
  const differences: Difference[] = []
  let madeInternal = false
  const add = (setting: string, a: string, g: string) =>
    differences.push({ setting, asked: a, got: g })
  if (!link)
    return { differences: [{ setting: 'link', asked: 'a link', got: 'none' }], madeInternal }
  if (dto.access !== asked.access) {
    add('access', `\`${accessName(asked.access)}\``, `\`${accessName(dto.access)}\``)
  }
  const internal = link.internal ?? false
  if (internal !== asked.internal) {
    if (creating && internal && !asked.internal) madeInternal = true
    else add('internal', String(asked.internal), String(internal))
  }
  const expiration = link.expirationDate ? new Date(link.expirationDate) : null
  if (seconds(expiration) !== seconds(asked.expiration)) {
    add('expiration', when(asked.expiration), when(expiration))
  }
  const hasPassword = Boolean(link.password)
  if (hasPassword !== Boolean(asked.password)) {
    add('password', asked.password ? 'set' : 'none', hasPassword ? 'set' : 'none')
  }
  if ((link.denyDownload ?? false) !== asked.denyDownload) {
    add('deny-download', String(asked.denyDownload), String(link.denyDownload ?? false))
  }
  if ((link.title ?? '').trim() !== asked.title.trim()) {
    add('title', `"${asked.title}"`, `"${link.title ?? ''}"`)
  }
  return { differences, madeInternal }
}

/** The failure for a write the portal did not apply in full, with the likely reasons. */
export function notAppliedMessage(
  subject: string,
  differences: Difference[],
  hints: { accessWhy?: string } = {}
): string {
  const list = differences
    .map((d) => `${d.setting} (asked ${d.asked}, the link has ${d.got})`)
    .join(', ')
  const why: string[] = []
  const settings = new Set(differences.map((d) => d.setting))
  if (settings.has('access')) why.push(hints.accessWhy ?? 'the entry does not take that access')
  if (settings.has('internal')) {
    why.push(
      'Virtual data rooms keep links internal and Public rooms keep them public, and a room that does ' +
        'not let the key change `internal` drops the whole update'
    )
  }
  if (settings.has('expiration')) {
    why.push(
      'Form-filling rooms and the primary link of a Public room keep their expiry (the whole update is ' +
        'dropped), and a date in the past is read as "never"'
    )
  }
  return `${subject}: the portal answered 200 but did not apply ${list}; likely because ${why.join('; ') || 'the portal ignored the change'}`
}
