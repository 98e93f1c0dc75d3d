// Folder and room contents as the server lists them: GET /api/2.0/files/{folderId} with `filterType`,
// `withSubFolders`, `sortBy`/`sortOrder` and offset paging (DocSpace-server v3.7.2:
// products/ASC.Files/Server/Api/FoldersController.cs L270-282, Core/Utils/EntryManager.cs L535-663,
// Core/Core/Dao/TeamlabDao/FileDao.cs L2606-2712, FolderDao.cs L2142-2178), and the share flags every
// listed entry carries (ApiModels/ResponseDto/FileEntryDto.cs L79-100, L392-396, L436-458).
import type { RequestContext } from './context.js'
import type { EmulatorState, EntryRecord, FileRecord, FolderLike } from './state.js'
import { ValidationError } from './http.js'
import { paging } from './binding.js'
import { fileDto, folderDto, shareFields } from './dto.js'
import { callerId } from './routes/lookup.js'
import { SubjectType } from './enums.js'
import { versionAtLeast } from './routes/settings.js'

/** The FilterType values the emulator models (FilterTypeEnum.cs); other filters are refused. */
export const FilterType = { None: 0, FilesOnly: 1, FoldersOnly: 2 } as const

/** SortedByType names the emulator orders by. */
const SORT_KEYS = ['AZ', 'DateAndTime', 'DateAndTimeCreation', 'Size', 'Type'] as const
type SortKey = (typeof SORT_KEYS)[number]

interface SortOrder {
  sortBy: SortKey
  ascending: boolean
}

interface ListingSettings {
  /** Each user's saved default order: passing `sortBy` saves it (FileStorageService L360-367). */
  savedSort: Map<string, SortOrder>
}

const settings = new WeakMap<EmulatorState, ListingSettings>()

export function listingSettings(state: EmulatorState): ListingSettings {
  let current = settings.get(state)
  if (!current) {
    current = { savedSort: new Map() }
    settings.set(state, current)
  }
  return current
}

/** Takes the share right on an entry away from every user of the portal (or gives it back). */
export function setShareRights(state: EmulatorState, entryId: number, allowed: boolean): void {
  for (const user of state.directory.users()) {
    if (allowed) state.restoreShareRights(entryId, user.id)
    else state.withholdShareRights(entryId, user.id)
  }
}

// `shared`: the entry has an external or primary external link of its own, expired or not, internal or
// not; invitation links and inherited links do not count (File.cs L418-423, Folder.cs L373-378). Before
// 3.5 listings marked only My documents and rooms with a primary link (EntryManager @v3.2.1 L362, L389):
// modelled as no file or folder ever marked.
function shareFlags(
  state: EmulatorState,
  entry: EntryRecord,
  userId: string,
  modern: boolean,
  parentSharedOf: (parentId: number) => boolean
) {
  const own = (id: number) =>
    state
      .links(entry.kind === 'file' ? 'file' : 'folder', id)
      .filter(
        (l) =>
          l.subjectType === SubjectType.ExternalLink ||
          l.subjectType === SubjectType.PrimaryExternalLink
      )
  const links = own(entry.id)
  const marked =
    modern ||
    (entry.kind === 'room' && links.some((l) => l.subjectType === SubjectType.PrimaryExternalLink))
  const parentShared = parentSharedOf(entry.parentId)
  // canShare, security, availableShareRights and shareSettings, as on an entry read on its own.
  return Object.assign(shareFields(state, entry, userId), {
    shared: marked && links.length > 0,
    sharedExternal: modern ? links.some((l) => !l.internal) : undefined,
    parentShared
  })
}

function readFilterType(query: Record<string, string>): number {
  const text = query.filterType?.trim()
  if (text === undefined || text === '') return FilterType.None
  const byName = Object.entries(FilterType).find(([k]) => k.toLowerCase() === text.toLowerCase())
  const value = byName ? byName[1] : /^\d+$/.test(text) ? Number(text) : NaN
  if (!(Object.values(FilterType) as number[]).includes(value)) {
    throw new ValidationError({ filterType: [`The value '${text}' is not valid for FilterType.`] })
  }
  return value
}

function readBool(query: Record<string, string>, name: string): boolean | undefined {
  const text = query[name]?.trim().toLowerCase()
  if (text === undefined || text === '') return undefined
  if (text === 'true') return true
  if (text === 'false') return false
  throw new ValidationError({ [name]: [`The value '${query[name]}' is not valid for ${name}.`] })
}

// Without `sortBy` the caller's saved order applies (the emulator's default: by title); with it, it is
// saved for the next listing, in the UI too.
function readSort(ctx: RequestContext): SortOrder | undefined {
  const saved = listingSettings(ctx.state).savedSort
  const userId = ctx.user?.id ?? ''
  const text = ctx.query.sortBy?.trim()
  if (text === undefined || text === '') return saved.get(userId)
  const sortBy = SORT_KEYS.find((k) => k.toLowerCase() === text.toLowerCase())
  if (!sortBy)
    throw new ValidationError({ sortBy: [`The value '${text}' is not valid for sortBy.`] })
  const order = ctx.query.sortOrder?.trim().toLowerCase()
  const sort = { sortBy, ascending: order !== 'descending' && order !== '1' }
  saved.set(userId, sort)
  return sort
}

