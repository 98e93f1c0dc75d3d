import type { ActionRequest, Target } from '../request.js'
import type { OperationResult, OutputLink, SweepCounts } from '../result.js'
import type { Logger } from '../log.js'
import { messageOf } from '../text.js'

// What the sweep reports: one report a target, filled in as its entries are swept, and the step's
// result made of them all. Apart from the sweep itself so the wording of the result reads in one place.

// "file 12: File 12 was not found…" says it twice: name the target only when the message does not.
export function failureOf(label: string, error: unknown): string {
  const message = messageOf(error)
  const named = !label.includes(' (') && message.toLowerCase().startsWith(label.toLowerCase())
  return named ? message : `${label}: ${message}`
}

export interface TargetReport {
  label: string
  links: OutputLink[]
  notes: string[]
  failures: string[]
  uncounted: Array<{ reason: string; label: string }>
  notInspectable: string[]
  /** Links the policy selected that were not revoked because writing stopped. */
  left: number
}

export function newReport(label: string): TargetReport {
  return { label, links: [], notes: [], failures: [], uncounted: [], notInspectable: [], left: 0 }
}

function listed(labels: string[], shown = 10): string {
  const more = labels.length > shown ? ` and ${labels.length - shown} more` : ''
  return `${labels.slice(0, shown).join(', ')}${more}`
}

function uncountedNotes(reports: TargetReport[]): string[] {
  const byReason = new Map<string, string[]>()
  for (const { reason, label } of reports.flatMap((r) => r.uncounted)) {
    byReason.set(reason, [...(byReason.get(reason) ?? []), label])
  }
  return [...byReason].map(([reason, labels]) => `${reason} (${listed(labels)})`)
}

/** What the sweep's request governor counted: requests, the 429s and pauses, and why writing stopped. */
export interface GovernorTally {
  stats: { requests: number; refused: { window: number; concurrency: number }; pausedMs: number }
  writesStopped: Error | undefined
}

/** The step's result: the counts, the links revoked, the notes, and the failures (or their notes). */
export function sweepResult(
  request: ActionRequest,
  context: { log: Logger },
  targets: Target[],
  reports: TargetReport[],
  counts: SweepCounts,
  governor: GovernorTally
): OperationResult {
  const policy = request.policy
  const checked = reports.flatMap((r) => r.links)
  const revoked = checked.filter((l) => l.action === 'revoked' || l.action === 'would-revoke')
  counts.checked = checked.length + reports.reduce((n, r) => n + r.left, 0)
  counts.revoked = revoked.length
  counts.left = reports.reduce((n, r) => n + r.left, 0)
  counts.kept = checked.length - revoked.length
  counts.requests = governor.stats.requests
  const failures = reports.flatMap((r) => r.failures)
  const notes = [...new Set(reports.flatMap((r) => r.notes)), ...uncountedNotes(reports)]
  const hidden = reports.flatMap((r) => r.notInspectable)
  if (hidden.length > 0) {
    notes.push(
      `${hidden.length} ${hidden.length === 1 ? 'entry has' : 'entries have'} links this key cannot ` +
        `inspect (no share rights there; a room manager's key can): ${listed(hidden)}`
    )
  }
  const refused = governor.stats.refused
  if (refused.window + refused.concurrency > 0) {
    notes.push(
      `The portal's rate limit refused ${refused.window + refused.concurrency} request(s); the sweep ` +
        `paused ${(governor.stats.pausedMs / 1000).toFixed(1)} s in all.`
    )
  }

  const verb = request.dryRun ? 'would revoke' : 'revoked'
  let headline =
    `Swept ${targets.length} target${targets.length === 1 ? '' : 's'}: ` +
    `${checked.length} link${checked.length === 1 ? '' : 's'} checked, ${verb} ${revoked.length}, ` +
    `kept ${counts.kept}`
  if (counts.left > 0) headline += `, ${counts.left} left to revoke`
  if (failures.length > 0)
    headline += `, ${failures.length} failure${failures.length === 1 ? '' : 's'}`
  headline += ` (${counts.requests} requests)`

  const result: OperationResult = {
    operation: request.operation,
    dryRun: request.dryRun,
    headline,
    links: revoked,
    revoked: revoked.length > 0,
    revokedCount: revoked.length,
    keptCount: counts.kept,
    sweep: counts,
    notes
  }
  const stopped = governor.writesStopped
  if (failures.length > 0 && !policy.failOnError) {
    for (const failure of failures) context.log.warning(failure)
    result.notes = [...notes, ...failures.map((f) => `Not swept: ${f}`)]
  } else if (failures.length > 0) {
    result.failures = failures
  }
  if (stopped) {
    // Always a failed step: the next run has to carry on where this one stopped.
    result.failures = [
      ...(result.failures ?? []),
      `Stopped revoking: ${stopped.message}. Revoked ${revoked.length}; ${counts.left} ` +
        `link${counts.left === 1 ? '' : 's'} the policy selected ${counts.left === 1 ? 'is' : 'are'} ` +
        'left for the next run.'
    ]
  }
  return result
}
