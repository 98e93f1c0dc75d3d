import type { Logger } from '../log.js'
import type { LinkAction, OutputLink } from '../result.js'
import type { Operation } from '../request.js'

/** Links that stop working within this long are worth an annotation on the run. */
export const EXPIRY_WARNING_WINDOW_MS = 24 * 60 * 60 * 1000

/**
 * The operations whose links someone is about to hand out or rely on. Sweeps and uploads touch many
 * links at once, and an annotation per link would bury the ones that matter.
 */
export const EXPIRY_WARNED_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>([
  'list-links',
  'create-link',
  'update-link'
])

// Links that are gone, or only previews of a dry run, will not expire for anyone.
const NOT_LIVE: ReadonlySet<LinkAction> = new Set<LinkAction>([
  'revoked',
  'would-revoke',
  'not-found',
  'would-create',
  'would-update'
])

type WarnableLink = Pick<OutputLink, 'id' | 'title' | 'expiresAt' | 'expired' | 'action'>

/** Live links that have not expired yet but will within the window, soonest first. */
export function expiringSoon<T extends WarnableLink>(
  links: readonly T[],
  now: Date,
  windowMs: number = EXPIRY_WARNING_WINDOW_MS
): T[] {
  return links
    .filter((link) => {
      if (link.expired || !link.expiresAt) return false
      if (link.action !== undefined && NOT_LIVE.has(link.action)) return false
      const left = Date.parse(link.expiresAt) - now.getTime()
      return left > 0 && left <= windowMs
    })
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
}

/** "45 min", "3 h 20 min", "23 h". */
export function formatTimeLeft(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/**
 * One warning annotation per link that expires within a day, so that whoever reads the run sees it
 * before handing the link out. Returns how many were warned about.
 */
export function warnExpiringSoon(
  links: readonly WarnableLink[],
  now: Date,
  log: Pick<Logger, 'warning'>
): number {
  const soon = expiringSoon(links, now)
  for (const link of soon) {
    const left = formatTimeLeft(Date.parse(link.expiresAt) - now.getTime())
    log.warning(`Link "${link.title}" (${link.id}) expires in ${left}, at ${link.expiresAt}.`)
  }
  return soon.length
}
