// The pure decision of enforce-limits and sweep: given a link, its download count, the policy and the
// time, revoke or keep it, and say why. No I/O here, so every rule can be tested on its own.

import { DAY_MS, formatDuration } from '../time/duration.js'
import type { ShareLink } from './share-link.js'

export interface LimitPolicy {
  revokeExpired: boolean
  enforceMaxDownloads: boolean
  /** Revoke links this action created longer ago than this. */
  maxAgeMs?: number
  includePrimary: boolean
  /** `max-downloads` given to enforce-limits: it overrides the limit kept in the title tag. */
  maxDownloads?: number
}

/**
 * Downloads counted for a link: a number; `null` when they could not be counted (the audit trail
 * ignored the filter, or refused the key); `undefined` when they were not asked for (no limit).
 */
export type DownloadCount = number | null | undefined

export interface LinkDecision {
  revoke: boolean
  /** Every rule that applies, or why the link stays: `expired`, `download limit reached (3/3)`. */
  reason: string
  /** The limit that was applied: the tag's, or the `max-downloads` override. */
  maxDownloads: number | null
  /** Not expired yet but will be within a day: worth a warning in the log. */
  expiresSoon: boolean
}

/** The limit the policy applies to this link, or null when it has none. */
export function downloadLimit(link: ShareLink, policy: LimitPolicy): number | null {
  return policy.maxDownloads ?? link.maxDownloads
}

/**
 * Whether the decision depends on the link's download count, so an audit query is worth making. A
 * primary link that the policy may not revoke still counts when its limit is enforced: the count is
 * reported either way, and the query is shared with the target's other links.
 */
export function needsDownloadCount(link: ShareLink, policy: LimitPolicy): boolean {
  return policy.enforceMaxDownloads && downloadLimit(link, policy) !== null
}

// `30d` rather than the canonical `4w2d`: ages are usually given in days, and read better that way.
function ageText(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS}d`
  try {
    return formatDuration(ms)
  } catch {
    return `${Math.round(ms / 60_000)}m`
  }
}

export function decideLink(
  link: ShareLink,
  downloads: DownloadCount,
  policy: LimitPolicy,
  now: Date
): LinkDecision {
  const limit = downloadLimit(link, policy)
  const expiresAt = link.expiresAt ? Date.parse(link.expiresAt) : NaN
  const expiresSoon =
    !link.expired && expiresAt > now.getTime() && expiresAt - now.getTime() <= DAY_MS

  const reasons: string[] = []
  if (policy.revokeExpired && link.expired) reasons.push('expired')
  if (policy.enforceMaxDownloads && limit !== null && typeof downloads === 'number') {
    if (downloads >= limit) reasons.push(`download limit reached (${downloads}/${limit})`)
  }
  if (policy.maxAgeMs !== undefined && link.createdAt) {
    const age = now.getTime() - Date.parse(link.createdAt)
    if (age > policy.maxAgeMs) reasons.push(`older than ${ageText(policy.maxAgeMs)}`)
  }

  const base = { maxDownloads: limit, expiresSoon }
  if (reasons.length > 0 && link.primary && !policy.includePrimary) {
    return {
      ...base,
      revoke: false,
      reason: `primary link, kept without include-primary (${reasons.join('; ')})`
    }
  }
  if (reasons.length > 0) return { ...base, revoke: true, reason: reasons.join('; ') }

  const why: string[] = []
  if (policy.enforceMaxDownloads && limit !== null) {
    why.push(
      typeof downloads === 'number'
        ? `${downloads}/${limit} downloads`
        : 'downloads could not be counted'
    )
  }
  if (link.expired) why.push('expired, but revoke-expired is false')
  return { ...base, revoke: false, reason: why.length > 0 ? why.join('; ') : 'within limits' }
}

/**
 * A glob on the whole text: `*` any run of characters, `?` exactly one, everything else literal.
 * Iterative with backtracking to the last `*`, so it is linear-ish and cannot blow up on hostile input.
 */
export function matchesGlob(pattern: string, text: string): boolean {
  const p = Array.from(pattern)
  const t = Array.from(text)
  let pi = 0
  let ti = 0
  let star = -1
  let resume = 0
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === t[ti]))) {
      pi++
      ti++
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++
      resume = ti
    } else if (star >= 0) {
      pi = star + 1
      ti = ++resume
    } else {
      return false
    }
  }
  while (pi < p.length && p[pi] === '*') pi++
  return pi === p.length
}

/** Whether `title-pattern` lets the link be considered at all (no pattern: every link). */
export function titleSelected(link: ShareLink, titlePattern: string | undefined): boolean {
  return titlePattern === undefined || matchesGlob(titlePattern, link.title)
}
