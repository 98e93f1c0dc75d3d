// The audit trail over the emulator's journal: how each MessageAction maps to the audit ActionType,
// EntryType and LocationType the filter works with, the English action texts, the per-portal audit
// settings (the plan's Audit option), and seeding downloads in bulk.
import type { Portal } from './context.js'
import type { EmulatorState, JournalEvent } from './state.js'
import { EntryType } from './enums.js'

/** Audit ActionType numbers. */
export const ActionType = {
  None: 0,
  Create: 1,
  Update: 2,
  Delete: 3,
  Link: 4,
  Unlink: 5,
  Attach: 6,
  Detach: 7,
  Send: 8,
  Import: 9,
  Export: 10,
  UpdateAccess: 11,
  Download: 12,
  Upload: 13,
  Copy: 14,
  Move: 15,
  Reassigns: 16,
  Follow: 17,
  Unfollow: 18,
  Logout: 19
} as const

/** Audit LocationType (the filter's `moduleType`). */
export const LocationType = { None: 0, Files: 1, Folders: 2, Rooms: 27 } as const

/** MessageAction codes the emulator journals. */
export const MessageAction = {
  FileDownloaded: 5009,
  FileDownloadedAs: 5010,
  FileRevisionDownloaded: 5062,
  FolderDownloaded: 5057,
  FileCreated: 5000,
  FileUploaded: 5011,
  FileUploadedWithOverwriting: 5099,
  FileExternalLinkCreated: 5091,
  FileExternalLinkUpdated: 5092,
  FileExternalLinkDeleted: 5093,
  FolderExternalLinkCreated: 5122,
  FolderExternalLinkUpdated: 5123,
  FolderExternalLinkDeleted: 5124,
  RoomExternalLinkCreated: 5088,
  RoomExternalLinkUpdated: 5089,
  RoomExternalLinkDeleted: 5090,
  RoomExternalLinkRevoked: 5097,
  RoomInvitationLinkCreated: 5086,
  RoomInvitationLinkUpdated: 5082,
  RoomInvitationLinkDeleted: 5087
} as const

export const DOWNLOAD_ACTIONS: readonly number[] = [
  MessageAction.FileDownloaded,
  MessageAction.FileDownloadedAs,
  MessageAction.FileRevisionDownloaded
]

interface ActionMeta {
  name: string
  actionType: number
  /** The audit EntryType the server's mapper files the action under. */
  entry: number
  /** English text; `{0}`, `{1}` are the event's descriptions. Empty where the server has no text. */
  text: string
}

const A = ActionType
const E = EntryType

// Texts of 5009, 5010 and 5057 are the server's English resources; 5062 has none (the server answers
// ""). For the link events the emulator writes a plain description of its own.
const ACTIONS: ReadonlyMap<number, ActionMeta> = new Map<number, ActionMeta>([
  [
    5009,
    { name: 'FileDownloaded', actionType: A.Download, entry: E.File, text: 'File Downloaded: {0}' }
  ],
  [
    5010,
    {
      name: 'FileDownloadedAs',
      actionType: A.Download,
      entry: E.File,
      text: 'Files [{0}]. Downloaded As: {1}'
    }
  ],
  [5062, { name: 'FileRevisionDownloaded', actionType: A.Download, entry: E.File, text: '' }],
  [
    5057,
    {
      name: 'FolderDownloaded',
      actionType: A.Download,
      entry: E.Folder,
      text: 'Folder Downloaded: {0}'
    }
  ],
  [5000, { name: 'FileCreated', actionType: A.Create, entry: E.File, text: 'File created: {0}' }],
  [5011, { name: 'FileUploaded', actionType: A.Upload, entry: E.File, text: 'File uploaded: {0}' }],
  [
    5099,
    {
      name: 'FileUploadedWithOverwriting',
      actionType: A.Upload,
      entry: E.File,
      text: 'File uploaded with overwriting: {0}'
    }
  ],
  [
    5091,
    {
      name: 'FileExternalLinkCreated',
      actionType: A.Create,
      entry: E.File,
      text: 'File external link created: {0}, {1}'
    }
  ],
  [
    5092,
    {
      name: 'FileExternalLinkUpdated',
      actionType: A.Update,
      entry: E.File,
      text: 'File external link updated: {0}, {1}'
    }
  ],
  [
    5093,
    {
      name: 'FileExternalLinkDeleted',
      actionType: A.Delete,
      entry: E.File,
      text: 'File external link deleted: {0}, {1}'
    }
  ],
  [
    5122,
    {
      name: 'FolderExternalLinkCreated',
      actionType: A.Create,
      entry: E.Folder,
      text: 'Folder external link created: {0}, {1}'
    }
  ],
  [
    5123,
    {
      name: 'FolderExternalLinkUpdated',
      actionType: A.Update,
      entry: E.Folder,
      text: 'Folder external link updated: {0}, {1}'
    }
  ],
  [
    5124,
    {
      name: 'FolderExternalLinkDeleted',
      actionType: A.Delete,
      entry: E.Folder,
      text: 'Folder external link deleted: {0}, {1}'
    }
  ],
  [
    5088,
    {
      name: 'RoomExternalLinkCreated',
      actionType: A.Create,
      entry: E.Room,
      text: 'Room external link created: {0}, {1}'
    }
  ],
  [
    5089,
    {
      name: 'RoomExternalLinkUpdated',
      actionType: A.Update,
      entry: E.Room,
      text: 'Room external link updated: {0}, {1}'
    }
  ],
  [
    5090,
    {
      name: 'RoomExternalLinkDeleted',
      actionType: A.Delete,
      entry: E.Room,
      text: 'Room external link deleted: {0}, {1}'
    }
  ],
  [
    5097,
    {
      name: 'RoomExternalLinkRevoked',
      actionType: A.Update,
      entry: E.Room,
      text: 'Room external link revoked: {0}, {1}'
    }
  ],
  [
    5086,
    {
      name: 'RoomInvitationLinkCreated',
      actionType: A.Create,
      entry: E.Room,
      text: 'Room invitation link created: {0}, {1}'
    }
  ],
  [
    5082,
    {
      name: 'RoomInvitationLinkUpdated',
      actionType: A.Update,
      entry: E.Room,
      text: 'Room invitation link updated: {0}, {1}'
    }
  ],
  [
    5087,
    {
      name: 'RoomInvitationLinkDeleted',
      actionType: A.Delete,
      entry: E.Room,
      text: 'Room invitation link deleted: {0}, {1}'
    }
  ]
])

