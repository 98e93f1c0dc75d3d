import type { LinkSettings, LinkType, Operation, TargetKind } from '../request.js'
import { accessName, allowedAccess, describeAccess, parseAccess } from '../links/access.js'
import { decodeTitle } from '../links/title-tag.js'
import { parseExpiration } from './expiration.js'
import { MAX_ID } from './ids.js'
import { inputError, parseInput } from './input-error.js'
import { parseChoice, parseWholeNumber, readBoolean, readInput } from './read.js'

/** Leaves room in DocSpace's 255 characters for the tag the action appends. */
export const MAX_DISPLAY_TITLE_LENGTH = 200
export const MIN_PASSWORD_LENGTH = 8
/** The server's password check caps every password at 30 characters, whatever the portal's policy. */
export const MAX_PASSWORD_LENGTH = 30
export const MAX_USE_COUNT = 1000

type PartialUse = 'title' | 'link-type' | 'max-downloads'

/** Which link settings an operation reads; any other link input is ignored. */
const USED: Record<Operation, 'all' | readonly PartialUse[]> = {
  'create-link': 'all',
  'update-link': 'all',
  upload: 'all',
  'revoke-link': ['title', 'link-type'],
  // A download limit given to enforce-limits stands in for the one in the link's title.
  'enforce-limits': ['title', 'max-downloads'],
  'list-links': ['link-type'],
  sweep: [],
  'check-portal': []
}

const LINK_TYPES = ['external', 'invitation'] as const

export interface LinkContext {
  operation: Operation
  /** The kind of entry the links belong to: `file` for `upload`, whose links are on the uploaded files. */
  kind: TargetKind
  /** False when `upload` is told not to create links: then no link setting matters. */
  linksWanted: boolean
}

export function readLinkSettings(
  env: NodeJS.ProcessEnv,
  { operation, kind, linksWanted }: LinkContext,
  now: Date
): LinkSettings {
  const used = USED[operation]
  const uses = (name: PartialUse): boolean => linksWanted && (used === 'all' || used.includes(name))
  const link: LinkSettings = {}

  if (uses('link-type')) link.linkType = readLinkType(env, kind, operation)
  if (uses('title')) link.title = readTitle(env)
  if (used !== 'all' || !linksWanted) {
    if (uses('max-downloads')) link.maxDownloads = readMaxDownloads(env, undefined, false)
    return withoutUndefined(link)
  }

  const creating = operation !== 'update-link'
  // Creating in a room without `link-type` makes a share link; on update the type is the link's own,
  // unknown until it is read, so both are allowed here and the operation checks again.
  const linkType: LinkType | undefined =
    kind !== 'room' ? 1 : (link.linkType ?? (creating ? 1 : undefined))
  const linkName = describeLink(kind, linkType, operation)

  link.access = readAccess(env, kind, linkType, linkName)

  const expiration = readInput(env, 'expiration')
  if (expiration !== undefined) {
    link.expiration = parseInput('expiration', expiration, (v) => parseExpiration(v, now))
  }

  link.maxDownloads = readMaxDownloads(env, linkType)
  link.password = readPassword(env)
  link.denyDownload = readBoolean(env, 'deny-download')
  link.internal = readBoolean(env, 'internal')

  const maxUseCount = readInput(env, 'max-use-count')
  if (maxUseCount !== undefined) {
    link.maxUseCount = parseWholeNumber('max-use-count', maxUseCount, 1, MAX_USE_COUNT, '10')
    if (kind !== 'room' || linkType === 1) {
      throw inputError(
        'max-use-count',
        `applies only to room invitation links, not to ${linkName}; use it with \`room-id\` and ` +
          '`link-type: invitation`, like `max-use-count: 10`',
        maxUseCount
      )
    }
  }
  return withoutUndefined(link)
}

// An input that was not given leaves no key behind, so that spreading the settings over a link's
// current values never blanks one of them.
function withoutUndefined(link: LinkSettings): LinkSettings {
  return Object.fromEntries(
    Object.entries(link).filter(([, value]) => value !== undefined)
  ) as LinkSettings
}

