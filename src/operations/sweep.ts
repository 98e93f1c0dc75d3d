import type { ActionRequest, Target } from '../request.js'
import { settleEach } from '../concurrency.js'
import { AuditAccessError, DownloadCounter } from '../docspace/audit.js'
import {
  readDownloadWindow,
  WindowedCounter,
  type DownloadWindow
} from '../docspace/audit-window.js'
// The paced decorator stands in for the client here: the sweep types against the interface.
import type { DocSpaceApi as DocSpaceClient } from '../docspace/api.js'
import { getFile, getFolder, listFolder } from '../docspace/entries.js'
import { DocSpaceError } from '../docspace/errors.js'
import { describeTarget, listLinks } from '../docspace/links.js'
import { listManagedLinks, ShareRightsError, type ShareRightsEntry } from '../links/share-rights.js'
import {
  fileTree,
  filesUnder,
  listFiles,
  listFolders,
  type ListedFolder
} from '../docspace/listing.js'
import {
  docSpaceVersion,
  parseVersion,
  SHARED_FLAG_VERSION,
  versionAtLeast
} from '../docspace/portal-version.js'
import type { Logger } from '../log.js'
import { DEFAULT_PACING, RequestGovernor, type PacingSettings } from '../pacing.js'
import type { OperationContext } from '../context.js'
import {
  enforceOnEntry,
  limitPolicyOf,
  linksNeedingCount,
  type EnforceSettings,
  type EntryCheck,
  type EntryOutcome
} from '../links/enforce.js'
import type { OperationResult, OutputLink, SweepCounts } from '../result.js'
import { messageOf } from '../text.js'

/** Folders deeper than this below a swept folder are not descended into (full walk). */
const MAX_DEPTH = 32
/** A long sweep says where it is at least this often. */
const PROGRESS_INTERVAL_MS = 10_000

// "file 12: File 12 was not found…" says it twice: name the target only when the message does not.
function failureOf(label: string, error: unknown): string {
  const message = messageOf(error)
  const named = !label.includes(' (') && message.toLowerCase().startsWith(label.toLowerCase())
  return named ? message : `${label}: ${message}`
}

type LogLine = [level: 'debug' | 'info' | 'warning' | 'notice', message: string]

// Targets are swept in parallel; each keeps its lines until it is done, so a log group holds one target.
class TargetLog implements Logger {
  private readonly lines: LogLine[] = []
  debug(message: string): void {
    this.lines.push(['debug', message])
  }
  info(message: string): void {
    this.lines.push(['info', message])
  }
  warning(message: string): void {
    this.lines.push(['warning', message])
  }
  notice(message: string): void {
    this.lines.push(['notice', message])
  }
  startGroup(): void {}
  endGroup(): void {}

  flush(to: Logger, title: string): void {
    to.startGroup(title)
    try {
      // Runs of plain lines go out as one write: the runner's stdout is a pipe written synchronously.
      let run: string[] = []
      const flushRun = (): void => {
        if (run.length > 0) to.info(run.join('\n'))
        run = []
      }
      for (const [level, message] of this.lines) {
        if (level === 'info') {
          run.push(message)
          continue
        }
        flushRun()
        to[level](message)
      }
      flushRun()
    } finally {
      to.endGroup()
    }
  }
}

interface FolderNode {
  target: Target
  label: string
  files: number[]
  children: FolderNode[]
}

type PendingEntry = Omit<EntryCheck, 'links'> & {
  links?: EntryCheck['links']
  /** Marked shared without `canShare`: an empty links list means "cannot see them". */
  mayBeHidden?: boolean
}

/** An entry to check, with where its lines and results go. */
interface PlannedEntry extends PendingEntry {
  report: TargetReport
  log: TargetLog
  /** Found through a listing: when it is gone by the time its links are read, it was removed meanwhile. */
  listed: boolean
}

interface Sweeper {
  client: DocSpaceClient
  recursive: boolean
  /** Listings mark shared entries (portal 3.5 and later): unshared entries are skipped. */
  useFlags: boolean
  /** Entries already swept (`file:12`): a file in two swept folders, or also given on its own, is swept once. */
  claimed: Set<string>
  counts: SweepCounts
  phase: string
  /** Share rights of the entries seen in full-walk listings (`file:12`), so an empty links list needs no extra read. */
  listed: Map<string, ShareRightsEntry>
}

interface TargetReport {
  label: string
  links: OutputLink[]
  notes: string[]
  failures: string[]
  uncounted: Array<{ reason: string; label: string }>
  notInspectable: string[]
  /** Links the policy selected that were not revoked because writing stopped. */
  left: number
}