const ACTION_BY_NAME: ReadonlyMap<string, number> = new Map(
  [...ACTIONS].map(([id, meta]) => [meta.name.toLowerCase(), id])
)

/** The MessageAction id for a number or a name (case-insensitive), as the query binder reads it. */
export function messageActionOf(text: string): number | undefined {
  const trimmed = text.trim()
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed)
  return ACTION_BY_NAME.get(trimmed.toLowerCase())
}

export function actionMeta(actionId: number): ActionMeta | undefined {
  return ACTIONS.get(actionId)
}

function locationOf(entry: number): number {
  if (entry === E.File) return LocationType.Files
  if (entry === E.Folder) return LocationType.Folders
  if (entry === E.Room) return LocationType.Rooms
  return LocationType.None
}

/** What the filter matches an event on: its mapping, or the journal's entry type for unmapped actions. */
export function classify(event: JournalEvent): {
  actionType: number
  entry: number
  location: number
} {
  const meta = ACTIONS.get(event.actionId)
  const entry = meta?.entry ?? event.entryType
  return { actionType: meta?.actionType ?? A.None, entry, location: locationOf(entry) }
}

/** The server's GUID for visitors who are not signed in is not modelled; downloads through a link use this. */
export const ANONYMOUS_USER_ID = '00000000-0000-0000-0000-000000000000'

export function auditEventDto(
  id: number,
  event: JournalEvent,
  state: EmulatorState,
  portal: Portal
) {
  const meta = ACTIONS.get(event.actionId)
  const { actionType, entry, location } = classify(event)
  const details = event.description ?? []
  const action = (meta?.text ?? '').replace(/\{(\d)\}/g, (_, i: string) => details[Number(i)] ?? '')
  const user = state.directory.byId(event.userId)
  return {
    id,
    date: portal.date(event.at),
    user: user?.displayName ?? 'Guest',
    userId: event.userId,
    action,
    actionId: event.actionId,
    ip: '127.0.0.1',
    country: '',
    city: '',
    browser: 'Emulator',
    platform: 'Emulator',
    page: '',
    actionType,
    product: 2,
    location,
    target: event.target,
    entries: [entry]
  }
}

// ---- per-portal settings ----

export interface AuditSettings {
  /**
   * false: the plan has no Audit option. The filter endpoint then ignores every parameter (filters and
   * paging alike) and answers the last 20 events, as the server does.
   */
  auditOption: boolean
}

const settings = new WeakMap<EmulatorState, AuditSettings>()

export type HasState = EmulatorState | { state: EmulatorState }

export function stateOf(target: HasState): EmulatorState {
  return 'journal' in target ? target : target.state
}

export function auditSettings(target: HasState): AuditSettings {
  const state = stateOf(target)
  let current = settings.get(state)
  if (!current) {
    current = { auditOption: true }
    settings.set(state, current)
  }
  return current
}

export function configureAudit(target: HasState, change: Partial<AuditSettings>): AuditSettings {
  return Object.assign(auditSettings(target), change)
}

// ---- seeding ----

export interface DownloadSeed {
  /** When the downloads happened (default now); all `count` events get this time. */
  at?: Date
  /** 5009 (default), 5010 or 5062. */
  actionId?: number
  /** Who downloaded (default an anonymous visitor). */
  userId?: string
}

/** Journals `count` downloads of a file at once, as if each had gone through the download handler. */
export function recordDownloads(
  target: HasState,
  fileId: number,
  count: number,
  seed: DownloadSeed = {}
): JournalEvent[] {
  const state = stateOf(target)
  const file = state.file(fileId)
  if (!file) throw new Error(`No file ${fileId} to record downloads of`)
  if (!Number.isSafeInteger(count) || count < 0 || count > 1_000_000) {
    throw new Error(`A download count must be a whole number from 0 to 1000000, not ${count}`)
  }
  const actionId = seed.actionId ?? MessageAction.FileDownloaded
  if (!DOWNLOAD_ACTIONS.includes(actionId)) throw new Error(`${actionId} is not a download action`)
  const events: JournalEvent[] = []
  for (let i = 0; i < count; i++) {
    events.push(
      state.record({
        at: seed.at,
        actionId,
        target: [String(file.id)],
        entryType: EntryType.File,
        userId: seed.userId ?? ANONYMOUS_USER_ID,
        description:
          actionId === MessageAction.FileDownloadedAs ? [file.title, 'pdf'] : [file.title]
      })
    )
  }
  return events
}
