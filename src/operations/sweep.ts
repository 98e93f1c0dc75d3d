import type { ActionRequest } from '../request.js'
import { settleEach } from '../concurrency.js'
import { DownloadCounter } from '../docspace/audit.js'
import { describeTarget } from '../docspace/links.js'
import { DEFAULT_PACING, RequestGovernor, type PacingSettings } from '../pacing.js'
import type { OperationContext } from '../context.js'
import { limitPolicyOf, type EntryCheck } from '../links/enforce.js'
import { downloadCounter, readLinks, sweepEntry } from '../links/sweep-entries.js'
import { TargetLog } from '../links/sweep-log.js'
import {
  entriesOfTarget,
  listingsMarkShared,
  uniqueTargets,
  type PendingEntry,
  type PlannedEntry,
  type Sweeper
} from '../links/sweep-plan.js'
import { failureOf, newReport, sweepResult } from '../links/sweep-report.js'
import type { OperationResult, SweepCounts } from '../result.js'
import { messageOf } from '../text.js'

// The sweep's phases live in links/: sweep-plan (which entries), sweep-entries (their links, the download
// counts, the policy) and sweep-report (the result). This module runs them under one request governor.

/** A long sweep says where it is at least this often. */
const PROGRESS_INTERVAL_MS = 10_000

function progressLine(sweeper: Sweeper, governor: RequestGovernor): string {
  const c = sweeper.counts
  return (
    `Sweep progress (${sweeper.phase}): ${c.listed} entries listed, ${c.shared} shared, ` +
    `${c.inspected} inspected, ${c.notInspectable} not inspectable; ${governor.stats.requests} ` +
    `requests (ceiling ${governor.pacer.ceiling} a minute)`
  )
}

/**
 * Enforces the policy on many files, folders and rooms: expired links, download limits, `max-age` and
 * `title-pattern`. On portals from 3.5 on, a folder or room tree is listed in pages of 100 and only the
 * entries marked shared have their links read, so the requests grow with the shared entries, not with
 * the files. Every request runs through one pool under a client-side ceiling a minute; the portal's 429s
 * slow the pool down, and a used-up daily budget of writes stops the revokes and fails the step.
 */
export async function sweep(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const policy = request.policy
  const now = context.now()
  const { progressIntervalMs = PROGRESS_INTERVAL_MS, ...pacingSeam } = context.pacing ?? {}
  const pacing: PacingSettings = {
    ...DEFAULT_PACING,
    windowMs: 60_000,
    requestsPerWindow: policy.requestsPerMinute,
    concurrency: Math.max(1, policy.concurrency),
    ...pacingSeam
  }
  const governor = new RequestGovernor(pacing, (kind, ms) => {
    context.log.warning(
      kind === 'concurrency'
        ? `The portal refused a request: too many in flight for this user (HTTP 429); the sweep runs ` +
            `${governor.pool.limit} at a time and pauses for ${(ms / 1000).toFixed(1)} s`
        : `The portal's rate limit was hit (HTTP 429): the sweep pauses for ${(ms / 1000).toFixed(1)} s ` +
            `and lowers its ceiling to ${governor.pacer.ceiling} requests a minute`
    )
  })
  const client = governor.wrap(context.client)
  const counts: SweepCounts = {
    listed: 0,
    shared: 0,
    inspected: 0,
    notInspectable: 0,
    checked: 0,
    revoked: 0,
    kept: 0,
    left: 0,
    requests: 0
  }
  const targets = uniqueTargets(request.targets)
  const sweeper: Sweeper = {
    client,
    recursive: policy.recursive,
    useFlags: false,
    claimed: new Set(),
    listed: new Map(),
    counts,
    phase: 'starting'
  }
  const timer = setInterval(
    () => context.log.info(progressLine(sweeper, governor)),
    progressIntervalMs
  )
  timer.unref?.()
  const reports = targets.map((t) => newReport(describeTarget(t)))
  const logs = targets.map(() => new TargetLog())
  try {
    if (targets.some((t) => t.kind !== 'file')) {
      sweeper.useFlags = await listingsMarkShared(client, context.log)
    }
    sweeper.phase = 'listing'
    // The links of an entry are read as soon as its listing page has come, while the listing goes on:
    // the pool keeps every request slot busy instead of waiting for the last page.
    const plannedOf = new Map<PendingEntry, PlannedEntry>()
    const reads: Array<Promise<void>> = []
    const start = (entry: PendingEntry, i: number): PlannedEntry => {
      let plannedEntry = plannedOf.get(entry)
      if (!plannedEntry) {
        plannedEntry = {
          ...entry,
          report: reports[i],
          log: logs[i],
          listed: entry.target !== targets[i]
        }
        plannedOf.set(entry, plannedEntry)
        reads.push(readLinks(sweeper, plannedEntry))
      }
      return plannedEntry
    }
    // Enough targets in flight to keep every request slot busy; the pool bounds the requests themselves.
    const planned = await settleEach(targets, Math.max(4, policy.concurrency * 4), (target, i) =>
      entriesOfTarget(sweeper, target, reports[i], logs[i], (entry) => void start(entry, i))
    )
    const entries: PlannedEntry[] = []
    planned.forEach((settled, i) => {
      if (settled.status === 'rejected') {
        // Links read for its entries meanwhile are left as they are: nothing of a target that could
        // not be listed in full is swept.
        reports[i].failures.push(failureOf(reports[i].label, settled.reason))
        logs[i].warning(`${reports[i].label} could not be swept: ${messageOf(settled.reason)}`)
        return
      }
      const pending = settled.value
      if (targets[i].kind !== 'file')
        logs[i].info(`${reports[i].label}: ${pending.length} entries to inspect`)
      for (const entry of pending) entries.push(start(entry, i))
    })
    counts.notInspectable = reports.reduce((n, r) => n + r.notInspectable.length, 0)

    sweeper.phase = 'reading links'
    await Promise.all(reads)
    counts.notInspectable = reports.reduce((n, r) => n + r.notInspectable.length, 0)
    const ready = entries.filter(
      (e): e is PlannedEntry & { links: EntryCheck['links'] } => e.links !== undefined
    )
    sweeper.phase = 'counting downloads'
    const base = {
      client,
      policy: limitPolicyOf(request, false),
      titlePattern: policy.titlePattern,
      dryRun: request.dryRun,
      now,
      countAll: false
    }
    const counter = sweeper.useFlags
      ? await downloadCounter(client, ready, base, now, context.log)
      : new DownloadCounter(client)

    sweeper.phase = 'revoking'
    const settings = { ...base, counter }
    await Promise.all(
      ready.map((entry) => sweepEntry(entry, settings, () => governor.writesStopped))
    )
  } finally {
    clearInterval(timer)
    reports.forEach((report, i) => {
      const revoked = report.links.filter(
        (l) => l.action === 'revoked' || l.action === 'would-revoke'
      )
      logs[i].info(
        `${report.label}: ${report.links.length} links checked, ${revoked.length} revoked`
      )
      logs[i].flush(context.log, report.label)
    })
  }

  return sweepResult(request, context, targets, reports, counts, governor)
}
