// Response objects, shaped like the server's FileDto, FolderDto and FileShareDto (subset).
import type { Portal } from './context.js'
import type { EmulatorState, FileRecord, FolderLike, LinkRecord } from './state.js'
import { LinkType, RoomType, SubjectType } from './enums.js'

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
    created: portal.date(folder.createdAt),
    updated: portal.date(folder.updatedAt),
    fileEntryType: 1
  }
}

function childCounts(state: EmulatorState, folderId: number) {
  const { folders, files } = state.children(folderId)
  return { files: files.length, folders: folders.length }
}

/** The flags the server derives from the room a link's entry lives in. */
function linkFlags(link: LinkRecord, roomType: number | undefined) {
  const primary = link.subjectType === SubjectType.PrimaryExternalLink
  return {
    canEditInternal: roomType !== RoomType.VirtualDataRoom && roomType !== RoomType.PublicRoom,
    canEditDenyDownload: roomType === RoomType.VirtualDataRoom,
    canEditExpirationDate: !(primary && roomType === RoomType.PublicRoom),
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
