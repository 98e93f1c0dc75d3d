// Response objects, shaped like the server's FileDto, FolderDto and FileShareDto (subset).
import type { Portal } from './context.js'
import type { EmulatorState, FileRecord, FolderLike, LinkRecord } from './state.js'
import { FileShare, LinkType, RoomType, SubjectType } from './enums.js'
import type { EntryRecord } from './state.js'
import { canEditExpiration, canEditInternal } from './link-rules.js'
import { fileFormat, formatAccesses, roomRule } from './portal-rules.js'

/** The server's human-readable size, e.g. "12.3 KB". */
export function humanSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(2))} ${units[unit]}`
}

export function extensionOf(title: string): string {
  const dot = title.lastIndexOf('.')
  return dot > 0 ? title.slice(dot).toLowerCase() : ''
}

export function fileDto(file: FileRecord, portal: Portal) {
  return {
    id: file.id,
    title: file.title,
    folderId: file.parentId,
    version: file.version,
    pureContentLength: file.size,
    contentLength: humanSize(file.size),
    created: portal.date(file.createdAt),
    updated: portal.date(file.updatedAt),
    fileExst: extensionOf(file.title),
    isForm: file.isForm ? true : undefined,
    webUrl: `${portal.url}/doceditor?fileid=${file.id}&version=${file.version}`,
    fileEntryType: 2
  }
}

/** `counts`: the folder's direct files and folders, when the caller already knows them. */
export function folderDto(
  folder: FolderLike,
  state: EmulatorState,
  portal: Portal,
  counts?: { files: number; folders: number }
) {
  const known = counts ?? childCounts(state, folder.id)
  return {
    id: folder.id,
    title: folder.title,
    parentId: folder.parentId,
    filesCount: known.files,
    foldersCount: known.folders,
    roomType: folder.kind === 'room' ? folder.roomType : undefined,
    createdBy: creator(state, folder.createdBy),
    created: portal.date(folder.createdAt),
    updated: portal.date(folder.updatedAt),
    fileEntryType: 1
  }
}

/** EmployeeDto of an entry's creator (a subset). */
function creator(state: EmulatorState, userId: string) {
  const user = state.directory.byId(userId)
  return { id: userId, displayName: user?.displayName }
}

function childCounts(state: EmulatorState, folderId: number) {
  const { folders, files } = state.children(folderId)
  return { files: files.length, folders: folders.length }
}

/** The flags the server derives from the room a link's entry lives in. */
function linkFlags(link: LinkRecord, roomType: number | undefined) {
  const primary = link.subjectType === SubjectType.PrimaryExternalLink
  return {
    canEditInternal: canEditInternal(roomType),
    canEditDenyDownload: roomType === RoomType.VirtualDataRoom,
    canEditExpirationDate: canEditExpiration(roomType, primary),
    canRevoke:
      (primary && roomType === RoomType.PublicRoom) || roomType === RoomType.FillingFormsRoom
  }
}

export interface ShareDtoOptions {
  /** The server drops the share token from some replies (a room's replaced primary link). */
  withoutRequestToken?: boolean
  now?: Date
}

export function fileShareDto(
  link: LinkRecord,
  state: EmulatorState,
  portal: Portal,
  options: ShareDtoOptions = {}
) {
  const now = options.now ?? new Date()
  const invitation = link.linkType === LinkType.Invitation
  const sharedLink = {
    id: link.id,
    title: link.title,
    shareLink: `${portal.url}/s/${link.key}`,
    expirationDate: link.expirationDate ? portal.date(link.expirationDate) : undefined,
    linkType: link.linkType,
    password: link.password,
    denyDownload: link.denyDownload,
    isExpired: link.expirationDate !== null && link.expirationDate.getTime() < now.getTime(),
    primary: link.subjectType === SubjectType.PrimaryExternalLink,
    internal: link.internal,
    requestToken: invitation || options.withoutRequestToken ? undefined : link.requestToken,
    maxUseCount: invitation ? link.maxUseCount : undefined,
    currentUseCount: invitation ? link.currentUseCount : undefined
  }
  return {
    access: link.access,
    sharedTo: sharedLink,
    sharedLink,
    isLocked: false,
    isOwner: false,
    canEditAccess: false,
    ...linkFlags(link, state.roomOf(link.entryId)?.roomType),
    subjectType: link.subjectType
  }
}

const SHARE_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(FileShare).map(([name, n]) => [n, name])
)

// The same few access lists come for every entry of a listing: their names are worked out once each.
const namesOf = new WeakMap<readonly number[], string[]>()

function shareNames(accesses: readonly number[]): string[] {
  let names = namesOf.get(accesses)
  if (!names) {
    names = [...accesses, FileShare.None].map((n) => SHARE_NAMES.get(n) ?? String(n))
    namesOf.set(accesses, names)
  }
  return names
}

/**
 * What the caller may do with an entry's links, as FileEntryDto puts it (products/ASC.Files/Core/ApiModels/
 * ResponseDto/FileEntryDto.cs L392-396, L458; FileDto.cs AvailableShareRights): `canShare`, `security`,
 * `availableShareRights` (FileShare names by subject) and `shareSettings` (link limits by subject).
 * Collaboration and Virtual data rooms always show `canShare: false`, and still list file-style external
 * rights although they take no external link; their `shareSettings` has no ExternalLink then.
 */
// FileSecurity.cs L108-155: files in My documents and most rooms take 6 additional links and no primary
// one; files in a Public room 1 primary and 5 additional; in a Form-filling room only the primary.
function fileLinkCounts(roomType: number | undefined): Record<string, number> {
  if (roomType === RoomType.PublicRoom) return { PrimaryExternalLink: 1, ExternalLink: 5 }
  if (roomType === RoomType.FillingFormsRoom) return { PrimaryExternalLink: 1 }
  return { ExternalLink: 6 }
}

export function shareFields(state: EmulatorState, entry: EntryRecord, userId: string) {
  const rights = state.canShare(entry.id, userId)
  const noExternal =
    entry.kind === 'room' &&
    (entry.roomType === RoomType.EditingRoom || entry.roomType === RoomType.VirtualDataRoom)
  const security = {
    Read: true,
    Edit: rights,
    EditAccess: rights,
    ReadLinks: rights,
    Create: entry.kind !== 'file',
    EditInternal: rights && canEditInternal(state.roomOf(entry.id)?.roomType),
    Download: true
  }
  if (!rights) return { canShare: false, security }
  let available: Record<string, string[]>
  let shareSettings: Record<string, number>
  if (entry.kind === 'file') {
    const names = shareNames(formatAccesses(fileFormat(entry.title, entry.isForm)))
    available = { ExternalLink: names, PrimaryExternalLink: names }
    shareSettings = fileLinkCounts(state.roomOf(entry.id)?.roomType)
  } else if (entry.kind === 'room') {
    const rule = roomRule(entry.roomType)
    available = {
      InvitationLink: shareNames(rule.invitation),
      ExternalLink: shareNames(
        noExternal
          ? [FileShare.Editing, FileShare.Review, FileShare.Comment, FileShare.Read]
          : rule.external
      )
    }
    shareSettings = noExternal
      ? { InvitationLink: 1 }
      : { InvitationLink: 1, ExternalLink: rule.extraExternal, PrimaryExternalLink: 1 }
  } else {
    const names = shareNames([
      FileShare.Editing,
      FileShare.FillForms,
      FileShare.Review,
      FileShare.Comment,
      FileShare.Read
    ])
    available = { ExternalLink: names, PrimaryExternalLink: names }
    shareSettings = { ExternalLink: 6, PrimaryExternalLink: 1 }
  }
  return {
    canShare: !noExternal,
    security,
    availableShareRights: available,
    shareSettings
  }
}
