// The in-memory portal: folders, rooms, files, their share links, the users, and an ordered journal of
// events that the audit trail reads.
import { randomBytes, randomUUID } from 'node:crypto'
import { Directory } from './users.js'
import { EntryType, LinkType, RoomType, SubjectType } from './enums.js'

export type EntryKind = 'file' | 'folder' | 'room'

interface EntryBase {
  id: number
  title: string
  parentId: number
  createdAt: Date
  updatedAt: Date
  createdBy: string
}

export interface FolderRecord extends EntryBase {
  kind: 'folder'
}

export interface RoomRecord extends EntryBase {
  kind: 'room'
  roomType: number
}

export interface FileRecord extends EntryBase {
  kind: 'file'
  /** A PDF form: it takes FillForms links, never Read. */
  isForm?: boolean
  /** Bytes of the current version; absent when only a size was seeded. */
  content?: Buffer
  size: number
  version: number
}

export type FolderLike = FolderRecord | RoomRecord
export type EntryRecord = FolderLike | FileRecord

export interface LinkRecord {
  /** The link id (GUID), the `linkId` of PUT …/links. */
  id: string
  entryId: number
  title: string
  access: number
  /** null: never expires. */
  expirationDate: Date | null
  password?: string
  denyDownload: boolean
  internal: boolean
  /** 4 primary external, 1 additional external, 3 invitation. */
  subjectType: number
  /** 1 external, 0 invitation. */
  linkType: number
  maxUseCount?: number
  currentUseCount: number
  createdAt: Date
  /** Short URL key (`{portal}/s/{key}`): it belongs to the link id and survives updates. */
  key: string
  /** Signed share token of external links. */
  requestToken: string
}

export interface JournalEvent {
  at: Date
  /** MessageAction code. */
  actionId: number
  target: string[]
  /** Audit EntryType: 1 file, 2 folder, 25 room. */
  entryType: number
  userId: string
  /** Free-form details, e.g. the entry title. */
  description?: string[]
}

export interface LinkSeed {
  id?: string
  title?: string
  access?: number
  expirationDate?: Date | null
  password?: string
  denyDownload?: boolean
  internal?: boolean
  primary?: boolean
  linkType?: number
  maxUseCount?: number
  currentUseCount?: number
  createdAt?: Date
}

export const DEFAULT_LINK_TITLE = 'Shared link'

/** Portal-wide settings a real portal lets its admin change, and what its build reports. */
export interface PortalSettings {
  /** `docSpace` of GET settings/version/build. */
  version: string
  /** `files:uploader:chunk-size`, the `chunkUploadSize` of GET files/settings. */
  chunkUploadSize: number
  /** The admin setting that makes every new link internal (FileStorageService.cs L5967-6003). */
  internalLinksByDefault: boolean
  /** False on portals older than the `POST files/{folderId}/session` endpoint: it answers 404 there. */
  sessionEndpoint: boolean
  /** `documentServer` of GET settings/version/build: null (omitted) when no editors are connected. */
  documentServerVersion: string | null
  /** False: external sharing is restricted (FilesSettings.cs L539: `!DisableShareLinkSetting`). */
  externalShare: boolean
  externalShareApplyToDocuments: boolean
  externalShareApplyToRooms: boolean
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  version: '3.7.2.1871',
  chunkUploadSize: 10 * 1024 * 1024,
  internalLinksByDefault: false,
  sessionEndpoint: true,
  documentServerVersion: '9.0.4.50',
  externalShare: true,
  externalShareApplyToDocuments: false,
  externalShareApplyToRooms: false
}

export function entryTypeOf(entry: EntryRecord): number {
  return entry.kind === 'file'
    ? EntryType.File
    : entry.kind === 'room'
      ? EntryType.Room
      : EntryType.Folder
}

/** Primary first, then invitation, then additional links; creation order within each. */
function linkOrder(a: LinkRecord, b: LinkRecord): number {
  return b.subjectType - a.subjectType || a.createdAt.getTime() - b.createdAt.getTime()
}

export class EmulatorState {
  readonly directory = new Directory()
  readonly journal: JournalEvent[] = []
  readonly myDocumentsId: number
  /** The system folder that holds the rooms. */
  readonly roomsFolderId: number
  private lastId = 0
  private readonly entries = new Map<number, EntryRecord>()
  private readonly linksByEntry = new Map<number, LinkRecord[]>()
  readonly settings: PortalSettings = { ...DEFAULT_PORTAL_SETTINGS }
  /** Entry id → users who may not manage its links (nor those of anything inside it). */
  private readonly withheld = new Map<number, Set<string>>()

  constructor() {
    this.myDocumentsId = this.insertFolder('My documents', 0).id
    this.roomsFolderId = this.insertFolder('Rooms', 0).id
  }

  // ---- reading ----

  entry(id: number): EntryRecord | undefined {
    return this.entries.get(id)
  }

