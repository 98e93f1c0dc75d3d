// Enforcing the policy on one entry: which of its links need a download count, counting them in the
// audit trail, deciding each link and revoking what the policy selects. enforce-limits does this for its
// target, sweep for every entry it finds.
import type { ActionRequest, Target } from '../request.js'
import type { DocSpaceApi } from '../docspace/api.js'
import { AuditAccessError, DownloadCounter, downloadsSince } from '../docspace/audit.js'
import { DocSpaceError } from '../docspace/errors.js'
import { describeTarget, putLink } from '../docspace/links.js'
import type { FileShareDto } from '../docspace/types.js'
import { revokeKept, revokeRequestBody } from './link-state.js'
import {
  decideLink,
  needsDownloadCount,
  titleSelected,
  type DownloadCount,
  type LimitPolicy
} from './policy.js'
import { sharedLinkOf, toShareLink, type ShareLink } from './share-link.js'
import { REVOKE_DROPPED } from './verify-link.js'
import type { Logger } from '../log.js'
import type { LinkAction, OutputLink } from '../result.js'
import { messageOf } from '../text.js'

/** One file, folder or room whose links are checked, with what is known about it. */
export interface EntryCheck {
  target: Target
  /** How logs and failures name it: `file 12`, `file 34 (in folder 5)`. */
  label: string
  links: FileShareDto[]
  /**
   * The files whose downloads count for the entry's links: the file itself, or the files in a folder.
   * Called only when some link needs a count.
   */
  countedFiles: () => Promise<number[]>
}

export interface EnforceSettings {
  client: DocSpaceApi
  counter: DownloadCounter
  policy: LimitPolicy
  /** Glob on display titles; links that do not match are left out entirely. */
  titlePattern?: string
  dryRun: boolean
  now: Date
  log: Logger
  /**
   * true: count downloads of every link with a limit, for the report. false (sweep): only where the count
   * can change the decision, so links revoked anyway and protected primary links cost no audit query.
   */
  countAll: boolean
  /**
   * Whether a failed revoke failed because the entry itself was removed since its links were read (a
   * sweep reads them while its listing goes on): its links went with it, which is no failure.
   */
  removedMeanwhile?: (error: unknown) => Promise<boolean>
}

export interface EntryOutcome {
  /** Every link considered, with what was done. */
  links: OutputLink[]
  notes: string[]
  failures: string[]
  /** Why downloads could not be counted here (the audit trail ignored the filter), when so. */
  uncounted?: string
}

type CountSettings = Pick<EnforceSettings, 'policy' | 'titlePattern' | 'now' | 'countAll'>

/** The selected links whose decision needs a download count (the ones enforceOnEntry counts for). */
export function linksNeedingCount(links: FileShareDto[], settings: CountSettings): ShareLink[] {
  return links
    .map((dto) => toShareLink(dto, settings.now))
    .filter((link) => titleSelected(link, settings.titlePattern) && wantsCount(link, settings))
}

function wantsCount(link: ShareLink, settings: CountSettings): boolean {
  if (!needsDownloadCount(link, settings.policy)) return false
  if (settings.countAll) return true
  if (link.primary && !settings.policy.includePrimary) return false
  return !decideLink(link, undefined, settings.policy, settings.now).revoke
}

interface Counts {
  byLink: Map<string, DownloadCount>
  uncounted?: string
  refused?: string
  truncated: boolean
}

/**
 * Downloads of each link, counted per file since the link was created (all of them when the link has no
 * creation time): the audit trail knows files, not links. One query series per file covers every link.
 */
async function countDownloads(
  entry: EntryCheck,
  links: ShareLink[],
  settings: EnforceSettings
): Promise<Counts> {
  const byLink = new Map<string, DownloadCount>()
  if (links.length === 0) return { byLink, truncated: false }
  const created = links.map((link) => (link.createdAt ? new Date(link.createdAt) : undefined))
  const since = created.some((at) => at === undefined)
    ? undefined
    : new Date(Math.min(...created.map((at) => at!.getTime())))
  // A file listed twice (paging shifted while the folder changed) must not count its downloads twice.
  const files = [...new Set(await entry.countedFiles())]
  const unknown = (): Map<string, DownloadCount> => {
    for (const link of links) byLink.set(link.id, null)
    return byLink
  }
  try {
    const results = await Promise.all(files.map((id) => settings.counter.file(id, since)))
    let truncated = false
    for (const result of results) {
      if (!result.counted) return { byLink: unknown(), uncounted: result.reason, truncated: false }
      truncated ||= result.truncated
    }
    links.forEach((link, i) => {
      let sum = 0
      for (const result of results)
        if (result.counted) sum += downloadsSince(result.events, created[i])
      byLink.set(link.id, sum)
    })
    return { byLink, truncated }
  } catch (error) {
    // An audit answer of the wrong shape is as good as none: the links that need a count stay, and the
    // others (expired, too old) are still decided.
    const unreadable = error instanceof DocSpaceError && error.kind === 'bad-response'
    if (!(error instanceof AuditAccessError) && !unreadable) throw error
    return { byLink: unknown(), refused: (error as Error).message, truncated: false }
  }
}

