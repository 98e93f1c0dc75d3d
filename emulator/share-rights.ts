// What an entry DTO says about sharing it: `canShare`, `security`, `availableShareRights` and
// `shareSettings`, as the server's FileEntryDto/FileDto/FolderDto fill them
// (products/ASC.Files/Core/ApiModels/ResponseDto/FileEntryDto.cs L400-460, FileDto.cs L310, FolderDto.cs
// L406; the limits from FileSecurity.cs `_linkCountRoomSettingsAccesses` and
// `_linkCountRoomFileSettingsAccesses`, L110-155). Dictionary keys and rights go out as enum names.
import type { RequestContext } from './context.js'
import { FileShare, RoomType } from './enums.js'
import { forbidden } from './http.js'
import { ENTRY_LINK_ACCESS, ROOM_EXTERNAL_ACCESS, ROOM_INVITATION_ACCESS } from './link-rules.js'
import { canShare } from './portal-settings.js'
import type { EmulatorState, EntryRecord } from './state.js'

const SHARE_NAMES = new Map<number, string>(Object.entries(FileShare).map(([name, n]) => [n, name]))
const names = (accesses: readonly number[]) =>
  accesses.filter((a) => a !== FileShare.None).map((a) => SHARE_NAMES.get(a) ?? String(a))

// Rooms: how many primary and additional external links each type takes.
const ROOM_LINK_COUNTS: ReadonlyMap<number, Record<string, number>> = new Map<
  number,
  Record<string, number>
>([
  [RoomType.CustomRoom, { PrimaryExternalLink: 1, ExternalLink: 5 }],
  [RoomType.PublicRoom, { PrimaryExternalLink: 1, ExternalLink: 5 }],
  [RoomType.FillingFormsRoom, { PrimaryExternalLink: 1 }]
])

// Files and folders, by the room they are in (none: My documents).
function entryLinkCounts(roomType: number | undefined): Record<string, number> {
  if (roomType === RoomType.PublicRoom) return { PrimaryExternalLink: 1, ExternalLink: 5 }
  if (roomType === RoomType.FillingFormsRoom) return { PrimaryExternalLink: 1 }
  return { ExternalLink: 6 }
}

function availableShareRights(entry: EntryRecord): Record<string, string[]> {
  if (entry.kind === 'room') {
    return {
      InvitationLink: names(ROOM_INVITATION_ACCESS),
      ExternalLink: names(ROOM_EXTERNAL_ACCESS),
      PrimaryExternalLink: names(ROOM_EXTERNAL_ACCESS)
    }
  }
  return { ExternalLink: names(ENTRY_LINK_ACCESS), PrimaryExternalLink: names(ENTRY_LINK_ACCESS) }
}

/** The sharing fields of an entry's DTO for the caller; `shareSettings` is omitted without the right. */
export function shareFields(state: EmulatorState, entry: EntryRecord, userId: string | undefined) {
  const may = canShare(state, entry.id, userId)
  const counts =
    entry.kind === 'room'
      ? ROOM_LINK_COUNTS.get(entry.roomType)
      : entryLinkCounts(state.roomOf(entry.id)?.roomType)
  return {
    canShare: may,
    shareSettings: may && counts && Object.keys(counts).length > 0 ? counts : undefined,
    security: {
      Read: true,
      Create: entry.kind !== 'file',
      EditAccess: may,
      Download: true
    },
    availableShareRights: availableShareRights(entry)
  }
}

/** A links PUT by a user without the share right is a 403 (FileSharing.cs L704-728). */
export function requireShareRight(ctx: RequestContext, entry: EntryRecord): void {
  if (!canShare(ctx.state, entry.id, ctx.user?.id)) throw forbidden('Access denied')
}