// No key is unique, so ties are broken by id, as the database happens to return them.
function comparator(sort: SortOrder | undefined): (a: EntryRecord, b: EntryRecord) => number {
  const key = (e: EntryRecord): number | string => {
    switch (sort?.sortBy) {
      case 'DateAndTimeCreation':
        return e.createdAt.getTime()
      case 'DateAndTime':
        return e.updatedAt.getTime()
      case 'Size':
        return e.kind === 'file' ? e.size : 0
      default:
        return e.title.toLowerCase()
    }
  }
  const sign = sort && !sort.ascending ? -1 : 1
  return (a, b) => {
    const x = key(a)
    const y = key(b)
    const c =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return sign * (c || a.id - b.id)
  }
}

// The tree by parent, built once per revision of the portal's entries: a large tree is listed page by
// page, and each page would otherwise walk every entry again.
interface TreeIndex {
  revision: string
  byParent: Map<number, EntryRecord[]>
  /** Ordered listings already computed, by folder, filter and sort. */
  ordered: Map<string, EntryRecord[]>
}

const indexes = new WeakMap<EmulatorState, TreeIndex>()

function treeIndex(state: EmulatorState): TreeIndex {
  const known = indexes.get(state)
  if (known && known.revision === state.revision) return known
  const byParent = new Map<number, EntryRecord[]>()
  for (const e of state.all()) {
    if (e.id === e.parentId) continue
    const list = byParent.get(e.parentId) ?? []
    list.push(e)
    byParent.set(e.parentId, list)
  }
  const index = { revision: state.revision, byParent, ordered: new Map() }
  indexes.set(state, index)
  return index
}

function childCounts(index: TreeIndex, folderId: number) {
  const children = index.byParent.get(folderId) ?? []
  const files = children.filter((e) => e.kind === 'file').length
  return { files, folders: children.length - files }
}

// Every entry below `root` (not `root` itself), through the folder tree (`files_folder_tree`).
function descendants(index: TreeIndex, rootId: number): EntryRecord[] {
  const byParent = index.byParent
  const out: EntryRecord[] = []
  const queue = [rootId]
  const seen = new Set(queue)
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift() as number) ?? []) {
      out.push(child)
      if (child.kind !== 'file' && !seen.has(child.id)) {
        seen.add(child.id)
        queue.push(child.id)
      }
    }
  }
  return out
}

/** FolderContentDto: folders then files, paged over the two together; `total` counts both. */
export function folderContent(ctx: RequestContext, folder: FolderLike) {
  const { state, portal } = ctx
  const user = callerId(ctx)
  const { startIndex, count } = paging(ctx.query)
  const filterType = readFilterType(ctx.query)
  // v3.7 defaults withSubFolders to true; it only takes effect with a filter (FileDao L2611-2617).
  const withSubFolders = readBool(ctx.query, 'withSubFolders') ?? true
  const sort = readSort(ctx)
  const index = treeIndex(state)
  const recursive = filterType !== FilterType.None && withSubFolders
  // Creation times and titles never change, so those orders keep until an entry comes or goes.
  const stable = sort?.sortBy === 'DateAndTimeCreation' || sort?.sortBy === 'AZ'
  const key = `${folder.id}|${filterType}|${recursive}|${sort?.sortBy}|${sort?.ascending}`
  let all = stable ? index.ordered.get(key) : undefined
  if (!all) {
    let folders: FolderLike[]
    let files: FileRecord[]
    if (recursive) {
      const below = descendants(index, folder.id)
      folders = below.filter((e): e is FolderLike => e.kind !== 'file')
      files = below.filter((e): e is FileRecord => e.kind === 'file')
    } else {
      ;({ folders, files } = state.children(folder.id))
    }
    if (filterType === FilterType.FilesOnly) folders = []
    if (filterType === FilterType.FoldersOnly) files = []
    const order = comparator(sort)
    if (sort) {
      folders = [...folders].sort(order)
      files = [...files].sort(order)
    }
    all = [...folders, ...files]
    if (stable) index.ordered.set(key, all)
  }
  const window = all.slice(startIndex, startIndex + count)
  // Entries of one page mostly share their folders: each folder's answer is worked out once.
  const parentShared = new Map<number, boolean>()
  const parentSharedOf = (parentId: number): boolean => {
    let known = parentShared.get(parentId)
    if (known === undefined) {
      known = state
        .path(parentId)
        .some((f) =>
          state.links('folder', f.id).some((l) => l.subjectType !== SubjectType.InvitationLink)
        )
      parentShared.set(parentId, known)
    }
    return known
  }
  // Assigned onto the fresh DTO rather than spread into another copy: a page holds a hundred entries.
  const modern = versionAtLeast(state, 3, 5)
  const withFlags = <T extends object>(dto: T, entry: EntryRecord) =>
    Object.assign(dto, shareFlags(state, entry, user, modern, parentSharedOf))
  return {
    files: window.flatMap((e) => (e.kind === 'file' ? [withFlags(fileDto(e, portal), e)] : [])),
    folders: window.flatMap((e) =>
      e.kind === 'file' ? [] : [withFlags(folderDto(e, state, portal, childCounts(index, e.id)), e)]
    ),
    current: withFlags(folderDto(folder, state, portal, childCounts(index, folder.id)), folder),
    pathParts: state.path(folder.id).map((f) => ({ id: f.id, title: f.title })),
    startIndex,
    count: window.length,
    total: all.length,
    new: 0
  }
}