/** Decides every selected link of one entry and revokes those the policy says to (unless dry run). */
export async function enforceOnEntry(
  entry: EntryCheck,
  settings: EnforceSettings
): Promise<EntryOutcome> {
  const { log, now, policy } = settings
  // Each link once, and only links with an id: a PUT without one would make a link, not revoke it.
  const ids = new Set<string>()
  const selected = entry.links
    .map((dto) => ({ dto, link: toShareLink(dto, now) }))
    .filter(({ link }) => link.id !== '' && !ids.has(link.id) && ids.add(link.id) !== undefined)
    .filter(({ link }) => titleSelected(link, settings.titlePattern))
  const counts = await countDownloads(
    entry,
    selected.map(({ link }) => link).filter((link) => wantsCount(link, settings)),
    settings
  )
  const outcome: EntryOutcome = { links: [], notes: [], failures: [], uncounted: counts.uncounted }
  if (counts.truncated) {
    outcome.notes.push(
      `${entry.label}: the audit trail holds more downloads than were read; counts are lower bounds`
    )
  }
  let keptUncounted = false

  for (const { dto, link } of selected) {
    const downloads = counts.byLink.get(link.id)
    const decision = decideLink(link, downloads, policy, now)
    const name = `link "${link.title}" (${link.id}) on ${entry.label}`
    if (decision.expiresSoon) log.warning(`The ${name} expires within a day (${link.expiresAt})`)
    let action: LinkAction = 'kept'
    let reason = decision.reason
    if (decision.revoke && settings.dryRun) {
      action = 'would-revoke'
      log.info(`Would revoke the ${name}: ${reason}`)
    } else if (decision.revoke) {
      try {
        const replacement = await putLink(
          settings.client,
          entry.target,
          revokeRequestBody(entry.target, dto),
          'idempotent'
        )
        if (revokeKept(dto, replacement)) throw new Error(REVOKE_DROPPED)
        action = 'revoked'
        log.notice(`Revoked the ${name}: ${reason}`)
        const newId = replacement ? sharedLinkOf(replacement)?.id : undefined
        if (newId && newId !== link.id) {
          // Public and form-filling rooms always have a primary link: DocSpace makes a new one at once.
          outcome.notes.push(
            `${entry.label}: DocSpace replaced the revoked primary link with a new one (${newId}).`
          )
        }
      } catch (error) {
        if (await settings.removedMeanwhile?.(error)) {
          log.info(`${entry.label} was removed during the sweep`)
          break
        }
        reason = `${reason}; revoking failed`
        outcome.failures.push(
          `${entry.label}: revoking link "${link.title}" (${link.id}) failed: ${messageOf(error)}`
        )
      }
    } else {
      log.info(`Kept the ${name}: ${reason}`)
      if (downloads === null) keptUncounted = true
    }
    outcome.links.push({
      ...link,
      maxDownloads: decision.maxDownloads,
      ...(downloads === undefined ? {} : { downloads }),
      action,
      reason,
      target: describeTarget(entry.target)
    })
  }
  // A refused audit query matters only when a link it was for stayed: one revoked anyway is settled.
  if (counts.refused && keptUncounted) outcome.failures.push(`${entry.label}: ${counts.refused}`)
  return outcome
}

/** The policy inputs as the decision reads them. */
export function limitPolicyOf(request: ActionRequest, withOverride: boolean): LimitPolicy {
  return {
    revokeExpired: request.policy.revokeExpired,
    enforceMaxDownloads: request.policy.enforceMaxDownloads,
    maxAgeMs: request.policy.maxAgeMs,
    includePrimary: request.policy.includePrimary,
    maxDownloads: withOverride ? request.link.maxDownloads : undefined
  }
}