function readMaxDownloads(
  env: NodeJS.ProcessEnv,
  linkType: LinkType | undefined,
  noneAllowed = true
): number | undefined {
  const value = readInput(env, 'max-downloads')
  if (value === undefined) return undefined
  // `none` removes a limit the link has (0 inside the action).
  if (noneAllowed && value.trim().toLowerCase() === 'none') return 0
  const n = parseWholeNumber('max-downloads', value, 1, MAX_ID, '3')
  if (linkType === 0) {
    throw inputError(
      'max-downloads',
      'does not apply to room invitation links, which are for joining the room; limit the ' +
        'number of people with `max-use-count`, like `max-use-count: 10`',
      value
    )
  }
  return n
}

function describeLink(kind: TargetKind, linkType: LinkType | undefined, operation: Operation) {
  if (operation === 'upload') return 'the file links `upload` creates'
  if (kind !== 'room') return `${kind} links`
  if (linkType === 0) return 'room invitation links'
  if (linkType === 1) return 'room share links (`link-type: external`)'
  return 'room links'
}

function readLinkType(
  env: NodeJS.ProcessEnv,
  kind: TargetKind,
  operation: Operation
): LinkType | undefined {
  const value = readInput(env, 'link-type')
  if (value === undefined) return undefined
  const type = parseChoice('link-type', value, LINK_TYPES)
  if (kind === 'room') return type === 'invitation' ? 0 : 1
  if (type === 'invitation') {
    const what =
      operation === 'upload' ? 'the links `upload` creates are file links' : `a ${kind} has none`
    throw inputError(
      'link-type',
      `can be \`invitation\` only with \`room-id\`: invitation links belong to rooms and ${what}; ` +
        'leave it out or use `external`',
      value
    )
  }
  // File and folder links are always external links: nothing to choose.
  return undefined
}

function readTitle(env: NodeJS.ProcessEnv): string | undefined {
  const value = readInput(env, 'title')
  if (value === undefined) return undefined
  if (/[\r\n\u2028\u2029]/.test(value)) {
    throw inputError('title', 'must be one line, like `Release v1.2`', value)
  }
  if (value.length > MAX_DISPLAY_TITLE_LENGTH) {
    throw inputError(
      'title',
      `must be at most ${MAX_DISPLAY_TITLE_LENGTH} characters (it has ${value.length}), like \`Release v1.2\``,
      value
    )
  }
  if (decodeTitle(value).tag !== undefined) {
    throw inputError(
      'title',
      'must not end with a `[max-downloads=… created=…]` tag, which the action writes itself; ' +
        'give the display title alone, like `Release v1.2`',
      value
    )
  }
  return value
}

function readAccess(
  env: NodeJS.ProcessEnv,
  kind: TargetKind,
  linkType: LinkType | undefined,
  linkName: string
): number | undefined {
  const value = readInput(env, 'access')
  if (value === undefined) return undefined
  const access = parseInput('access', value, parseAccess)
  if (access === 0) {
    throw inputError(
      'access',
      'cannot be `none` (0) here: that deletes the link; to remove a link use `operation: revoke-link`, ' +
        'or give an access like `read`',
      value
    )
  }
  const allowed =
    linkType === undefined
      ? [...new Set([...allowedAccess(kind, 1), ...allowedAccess(kind, 0)])]
      : allowedAccess(kind, linkType)
  if (!allowed.includes(access)) {
    const list = allowed.map((n) => `\`${accessName(n)}\``).join(', ')
    throw inputError(
      'access',
      `cannot be ${describeAccess(access)} for ${linkName}; use one of ${list}, like \`read\``,
      value
    )
  }
  return access
}

// Printable ASCII without the space: the characters DocSpace's password check accepts by default.
const PASSWORD_CHARS = /^[\x21-\x7e]*$/

function readPassword(env: NodeJS.ProcessEnv): string | undefined {
  const value = readInput(env, 'link-password')
  if (value === undefined) return undefined
  // `none` removes the password ('' inside the action); no valid password is that short.
  if (value.trim().toLowerCase() === 'none') return ''
  // The messages below never show the value or its length: both would hint at a secret.
  if (value.length < MIN_PASSWORD_LENGTH || value.length > MAX_PASSWORD_LENGTH) {
    throw inputError(
      'link-password',
      `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long (DocSpace's password ` +
        'policy), like a random string of 16 letters and digits'
    )
  }
  if (!PASSWORD_CHARS.test(value)) {
    throw inputError(
      'link-password',
      "may hold only Latin letters, digits and ASCII symbols, no spaces (DocSpace's password policy), " +
        'like a random string of 16 letters and digits'
    )
  }
  return value
}
