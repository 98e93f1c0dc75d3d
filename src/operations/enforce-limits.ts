import type { ActionRequest, Target } from '../request.js'
import type { DocSpaceApi } from '../docspace/api.js'
import { DownloadCounter } from '../docspace/audit.js'
import { fileIdsUnder } from '../docspace/listing.js'
import { describeTarget } from '../docspace/links.js'
import { linkSelector } from '../links/change-link.js'
import { enforceOnEntry, limitPolicyOf } from '../links/enforce.js'
import { findLink } from '../links/find-link.js'
import { listManagedLinks } from '../links/share-rights.js'
import type { OperationContext } from '../context.js'
import type { OperationResult, OutputLink } from '../result.js'
import { plural } from '../text.js'

// Downloads of the files directly inside a folder or room (with `recursive`, of all the files below it)
// count for its links; a file counts for itself.
async function filesToCount(
  client: DocSpaceApi,
  target: Target,
  recursive: boolean
): Promise<number[]> {
  if (target.kind === 'file') return [target.id]
  return fileIdsUnder(client, target.id, recursive)
}

function headlineOf(
  request: ActionRequest,
  target: Target,
  links: OutputLink[],
  single: boolean
): string {
  const where = describeTarget(target)
  const revoked = links.filter((l) => l.action === 'revoked' || l.action === 'would-revoke')
  if (single && links.length === 1) {
    const [link] = links
    const verb =
      link.action === 'revoked'
        ? 'Revoked'
        : link.action === 'would-revoke'
          ? 'Would revoke'
          : 'Kept'
    return `${verb} link "${link.title}" on ${where} (${link.reason})`
  }
  if (links.length === 0) {
    return request.policy.titlePattern === undefined
      ? `No links on ${where}: nothing to enforce`
      : `No link on ${where} matches title-pattern "${request.policy.titlePattern}"`
  }
  const verb = request.dryRun ? 'Would revoke' : 'Revoked'
  if (revoked.length === 0)
    return `Checked ${plural(links.length, 'link')} on ${where}: none revoked`
  return `${verb} ${revoked.length} of ${plural(links.length, 'link')} on ${where}`
}

/**
 * Revokes the links of one target that have expired, reached their download limit or grown older than
 * `max-age`; with `link-id` or `title`, just that link.
 */
export async function enforceLimits(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const target = request.targets[0]
  const now = context.now()
  const client = context.client
  const all = await listManagedLinks(client, target)
  const single = request.linkId !== undefined || request.link.title !== undefined
  let links = all
  if (single) {
    const one = findLink(all, { linkId: request.linkId, title: request.link.title })
    if (!one) throw new Error(`No ${linkSelector(request)} on ${describeTarget(target)}`)
    links = [one]
  }
  const outcome = await enforceOnEntry(
    {
      target,
      label: describeTarget(target),
      links,
      countedFiles: () => filesToCount(client, target, request.policy.recursive)
    },
    {
      client,
      counter: new DownloadCounter(client),
      policy: limitPolicyOf(request, true),
      titlePattern: single ? undefined : request.policy.titlePattern,
      dryRun: request.dryRun,
      now,
      log: context.log,
      countAll: true
    }
  )
  const notes = [...outcome.notes]
  if (outcome.uncounted) {
    notes.push(`${describeTarget(target)}: ${outcome.uncounted}`)
    context.log.warning(`${describeTarget(target)}: ${outcome.uncounted}`)
  }
  if (target.kind !== 'file' && outcome.links.some((l) => l.downloads !== undefined)) {
    notes.push(
      `Downloads of a ${target.kind} link are the downloads of the files ` +
        `${request.policy.recursive ? 'anywhere below' : 'directly inside'} it, whichever link or user ` +
        'they came through.'
    )
  }
  const revokedCount = outcome.links.filter(
    (l) => l.action === 'revoked' || l.action === 'would-revoke'
  ).length
  const only = outcome.links.length === 1 ? outcome.links[0] : undefined
  const result: OperationResult = {
    operation: request.operation,
    dryRun: request.dryRun,
    headline: headlineOf(request, target, outcome.links, single),
    links: outcome.links,
    revoked: revokedCount > 0,
    revokedCount,
    notes
  }
  if (only) {
    const { downloads, action: _action, reason: _reason, target: _target, ...link } = only
    result.link = link
    if (typeof downloads === 'number') result.downloads = downloads
  }
  if (outcome.failures.length > 0) result.failures = outcome.failures
  return result
}