  file(id: number): FileRecord | undefined {
    const e = this.entries.get(id)
    return e?.kind === 'file' ? e : undefined
  }

  /** Rooms are folders too. */
  folder(id: number): FolderLike | undefined {
    const e = this.entries.get(id)
    return e && e.kind !== 'file' ? e : undefined
  }

  room(id: number): RoomRecord | undefined {
    const e = this.entries.get(id)
    return e?.kind === 'room' ? e : undefined
  }

  /** Changes whenever an entry is added or removed: listings cache their work by it. */
  get revision(): string {
    return `${this.lastId}:${this.entries.size}`
  }

  /** Every file, folder and room, in no particular order. */
  all(): IterableIterator<EntryRecord> {
    return this.entries.values()
  }

  /** Direct children, each list sorted by title. */
  children(folderId: number): { folders: FolderLike[]; files: FileRecord[] } {
    const folders: FolderLike[] = []
    const files: FileRecord[] = []
    for (const e of this.entries.values()) {
      if (e.parentId !== folderId || e.id === folderId) continue
      if (e.kind === 'file') files.push(e)
      else folders.push(e)
    }
    const byTitle = (a: EntryRecord, b: EntryRecord) =>
      a.title.localeCompare(b.title, 'en') || a.id - b.id
    return { folders: folders.sort(byTitle), files: files.sort(byTitle) }
  }

  /** Folders from the root down to `folderId` itself. */
  path(folderId: number): FolderLike[] {
    const out: FolderLike[] = []
    for (let f = this.folder(folderId); f; f = f.parentId ? this.folder(f.parentId) : undefined) {
      out.unshift(f)
      if (out.length > 1000) break
    }
    return out
  }

  /** The room an entry is in (a room is in itself), if any. */
  roomOf(entryId: number): RoomRecord | undefined {
    const entry = this.entry(entryId)
    if (!entry) return undefined
    if (entry.kind === 'room') return entry
    return this.path(entry.parentId).find((f): f is RoomRecord => f.kind === 'room')
  }

  /**
   * Links of an entry in the order the server lists them (primary first). `kind` 'folder' also
   * finds a room's links, as rooms are folders. The records are live: mutate through the API.
   */
  links(kind: EntryKind, id: number): LinkRecord[] {
    const entry = this.entry(id)
    if (!entry || !kindMatches(kind, entry)) return []
    return [...(this.linksByEntry.get(id) ?? [])].sort(linkOrder)
  }

  link(entryId: number, linkId: string): LinkRecord | undefined {
    const id = linkId.toLowerCase()
    return this.linksByEntry.get(entryId)?.find((l) => l.id === id)
  }

  /**
   * Whether `userId` may see and manage the links of an entry: the server's CanEditAccess / ReadLinks
   * (products/ASC.Files/Core/Utils/FileSharing.cs L661-728). Everyone may, unless a test withheld the right
   * on the entry or on a folder or room above it.
   */
  canShare(entryId: number, userId: string): boolean {
    const entry = this.entry(entryId)
    if (!entry) return false
    const chain: EntryRecord[] = [entry, ...this.path(entry.parentId)]
    return !chain.some((e) => this.withheld.get(e.id)?.has(userId))
  }

  // ---- seeding (no validation beyond referential integrity, no journal) ----

  /** Gives back a share right taken with withholdShareRights. */
  restoreShareRights(entryId: number, userId: string): void {
    this.withheld.get(entryId)?.delete(userId)
  }

  /** Takes the share right on an entry (and what it holds) away from a user, as a room role would. */
  withholdShareRights(entryId: number, userId: string): void {
    if (!this.entry(entryId)) throw new Error(`No entry ${entryId}`)
    const set = this.withheld.get(entryId) ?? new Set<string>()
    set.add(userId)
    this.withheld.set(entryId, set)
  }

  addFolder(input: { title: string; parentId?: number; createdBy?: string }): FolderRecord {
    const parentId = input.parentId ?? this.myDocumentsId
    if (!this.folder(parentId)) throw new Error(`No folder ${parentId} to put "${input.title}" in`)
    const folder = this.insertFolder(input.title, parentId)
    if (input.createdBy) folder.createdBy = input.createdBy
    return folder
  }

  addRoom(input: { title: string; roomType?: number }): RoomRecord {
    const roomType = input.roomType ?? RoomType.CustomRoom
    if (!(Object.values(RoomType) as number[]).includes(roomType)) {
      throw new Error(`Unknown room type ${roomType}`)
    }
    const room: RoomRecord = {
      ...this.newEntry(input.title, this.roomsFolderId),
      kind: 'room',
      roomType
    }
    this.entries.set(room.id, room)
    return room
  }

