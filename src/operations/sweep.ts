import type { ActionRequest, Target } from '../request.js'
import { settleEach, TaskPool } from '../concurrency.js'
import { DownloadCounter } from '../docspace/audit.js'
import type { DocSpaceClient, RequestOptions, RetryNotice } from '../docspace/client.js'
import { listFolder } from '../docspace/entries.js'
import { DocSpaceError } from '../docspace/errors.js'
import { describeTarget, listLinks } from '../docspace/links.js'
import type { Logger } from '../log.js'
import type { OperationContext } from '../context.js'
import {
  enforceOnEntry,
  limitPolicyOf,
  type EnforceSettings,
  type EntryCheck,
  type EntryOutcome
} from '../links/enforce.js'
import type { OperationResult, OutputLink } from '../result.js'
import { messageOf } from '../text.js'

/** Pause when a 429 reaches the sweep without saying how long to wait. */
export const RATE_LIMIT_PAUSE_MS = 1000
/** How many times the sweep itself repeats a request the client gave up on after 429s. */
const RATE_LIMIT_ROUNDS = 3
/** Folders deeper than this below a swept folder are not descended into. */
const MAX_DEPTH = 32

// "file 12: File 12 was not found…" says it twice: name the target only when the message does not.
function failureOf(label: string, error: unknown): string {
  const message = messageOf(error)
  const named = !label.includes(' (') && message.toLowerCase().startsWith(label.toLowerCase())
  return named ? message : `${label}: ${message}`
}

/**
 * The same client with every request run through the pool. A 429 pauses the whole pool (every worker, not
 * only the one that met it) for as long as the portal asked, so the sweep as a whole slows down instead of
 * each worker hammering the limit on its own. The client retries the request itself after that wait; a
 * request that still ends in a 429 pauses the pool once more and is tried again, a bounded number of times.
 */