function newReport(label: string): TargetReport {
  return { label, links: [], notes: [], failures: [], uncounted: [], notInspectable: [], left: 0 }
}

function claim(sweeper: Sweeper, target: Target): boolean {
  const key = `${target.kind}:${target.id}`
  if (sweeper.claimed.has(key)) return false
  sweeper.claimed.add(key)
  return true
}

function allFiles(node: FolderNode): number[] {
  return [...node.files, ...node.children.flatMap(allFiles)]
}

// The full walk, for portals whose listings do not mark shared entries: lists a folder or room (every
// page), and with `recursive` its subfolders too. A subfolder that cannot be listed is a failure of its
// own; the rest of the tree is still swept.
async function expand(
  sweeper: Sweeper,
  target: Target,
  label: string,
  depth: number,
  seen: Set<number>,
  failures: string[]
): Promise<FolderNode> {
  const { files, folders } = await listFolder(sweeper.client, target.id)
  sweeper.counts.listed += files.length + folders.length
  for (const f of files) sweeper.listed.set(`file:${f.id}`, f)
  for (const f of folders) sweeper.listed.set(`folder:${f.id}`, f)
  const node: FolderNode = { target, label, files: files.map((f) => f.id), children: [] }
  if (!sweeper.recursive || depth >= MAX_DEPTH) return node
  const fresh = folders.filter((f) => !seen.has(f.id))
  for (const f of fresh) seen.add(f.id)
  const children = await Promise.all(
    fresh.map(async (f) => {
      const sub: Target = { kind: 'folder', id: f.id }
      const subLabel = `folder ${f.id} (in ${label})`
      try {
        return await expand(sweeper, sub, subLabel, depth + 1, seen, failures)
      } catch (error) {
        failures.push(failureOf(subLabel, error))
        return undefined
      }
    })
  )
  node.children = children.filter((child): child is FolderNode => child !== undefined)
  return node
}

// The folder itself (its links count the downloads of the files under it), its files, and with
// `recursive` the same for every subfolder.
function entriesOf(sweeper: Sweeper, node: FolderNode, root: boolean): PendingEntry[] {
  const counted = sweeper.recursive ? allFiles(node) : node.files
  const entries: PendingEntry[] = []
  if (root || claim(sweeper, node.target)) {
    entries.push({ target: node.target, label: node.label, countedFiles: async () => counted })
  }
  for (const id of node.files) {
    const target: Target = { kind: 'file', id }
    if (!claim(sweeper, target)) continue
    entries.push({ target, label: `file ${id} (in ${node.label})`, countedFiles: async () => [id] })
  }
  for (const child of node.children) entries.push(...entriesOf(sweeper, child, false))
  return entries
}

// The plan that grows with the shared entries: the files of the whole tree in one paged list (and its
// folders in another), and only the entries marked `shared` go on to have their links read. Entries this
// key cannot inspect (`shared` without `canShare`) are counted and named, never silently skipped.
async function plannedEntries(
  sweeper: Sweeper,
  target: Target,
  label: string,
  report: TargetReport
): Promise<PendingEntry[]> {
  const [files, folders] = await Promise.all([
    listFiles(sweeper.client, target.id, sweeper.recursive),
    sweeper.recursive
      ? listFolders(sweeper.client, target.id, true)
      : Promise.resolve({ items: [] as ListedFolder[], unsettled: false, current: undefined })
  ])
  sweeper.counts.listed += files.items.length + folders.items.length
  if (files.unsettled || folders.unsettled) {
    report.notes.push(
      `${label} changed while it was listed: entries added meanwhile are left for the next sweep.`
    )
  }
  const tree = fileTree(files.items, folders.items)
  const entries: PendingEntry[] = []
  const consider = (
    entry: { shared?: boolean; canShare?: boolean },
    pending: PendingEntry,
    own = false
  ): void => {
    // A portal that leaves the flag out is not trusted to have set it: the entry is inspected.
    if (entry.shared === false) return
    if (entry.shared === true) sweeper.counts.shared++
    if (!own && !claim(sweeper, pending.target)) return
    if (entry.shared === true && entry.canShare === false && !own) {
      report.notInspectable.push(pending.label)
      return
    }
    entries.push(pending)
  }
  // The target itself: its own flag comes with the listing. Editing and data rooms always say
  // canShare=false on the room, though their managers can read its links, so it is asked anyway.
  const current = files.current ?? folders.current
  consider(
    current ?? {},
    {
      target,
      label,
      // Every file listed: those directly inside, or with `recursive` all those below.
      countedFiles: async () => files.items.map((f) => f.id),
      mayBeHidden: current?.shared === true && current.canShare === false
    },
    true
  )
  for (const folder of folders.items) {
    const sub: Target = { kind: 'folder', id: folder.id }
    consider(folder, {
      target: sub,
      label: `folder ${folder.id} (in ${label})`,
      countedFiles: async () => filesUnder(tree, folder.id, true)
    })
  }
  for (const file of files.items) {
    const sub: Target = { kind: 'file', id: file.id }
    consider(file, {
      target: sub,
      label: `file ${file.id} (in ${label})`,
      countedFiles: async () => [file.id]
    })
  }
  return entries
}