  addFile(input: {
    parentId: number
    title: string
    content?: Buffer | string
    size?: number
    isForm?: boolean
  }): FileRecord {
    if (!this.folder(input.parentId)) {
      throw new Error(`No folder ${input.parentId} to put "${input.title}" in`)
    }
    const content =
      input.content === undefined
        ? undefined
        : Buffer.isBuffer(input.content)
          ? input.content
          : Buffer.from(input.content, 'utf8')
    const file: FileRecord = {
      ...this.newEntry(input.title, input.parentId),
      kind: 'file',
      content,
      size: content?.length ?? input.size ?? 0,
      version: 1,
      ...(input.isForm ? { isForm: true } : {})
    }
    this.entries.set(file.id, file)
    return file
  }

  /** Stores a link as given, so tests can create links the API would refuse (e.g. already expired). */
  addLink(target: { kind: EntryKind; id: number }, seed: LinkSeed = {}): LinkRecord {
    const entry = this.entry(target.id)
    if (!entry || !kindMatches(target.kind, entry)) {
      throw new Error(`No ${target.kind} ${target.id} to add a link to`)
    }
    const linkType =
      entry.kind === 'room' ? (seed.linkType ?? LinkType.External) : LinkType.External
    const subjectType =
      linkType === LinkType.Invitation
        ? SubjectType.InvitationLink
        : seed.primary
          ? SubjectType.PrimaryExternalLink
          : SubjectType.ExternalLink
    return this.insertLink({
      id: (seed.id ?? randomUUID()).toLowerCase(),
      entryId: entry.id,
      title: seed.title ?? DEFAULT_LINK_TITLE,
      access: seed.access ?? 2,
      expirationDate: seed.expirationDate ?? null,
      password: seed.password,
      denyDownload: seed.denyDownload ?? false,
      internal: seed.internal ?? false,
      subjectType,
      linkType,
      maxUseCount: linkType === LinkType.Invitation ? seed.maxUseCount : undefined,
      currentUseCount: seed.currentUseCount ?? 0,
      createdAt: seed.createdAt ?? new Date()
    })
  }

  /** Removes an entry, and everything below a folder, as a user deleting it meanwhile would. */
  removeEntry(id: number): void {
    const doomed = [id]
    for (let i = 0; i < doomed.length && i < 1_000_000; i++) {
      for (const e of this.entries.values()) if (e.parentId === doomed[i]) doomed.push(e.id)
    }
    for (const gone of doomed) {
      this.entries.delete(gone)
      this.linksByEntry.delete(gone)
    }
  }

  // ---- changes made by the API ----

  /** Stores a new link; the short key and share token are made here. */
  insertLink(link: Omit<LinkRecord, 'key' | 'requestToken'>): LinkRecord {
    const record: LinkRecord = {
      ...link,
      key: randomBytes(6).toString('base64url'),
      requestToken: randomBytes(32).toString('base64url')
    }
    const list = this.linksByEntry.get(link.entryId) ?? []
    list.push(record)
    this.linksByEntry.set(link.entryId, list)
    return record
  }

  deleteLink(entryId: number, linkId: string): boolean {
    const list = this.linksByEntry.get(entryId)
    const index = list?.findIndex((l) => l.id === linkId.toLowerCase()) ?? -1
    if (!list || index < 0) return false
    list.splice(index, 1)
    return true
  }

  /** Removes an entry with everything inside it and their links; returns how many entries went. */
  deleteEntry(id: number): number {
    const doomed = [id]
    for (let i = 0; i < doomed.length; i++) {
      for (const e of this.entries.values()) {
        if (e.parentId === doomed[i] && e.id !== doomed[i]) doomed.push(e.id)
      }
    }
    let removed = 0
    for (const entryId of doomed) {
      if (this.entries.delete(entryId)) removed++
      this.linksByEntry.delete(entryId)
    }
    return removed
  }

  createFolder(title: string, parentId: number, userId: string): FolderRecord {
    const folder = this.insertFolder(title, parentId)
    folder.createdBy = userId
    return folder
  }

  /** Appends to the journal; events stay in the order they happened. */
  record(event: Omit<JournalEvent, 'at'> & { at?: Date }): JournalEvent {
    const full: JournalEvent = { ...event, at: event.at ?? new Date() }
    this.journal.push(full)
    return full
  }

  nextId(): number {
    return ++this.lastId
  }

  private newEntry(title: string, parentId: number): EntryBase {
    const now = new Date()
    return {
      id: this.nextId(),
      title,
      parentId,
      createdAt: now,
      updatedAt: now,
      createdBy: this.directory.admin.id
    }
  }

  private insertFolder(title: string, parentId: number): FolderRecord {
    const folder: FolderRecord = { ...this.newEntry(title, parentId), kind: 'folder' }
    this.entries.set(folder.id, folder)
    return folder
  }
}

function kindMatches(kind: EntryKind, entry: EntryRecord): boolean {
  return kind === entry.kind || (kind === 'folder' && entry.kind === 'room')
}
