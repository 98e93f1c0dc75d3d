import { AuditAccessError, DownloadCounter } from '../docspace/audit.js'
import {
  readDownloadWindow,
  WindowedCounter,
  type DownloadWindow
} from '../docspace/audit-window.js'
import type { DocSpaceApi } from '../docspace/api.js'
import { getFile, getFolder } from '../docspace/entries.js'
import { DocSpaceError } from '../docspace/errors.js'
import { listLinks } from '../docspace/links.js'
import type { Logger } from '../log.js'
import { messageOf } from '../text.js'
import {
  enforceOnEntry,
  linksNeedingCount,
  type EnforceSettings,
  type EntryCheck,
  type EntryOutcome
} from './enforce.js'
import { listManagedLinks, ShareRightsError } from './share-rights.js'
import type { PlannedEntry, Sweeper } from './sweep-plan.js'
import { failureOf } from './sweep-report.js'

// The sweep's later phases, entry by entry: read the links of each planned entry, count the downloads
// they need in one windowed audit query where that is cheaper, and apply the policy. Only the sweep uses
// them; they live here, not in the operation, to keep each module short.

// A listed entry gone by the time its links are read was removed meanwhile: nothing to sweep there. Only
// when the entry itself is gone too: a 404 from the links endpoint alone is a failure like any other.
async function removedMeanwhile(
  client: DocSpaceApi,
  entry: PlannedEntry,
  error: unknown
): Promise<boolean> {
  if (!entry.listed || !(error instanceof DocSpaceError) || error.kind !== 'not-found') return false
  try {
    if (entry.target.kind === 'file') await getFile(client, entry.target.id)
    else await getFolder(client, entry.target)
    return false
  } catch (again) {
    return again instanceof DocSpaceError && again.kind === 'not-found'
  }
}

export async function readLinks(sweeper: Sweeper, entry: PlannedEntry): Promise<void> {
  if (entry.links !== undefined) return
  try {
    const known = sweeper.listed.get(`${entry.target.kind}:${entry.target.id}`)
    // An empty list is checked against the share right (from the listing where it has it): without the
    // right the portal lists no links at all instead of failing.
    entry.links = entry.mayBeHidden
      ? await listLinks(sweeper.client, entry.target)
      : await listManagedLinks(sweeper.client, entry.target, { entry: known })
    if (entry.mayBeHidden && entry.links.length === 0) {
      entry.report.notInspectable.push(entry.label)
      return
    }
    sweeper.counts.inspected++
  } catch (error) {
    if (error instanceof ShareRightsError) {
      // A target given to the sweep that the key cannot inspect is a failure; entries found inside one
      // are counted and named as not inspectable.
      entry.report.notInspectable.push(entry.label)
      if (!entry.listed) entry.report.failures.push(error.message)
      entry.links = []
      return
    }
    if (await removedMeanwhile(sweeper.client, entry, error)) {
      entry.log.info(`${entry.label} was removed during the sweep`)
      entry.links = []
      return
    }
    entry.report.failures.push(failureOf(entry.label, error))
    entry.log.warning(`${entry.label} could not be swept: ${messageOf(error)}`)
  }
}

export async function sweepEntry(
  entry: PlannedEntry & { links: EntryCheck['links'] },
  settings: Omit<EnforceSettings, 'log'>,
  writesStopped: () => Error | undefined
): Promise<void> {
  const { report, log } = entry
  let outcome: EntryOutcome
  try {
    outcome = await enforceOnEntry(entry, {
      ...settings,
      log,
      removedMeanwhile: (error) => removedMeanwhile(settings.client, entry, error)
    })
  } catch (error) {
    report.failures.push(failureOf(entry.label, error))
    log.warning(`${entry.label} could not be swept: ${messageOf(error)}`)
    return
  }
  const stop = writesStopped()?.message
  const failures = outcome.failures.filter((f) => !(stop && f.endsWith(stop)))
  const left = outcome.failures.length - failures.length
  report.left += left
  report.links.push(
    ...(left > 0
      ? outcome.links.filter((l) => !(l.reason?.endsWith('revoking failed') && l.action === 'kept'))
      : outcome.links)
  )
  report.notes.push(...outcome.notes)
  report.failures.push(...failures)
  if (outcome.uncounted) report.uncounted.push({ reason: outcome.uncounted, label: entry.label })
}

// Which files need a download count, and since when: one windowed audit query covers them all when
// that takes fewer pages than one query per file.
export async function downloadCounter(
  client: DocSpaceApi,
  entries: PlannedEntry[],
  settings: Omit<EnforceSettings, 'log' | 'counter'>,
  to: Date,
  log: Logger
): Promise<DownloadCounter> {
  const files = new Set<number>()
  let since: Date | undefined
  let fromStart = false
  for (const entry of entries) {
    const links = linksNeedingCount(entry.links ?? [], settings)
    if (links.length === 0) continue
    for (const id of await entry.countedFiles()) files.add(id)
    for (const link of links) {
      if (!link.createdAt) fromStart = true
      else if (!since || new Date(link.createdAt) < since) since = new Date(link.createdAt)
    }
  }
  if (files.size === 0) return new DownloadCounter(client)
  let window: DownloadWindow
  try {
    window = await readDownloadWindow(client, {
      from: fromStart ? undefined : since,
      to,
      maxPages: files.size
    })
  } catch (error) {
    if (error instanceof AuditAccessError) return new WindowedCounter(client, undefined, error)
    // The audit trail failed: every entry that needs a count fails with it, the others are still swept.
    log.warning(`The downloads could not be counted: ${messageOf(error)}`)
    return new WindowedCounter(client, undefined, undefined, error)
  }
  return new WindowedCounter(client, window)
}
