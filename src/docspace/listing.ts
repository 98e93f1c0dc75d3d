// Listing a whole subtree in pages of 100. `GET files/{id}?filterType=1&withSubFolders=true` lists
// every file below a folder or room as one paged list (`filterType=2`: every folder below it), with an
// exact `total`, and marks each entry `shared` (it has external links of its own) and `canShare` (this
// key can see and change them). Paging is by offset and no sort key is unique, so the order asked for is
// by creation time (new entries land at the end), entries are kept once by id, and `total` is checked
// again at the end: when it moved, the list is paged again.
import type { DocSpaceApi } from './api.js'
import { listFolder } from './entries.js'
import {
  docSpaceVersion,
  parseVersion,
  SHARED_FLAG_VERSION,
  versionAtLeast
} from './portal-version.js'
import type { FileDto, FolderDto } from './types.js'
import { readPages } from './paging.js'
import { checkFile, checkFolder, entryProblem, isObject, listAt, shapeError } from './shapes.js'

export const PAGE_SIZE = 100
/** 10,000 pages of 100: a million entries under one root, far beyond any portal worth sweeping. */
const MAX_PAGES = 10_000
/** Passes over a list that keeps changing while it is read, before it is taken as it is. */
const MAX_PASSES = 3
/** Listing pages asked for at once; the client's pool and pacing bound them further. */
const IN_FLIGHT = 8

const FILTER_FILES_ONLY = 1
const FILTER_FOLDERS_ONLY = 2

/** The share flags the server sets on listed entries (v3.5 and later). */
export interface ShareFlags {
  shared?: boolean
  canShare?: boolean
}

export type ListedFile = FileDto & ShareFlags
export type ListedFolder = FolderDto & ShareFlags

export interface Listing<T> {
  items: T[]
  /** The folder or room listed, as the server describes it (with its own share flags). */
  current?: ListedFolder
  /** Pages read. */
  pages: number
  /** The list still changed on the last pass: entries added meanwhile may be missing. */
  unsettled: boolean
}

/**
 * Every item of an offset-paged list, each once by id, read with the bounded, de-duplicating pager (up
 * to eight pages in flight once the total is known): a repeated page, a page of nothing new, a `total` the
 * pages do not bear out and the page bound each end the listing with a note (a warning and a line in the summary). A pass is
 * trusted when every page reported the same total and at least that many distinct items came; otherwise
 * the list is read again, a bounded number of times.
 */
async function pageAll<T extends { id: number }>(
  client: DocSpaceApi,
  label: string,
  fetchPage: (
    startIndex: number
  ) => Promise<{ items: T[]; total?: number; current?: ListedFolder }>,
  onItems?: (items: T[]) => void
): Promise<Listing<T>> {
  const byId = new Map<number, T>()
  // Entries are handed on once, as their page comes, whichever pass brought them.
  const announce = (items: T[]): void => {
    const fresh = items.filter((item) => !byId.has(item.id))
    for (const item of fresh) byId.set(item.id, item)
    if (fresh.length > 0) onItems?.(fresh)
  }
  let pages = 0
  let current: ListedFolder | undefined
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const listed = await readPages<T>({
      label,
      pageSize: PAGE_SIZE,
      maxPages: MAX_PAGES,
      concurrency: IN_FLIGHT,
      idOf: (item) => item.id,
      fetch: async (startIndex) => {
        const page = await fetchPage(startIndex)
        current ??= page.current
        return page
      },
      onItems: announce
    })
    pages += listed.pages
    if (listed.note) {
      client.findings.note(listed.note)
      return { items: [...byId.values()], current, pages, unsettled: !listed.complete }
    }
    if (listed.settled) return { items: [...byId.values()], current, pages, unsettled: false }
  }
  return { items: [...byId.values()], current, pages, unsettled: true }
}

function query(filterType: number, recursive: boolean, startIndex: number) {
  return {
    filterType,
    withSubFolders: recursive,
    // Saved as the key's user's default order in the web UI: the server offers no way to sort without.
    sortBy: 'DateAndTimeCreation',
    sortOrder: 'ascending',
    count: PAGE_SIZE,
    startIndex
  }
}

/** One page of a subtree listing; entries of the wrong shape are reported and left out. */
async function contentPage<T>(
  client: DocSpaceApi,
  folderId: number,
  filterType: number,
  recursive: boolean,
  startIndex: number
): Promise<{ items: T[]; total?: number; current?: ListedFolder }> {
  const path = `/api/2.0/files/${folderId}`
  const endpoint = `GET ${path}`
  const { data } = await client.request<unknown>('GET', path, {
    query: query(filterType, recursive, startIndex),
    retry: 'read'
  })
  if (data === undefined || data === null) return { items: [] }
  if (!isObject(data)) throw shapeError(endpoint, 'response', 'an object', data)
  const field = filterType === FILTER_FILES_ONLY ? 'files' : 'folders'
  const check = filterType === FILTER_FILES_ONLY ? checkFile : checkFolder
  const items: T[] = []
  listAt(data[field], endpoint, `response.${field}`).forEach((raw, i) => {
    const checked = check(raw, `response.${field}[${i}]`)
    if (checked.ok) items.push(checked.value as T)
    else client.findings.problem(entryProblem(endpoint, checked, 'that entry was left out'))
  })
  const current = checkFolder(data.current, 'response.current')
  return {
    items,
    total: typeof data.total === 'number' ? data.total : undefined,
    current: current.ok ? current.value : undefined
  }
}