export function pooledClient(
  client: DocSpaceClient,
  pool: TaskPool,
  onPause: (ms: number) => void = () => undefined
): DocSpaceClient {
  const pauseFor = (ms: number): void => {
    pool.pause(ms)
    onPause(ms)
  }
  const onRetry = (retry: RetryNotice): void => {
    if (retry.status === 429) pauseFor(retry.waitMs)
  }
  const pooled = Object.create(client) as DocSpaceClient
  pooled.request = async <T>(method: string, path: string, options: RequestOptions = {}) => {
    for (let round = 1; ; round++) {
      try {
        return await pool.run(() => client.request<T>(method, path, { ...options, onRetry }))
      } catch (error) {
        // A 429 means the portal refused the request before acting on it: repeating is always safe.
        if (!(error instanceof DocSpaceError) || error.kind !== 'rate-limited') throw error
        if (round > RATE_LIMIT_ROUNDS) throw error
        pauseFor(RATE_LIMIT_PAUSE_MS)
      }
    }
  }
  return pooled
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

interface Sweeper {
  client: DocSpaceClient
  settings: Omit<EnforceSettings, 'log'>
  recursive: boolean
  /** Entries already swept (`file:12`): a file in two swept folders, or also given on its own, is swept once. */
  claimed: Set<string>
}

interface TargetReport {
  label: string
  links: OutputLink[]
  notes: string[]
  failures: string[]
  uncounted: Array<{ reason: string; label: string }>
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

// Lists a folder or room (every page), and with `recursive` its subfolders too. A subfolder that cannot
// be listed is a failure of its own; the rest of the tree is still swept.
async function expand(
  sweeper: Sweeper,
  target: Target,
  label: string,
  depth: number,
  seen: Set<number>,
  failures: string[]
): Promise<FolderNode> {
  const { files, folders } = await listFolder(sweeper.client, target.id)
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
function entriesOf(
  sweeper: Sweeper,
  node: FolderNode,
  ownLinks?: EntryCheck['links']
): PendingEntry[] {
  const counted = sweeper.recursive ? allFiles(node) : node.files
  const entries: PendingEntry[] = []
  if (ownLinks !== undefined || claim(sweeper, node.target)) {
    entries.push({
      target: node.target,
      label: node.label,
      links: ownLinks,
      countedFiles: async () => counted
    })
  }
  for (const id of node.files) {
    const target: Target = { kind: 'file', id }
    if (!claim(sweeper, target)) continue
    entries.push({ target, label: `file ${id} (in ${node.label})`, countedFiles: async () => [id] })
  }
  for (const child of node.children) entries.push(...entriesOf(sweeper, child))
  return entries
}

type PendingEntry = Omit<EntryCheck, 'links'> & { links?: EntryCheck['links'] }

async function sweepEntry(
  sweeper: Sweeper,
  entry: PendingEntry,
  report: TargetReport,
  log: Logger
): Promise<void> {
  let outcome: EntryOutcome
  try {
    const links = entry.links ?? (await listLinks(sweeper.client, entry.target))
    outcome = await enforceOnEntry({ ...entry, links }, { ...sweeper.settings, log })
  } catch (error) {
    report.failures.push(failureOf(entry.label, error))
    log.warning(`${entry.label} could not be swept: ${messageOf(error)}`)
    return
  }
  report.links.push(...outcome.links)
  report.notes.push(...outcome.notes)
  report.failures.push(...outcome.failures)
  if (outcome.uncounted) report.uncounted.push({ reason: outcome.uncounted, label: entry.label })
}

async function sweepTarget(sweeper: Sweeper, target: Target, root: Logger): Promise<TargetReport> {
  const label = describeTarget(target)
  const report: TargetReport = { label, links: [], notes: [], failures: [], uncounted: [] }
  const log = new TargetLog()
  try {
    if (!claim(sweeper, target)) {
      log.info(`${label} was already swept with another target`)
      return report
    }
    const links = await listLinks(sweeper.client, target)
    if (target.kind === 'file') {
      await sweepEntry(
        sweeper,
        { target, label, links, countedFiles: async () => [target.id] },
        report,
        log
      )
    } else {
      const tree = await expand(sweeper, target, label, 0, new Set([target.id]), report.failures)
      const entries = entriesOf(sweeper, tree, links)
      log.info(`${label}: ${entries.length - 1} entries inside to sweep`)
      await Promise.all(entries.map((entry) => sweepEntry(sweeper, entry, report, log)))
    }
  } catch (error) {
    report.failures.push(failureOf(label, error))
    log.warning(`${label} could not be swept: ${messageOf(error)}`)
  } finally {
    const revoked = report.links.filter(
      (l) => l.action === 'revoked' || l.action === 'would-revoke'
    )
    log.info(`${label}: ${report.links.length} links checked, ${revoked.length} revoked`)
    log.flush(root, label)
  }
  return report
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

function uncountedNotes(reports: TargetReport[]): string[] {
  const byReason = new Map<string, string[]>()
  for (const { reason, label } of reports.flatMap((r) => r.uncounted)) {
    byReason.set(reason, [...(byReason.get(reason) ?? []), label])
  }
  const shown = 10
  return [...byReason].map(([reason, labels]) => {
    const more = labels.length > shown ? ` and ${labels.length - shown} more` : ''
    return `${reason} (${labels.slice(0, shown).join(', ')}${more})`
  })
}

/**
 * Enforces the policy on many files, folders and rooms: expired links, download limits, `max-age` and
 * `title-pattern`. Requests run in parallel within `concurrency`; a target that fails is reported and
 * the others are still swept.
 */
export async function sweep(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const policy = request.policy
  const now = context.now()
  const pool = new TaskPool(Math.max(1, policy.concurrency))
  let pauses = 0
  const client = pooledClient(context.client, pool, (ms) => {
    pauses++
    context.log.warning(
      `The portal's rate limit was hit: the sweep pauses for ${(ms / 1000).toFixed(1)} s`
    )
  })
  const sweeper: Sweeper = {
    client,
    recursive: policy.recursive,
    claimed: new Set(),
    settings: {
      client,
      counter: new DownloadCounter(client),
      policy: limitPolicyOf(request, false),
      titlePattern: policy.titlePattern,
      dryRun: request.dryRun,
      now,
      countAll: false
    }
  }
  const targets = uniqueTargets(request.targets)
  // Enough targets in flight to keep every request slot busy; the pool bounds the requests themselves.
  const settled = await settleEach(targets, Math.max(4, policy.concurrency * 4), (target) =>
    sweepTarget(sweeper, target, context.log)
  )
  const reports = settled.map((s, i) =>
    s.status === 'fulfilled'
      ? s.value
      : {
          label: describeTarget(targets[i]),
          links: [],
          notes: [],
          failures: [failureOf(describeTarget(targets[i]), s.reason)],
          uncounted: []
        }
  )

  const checked = reports.flatMap((r) => r.links)
  const revoked = checked.filter((l) => l.action === 'revoked' || l.action === 'would-revoke')
  const keptCount = checked.length - revoked.length
  const failures = reports.flatMap((r) => r.failures)
  const notes = [...new Set(reports.flatMap((r) => r.notes)), ...uncountedNotes(reports)]
  if (pauses > 0) notes.push(`The portal's rate limit paused the sweep ${pauses} time(s).`)

  const verb = request.dryRun ? 'would revoke' : 'revoked'
  let headline =
    `Swept ${targets.length} target${targets.length === 1 ? '' : 's'}: ` +
    `${checked.length} link${checked.length === 1 ? '' : 's'} checked, ${verb} ${revoked.length}, kept ${keptCount}`
  if (failures.length > 0)
    headline += `, ${failures.length} failure${failures.length === 1 ? '' : 's'}`

  const result: OperationResult = {
    operation: request.operation,
    dryRun: request.dryRun,
    headline,
    links: revoked,
    revoked: revoked.length > 0,
    revokedCount: revoked.length,
    keptCount,
    notes
  }
  if (failures.length > 0) {
    if (policy.failOnError) result.failures = failures
    else {
      for (const failure of failures) context.log.warning(failure)
      result.notes = [...notes, ...failures.map((f) => `Not swept: ${f}`)]
    }
  }
  return result
}
