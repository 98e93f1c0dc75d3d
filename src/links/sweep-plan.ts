import type { Target } from '../request.js'
import type { SweepCounts } from '../result.js'
import type { DocSpaceApi } from '../docspace/api.js'
import { listFolder } from '../docspace/entries.js'
import {
  fileTree,
  filesUnder,
  listFiles,
  listFolders,
  type FileTree,
  type ListedFile,
  type ListedFolder
} from '../docspace/listing.js'
import {
  docSpaceVersion,
  parseVersion,
  SHARED_FLAG_VERSION,
  versionAtLeast
} from '../docspace/portal-version.js'
import type { Logger } from '../log.js'
import type { EntryCheck } from './enforce.js'
import type { ShareRightsEntry } from './share-rights.js'
import type { TargetLog } from './sweep-log.js'
import { failureOf, type TargetReport } from './sweep-report.js'

// The sweep's first phase: which entries of the targets have their links read. Portals that mark shared
// entries in their listings get a plan that grows with the shared entries; older ones get the full walk.
// Only the sweep uses it; it lives here, not in the operation, to keep each module short.

/** Folders deeper than this below a swept folder are not descended into (full walk). */
const MAX_DEPTH = 32

interface FolderNode {
  target: Target
  label: string
  files: number[]
  children: FolderNode[]
}

export type PendingEntry = Omit<EntryCheck, 'links'> & {
  links?: EntryCheck['links']
  /** Marked shared without `canShare`: an empty links list means "cannot see them". */
  mayBeHidden?: boolean
}

/** An entry to check, with where its lines and results go. */
export interface PlannedEntry extends PendingEntry {
  report: TargetReport
  log: TargetLog
  /** Found through a listing: when it is gone by the time its links are read, it was removed meanwhile. */
  listed: boolean
}

export interface Sweeper {
  client: DocSpaceApi
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
// key cannot inspect (`shared` without `canShare`) are counted and named, never silently skipped. Each
// entry is handed to `early` as its page comes, so that its links are read while the listing goes on.
async function plannedEntries(
  sweeper: Sweeper,
  target: Target,
  label: string,
  report: TargetReport,
  early: (entry: PendingEntry) => void
): Promise<PendingEntry[]> {
  // Known once both listings are complete, before any count is taken.
  const listed: { tree?: FileTree } = {}
  // The entries to inspect, by `kind:id`, decided as each comes.
  const chosen = new Map<string, PendingEntry>()
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
    chosen.set(`${pending.target.kind}:${pending.target.id}`, pending)
    if (!own) early(pending)
  }
  const onFolders = (folders: ListedFolder[]): void => {
    sweeper.counts.listed += folders.length
    for (const folder of folders) {
      consider(folder, {
        target: { kind: 'folder', id: folder.id },
        label: `folder ${folder.id} (in ${label})`,
        // Asked for once the listings are complete, when the counts are taken.
        countedFiles: async () => (listed.tree ? filesUnder(listed.tree, folder.id, true) : [])
      })
    }
  }
  const onFiles = (files: ListedFile[]): void => {
    sweeper.counts.listed += files.length
    for (const file of files) {
      consider(file, {
        target: { kind: 'file', id: file.id },
        label: `file ${file.id} (in ${label})`,
        countedFiles: async () => [file.id]
      })
    }
  }
  const [files, folders] = await Promise.all([
    listFiles(sweeper.client, target.id, sweeper.recursive, onFiles),
    sweeper.recursive
      ? listFolders(sweeper.client, target.id, true, onFolders)
      : Promise.resolve({ items: [] as ListedFolder[], unsettled: false, current: undefined })
  ])
  if (files.unsettled || folders.unsettled) {
    report.notes.push(
      `${label} changed while it was listed: entries added meanwhile are left for the next sweep.`
    )
  }
  listed.tree = fileTree(files.items, folders.items)
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
  // In the order of the listings: the target, its folders, its files.
  const keys = [
    `${target.kind}:${target.id}`,
    ...folders.items.map((f) => `folder:${f.id}`),
    ...files.items.map((f) => `file:${f.id}`)
  ]
  return keys.flatMap((key) => {
    const entry = chosen.get(key)
    return entry ? [entry] : []
  })
}

// Phase 1 for one target: the entries whose links are to be read.
export async function entriesOfTarget(
  sweeper: Sweeper,
  target: Target,
  report: TargetReport,
  log: TargetLog,
  early: (entry: PendingEntry) => void = () => undefined
): Promise<PendingEntry[]> {
  const label = report.label
  if (!claim(sweeper, target)) {
    log.info(`${label} was already swept with another target`)
    return []
  }
  if (target.kind === 'file') {
    return [{ target, label, countedFiles: async () => [target.id] }]
  }
  if (sweeper.useFlags) return plannedEntries(sweeper, target, label, report, early)
  const tree = await expand(sweeper, target, label, 0, new Set([target.id]), report.failures)
  return entriesOf(sweeper, tree, true)
}

export function uniqueTargets(targets: Target[]): Target[] {
  const seen = new Set<string>()
  return targets.filter((t) => {
    const key = `${t.kind}:${t.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

// Whether listings can be trusted to mark shared entries; the full walk otherwise, with a notice.
export async function listingsMarkShared(client: DocSpaceApi, log: Logger): Promise<boolean> {
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