// Phase 1 for one target: the entries whose links are to be read.
async function entriesOfTarget(
  sweeper: Sweeper,
  target: Target,
  report: TargetReport,
  log: TargetLog
) {
  const label = report.label
  if (!claim(sweeper, target)) {
    log.info(`${label} was already swept with another target`)
    return []
  }
  if (target.kind === 'file') {
    return [{ target, label, countedFiles: async () => [target.id] }]
  }
  if (sweeper.useFlags) return plannedEntries(sweeper, target, label, report)
  const tree = await expand(sweeper, target, label, 0, new Set([target.id]), report.failures)
  return entriesOf(sweeper, tree, true)
}

// A listed entry gone by the time its links are read was removed meanwhile: nothing to sweep there. Only
// when the entry itself is gone too: a 404 from the links endpoint alone is a failure like any other.
async function removedMeanwhile(
  sweeper: Sweeper,
  entry: PlannedEntry,
  error: unknown
): Promise<boolean> {
  if (!entry.listed || !(error instanceof DocSpaceError) || error.kind !== 'not-found') return false
  try {
    if (entry.target.kind === 'file') await getFile(sweeper.client, entry.target.id)
    else await getFolder(sweeper.client, entry.target)
    return false
  } catch (again) {
    return again instanceof DocSpaceError && again.kind === 'not-found'
  }
}

async function readLinks(sweeper: Sweeper, entry: PlannedEntry): Promise<void> {
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
    if (await removedMeanwhile(sweeper, entry, error)) {
      entry.log.info(`${entry.label} was removed during the sweep`)
      entry.links = []
      return
    }
    entry.report.failures.push(failureOf(entry.label, error))
    entry.log.warning(`${entry.label} could not be swept: ${messageOf(error)}`)
  }
}

async function sweepEntry(
  entry: PlannedEntry & { links: EntryCheck['links'] },
  settings: Omit<EnforceSettings, 'log'>,
  writesStopped: () => Error | undefined
): Promise<void> {
  const { report, log } = entry
  let outcome: EntryOutcome
  try {
    outcome = await enforceOnEntry(entry, { ...settings, log })
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
async function downloadCounter(
  client: DocSpaceClient,
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

function uniqueTargets(targets: Target[]): Target[] {
  const seen = new Set<string>()
  return targets.filter((t) => {
    const key = `${t.kind}:${t.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
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

// Whether listings can be trusted to mark shared entries; the full walk otherwise, with a notice.
async function listingsMarkShared(client: DocSpaceClient, log: Logger): Promise<boolean> {
  const version = await docSpaceVersion(client)
  const parsed = parseVersion(version)
  if (parsed && versionAtLeast(parsed, SHARED_FLAG_VERSION)) return true
  log.notice(
    (version
      ? `The portal runs DocSpace ${version}, whose listings do not mark shared entries`
      : "The portal did not tell its DocSpace version, so its listings' shared marks are not trusted") +
      ': the sweep reads the links of every file and folder (about 2 requests per file).'
  )
  return false
}

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
    // Enough targets in flight to keep every request slot busy; the pool bounds the requests themselves.
    const planned = await settleEach(targets, Math.max(4, policy.concurrency * 4), (target, i) =>
      entriesOfTarget(sweeper, target, reports[i], logs[i])
    )
    const entries: PlannedEntry[] = []
    planned.forEach((settled, i) => {
      if (settled.status === 'rejected') {
        reports[i].failures.push(failureOf(reports[i].label, settled.reason))
        logs[i].warning(`${reports[i].label} could not be swept: ${messageOf(settled.reason)}`)
        return
      }
      const pending = settled.value
      if (targets[i].kind !== 'file')
        logs[i].info(`${reports[i].label}: ${pending.length} entries to inspect`)
      for (const entry of pending) {
        entries.push({
          ...entry,
          report: reports[i],
          log: logs[i],
          listed: entry.target !== targets[i]
        })
      }
    })
    counts.notInspectable = reports.reduce((n, r) => n + r.notInspectable.length, 0)

    sweeper.phase = 'reading links'
    await Promise.all(entries.map((entry) => readLinks(sweeper, entry)))
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