// v3.5 and v3.6 ignore `withSubFolders: false` and always list the subtree: a listing of the direct
// entries keeps only those whose parent is the folder listed.
function directOnly<T>(items: T[], parentOf: (item: T) => number | undefined, id: number): T[] {
  return items.filter((item) => {
    const parent = parentOf(item)
    return parent === undefined || parent === id
  })
}

function direct<T>(listing: Listing<T>, parentOf: (item: T) => number | undefined, id: number) {
  return { ...listing, items: directOnly(listing.items, parentOf, id) }
}

/** Hands on the entries of a page, without those `direct` leaves out. */
function handOn<T>(
  onItems: ((items: T[]) => void) | undefined,
  recursive: boolean,
  parentOf: (item: T) => number | undefined,
  id: number
): ((items: T[]) => void) | undefined {
  if (!onItems || recursive) return onItems
  return (items) => {
    const kept = directOnly(items, parentOf, id)
    if (kept.length > 0) onItems(kept)
  }
}

/**
 * Every file in a folder or room; with `recursive`, in all of its subfolders too. `onItems` gets the
 * files of each page as it comes, so that the caller can start on them while the listing goes on.
 */
export async function listFiles(
  client: DocSpaceApi,
  folderId: number,
  recursive: boolean,
  onItems?: (files: ListedFile[]) => void
): Promise<Listing<ListedFile>> {
  const parentOf = (f: ListedFile): number | undefined => f.folderId
  const listing = await pageAll<ListedFile>(
    client,
    `the contents of folder ${folderId}`,
    (start) => contentPage<ListedFile>(client, folderId, FILTER_FILES_ONLY, recursive, start),
    handOn(onItems, recursive, parentOf, folderId)
  )
  return recursive ? listing : direct(listing, parentOf, folderId)
}

/** Every folder below a folder or room (not itself); with `recursive` false, the direct ones only. */
export async function listFolders(
  client: DocSpaceApi,
  folderId: number,
  recursive: boolean,
  onItems?: (folders: ListedFolder[]) => void
): Promise<Listing<ListedFolder>> {
  const parentOf = (f: ListedFolder): number | undefined => f.parentId
  const listing = await pageAll<ListedFolder>(
    client,
    `the folders below folder ${folderId}`,
    (start) => contentPage<ListedFolder>(client, folderId, FILTER_FOLDERS_ONLY, recursive, start),
    handOn(onItems, recursive, parentOf, folderId)
  )
  return recursive ? listing : direct(listing, parentOf, folderId)
}

/** Files of a tree, by the folder they are directly in. */
export interface FileTree {
  filesIn: Map<number, number[]>
  foldersIn: Map<number, number[]>
}

export function fileTree(files: ListedFile[], folders: ListedFolder[]): FileTree {
  const filesIn = new Map<number, number[]>()
  const foldersIn = new Map<number, number[]>()
  const add = (map: Map<number, number[]>, key: number | undefined, id: number): void => {
    if (key === undefined) return
    const list = map.get(key)
    if (list) list.push(id)
    else map.set(key, [id])
  }
  for (const f of files) add(filesIn, f.folderId, f.id)
  for (const f of folders) add(foldersIn, f.parentId, f.id)
  return { filesIn, foldersIn }
}

/** The files directly in `folderId`, or with `recursive` anywhere below it, from a listed tree. */
export function filesUnder(tree: FileTree, folderId: number, recursive: boolean): number[] {
  if (!recursive) return tree.filesIn.get(folderId) ?? []
  const out: number[] = []
  const seen = new Set<number>([folderId])
  const queue = [folderId]
  // Bounded by the folders listed: each is visited once.
  while (queue.length > 0) {
    const id = queue.pop() as number
    out.push(...(tree.filesIn.get(id) ?? []))
    for (const child of tree.foldersIn.get(id) ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      queue.push(child)
    }
  }
  return out
}

/** Folders deeper than this below the folder listed are not descended into by the full walk. */
const MAX_WALK_DEPTH = 32

/**
 * The ids of the files in a folder or room, with `recursive` of all the files below it: one paged list
 * on portals whose listings recurse (3.5 and later), else folder by folder.
 */
export async function fileIdsUnder(
  client: DocSpaceApi,
  folderId: number,
  recursive: boolean
): Promise<number[]> {
  if (!recursive) return (await listFiles(client, folderId, false)).items.map((f) => f.id)
  const version = parseVersion(await docSpaceVersion(client))
  if (version && versionAtLeast(version, SHARED_FLAG_VERSION)) {
    return (await listFiles(client, folderId, true)).items.map((f) => f.id)
  }
  const ids: number[] = []
  const seen = new Set<number>([folderId])
  let level = [folderId]
  for (let depth = 0; depth <= MAX_WALK_DEPTH && level.length > 0; depth++) {
    const contents = await Promise.all(level.map((id) => listFolder(client, id)))
    level = []
    for (const { files, folders } of contents) {
      ids.push(...files.map((f) => f.id))
      for (const f of folders) {
        if (seen.has(f.id)) continue
        seen.add(f.id)
        level.push(f.id)
      }
    }
  }
  return ids
}
