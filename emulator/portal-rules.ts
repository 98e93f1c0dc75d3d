// What a real portal allows and what it rewrites, as the server's source has it (ONLYOFFICE/DocSpace-server
// v3.7.2). The emulator keeps its own copy of these rules, apart from the action's, so that a test proves the
// action right against the server's behaviour rather than against itself.
import { FileShare, LinkType, RoomType } from './enums.js'

const { Read, Review, Comment, FillForms, Editing, ContentCreator } = FileShare

export interface RoomLinkRule {
  invitation: readonly number[]
  /** Empty: the room takes no external link at all (403). */
  external: readonly number[]
  /** External links besides the primary one. */
  extraExternal: number
}

// products/ASC.Files/Core/Core/Security/FileSecurity.cs: AvailableRoomAccesses (L157 on) gives the accesses
// by room type and link subject; the link limits are L110-128. No room type offers RoomManager (9) to an
// invitation link. An unknown room type (AI rooms) is treated like a Custom room.
const ROOM_RULES: ReadonlyMap<number, RoomLinkRule> = new Map([
  [
    RoomType.CustomRoom,
    {
      invitation: [ContentCreator, Editing, Review, Comment, Read],
      external: [Read, Editing, Review, Comment, FillForms],
      extraExternal: 5
    }
  ],
  [RoomType.PublicRoom, { invitation: [ContentCreator, Read], external: [Read], extraExternal: 5 }],
  [
    RoomType.FillingFormsRoom,
    { invitation: [ContentCreator, FillForms], external: [FillForms, Read], extraExternal: 0 }
  ],
  [
    RoomType.EditingRoom,
    { invitation: [ContentCreator, Editing, Read], external: [], extraExternal: 0 }
  ],
  [
    RoomType.VirtualDataRoom,
    { invitation: [ContentCreator, Editing, Read, FillForms], external: [], extraExternal: 0 }
  ]
])

export function roomRule(roomType: number): RoomLinkRule {
  return ROOM_RULES.get(roomType) ?? (ROOM_RULES.get(RoomType.CustomRoom) as RoomLinkRule)
}

export function roomAccesses(roomType: number, linkType: number): readonly number[] {
  const rule = roomRule(roomType)
  return linkType === LinkType.Invitation ? rule.invitation : rule.external
}

/** How the editors treat a file, by its extension (and the form flag). */
export type FileFormat =
  'document' | 'spreadsheet' | 'presentation' | 'pdf' | 'form' | 'viewable' | 'other'

// web/ASC.Web.Core/Files/FileUtility.cs: the extensions the editors open (ExtsWebEdited, ExtsWebReviewed,
// ExtsWebCommented) and those only viewed (images, media, formats converted on opening). Everything else
// (archives, executables, tarballs) cannot be opened at all.
const FORMATS: ReadonlyArray<[FileFormat, readonly string[]]> = [
  [
    'document',
    ['.docx', '.docm', '.dotx', '.odt', '.rtf', '.txt', '.html', '.htm', '.md', '.epub']
  ],
  ['spreadsheet', ['.xlsx', '.xlsm', '.xltx', '.ods', '.csv']],
  ['presentation', ['.pptx', '.pptm', '.potx', '.odp']],
  ['pdf', ['.pdf']],
  [
    'viewable',
    ['.doc', '.xls', '.ppt', '.djvu', '.xps', '.svg', '.png', '.jpg', '.jpeg', '.gif', '.bmp']
  ],
  ['viewable', ['.tif', '.tiff', '.webp', '.mp3', '.mp4', '.m4a', '.ogg', '.wav', '.webm', '.mov']]
]

export function fileFormat(title: string, isForm = false): FileFormat {
  const name = title.toLowerCase()
  if (isForm && name.endsWith('.pdf')) return 'form'
  for (const [format, extensions] of FORMATS) {
    if (extensions.some((e) => name.endsWith(e))) return format
  }
  return 'other'
}

// products/ASC.Files/Core/Core/Security/FileSecurity.cs GetAccesses(File) (L3267-3341): Editing needs a format
// the editors write, Review one they review (documents), Comment one they comment; a PDF form takes
// FillForms or Editing and refuses Read. Checked in products/ASC.Files/Core/Utils/FileSharing.cs L156-165.
const FORMAT_ACCESS: ReadonlyMap<FileFormat, readonly number[]> = new Map([
  ['document', [Read, Editing, Review, Comment]],
  ['spreadsheet', [Read, Editing, Comment]],
  ['presentation', [Read, Editing, Comment]],
  ['pdf', [Read, Editing, Comment]],
  ['form', [FillForms, Editing]],
  ['viewable', [Read]],
  ['other', [Read]]
])

export function formatAccesses(format: FileFormat): readonly number[] {
  return FORMAT_ACCESS.get(format) ?? [Read]
}

/**
 * FileSharing.cs L156-165: on a file the editors cannot open, an access other than Read is skipped without a
 * word (no 403): the create answers 200 with no link, the update leaves the link as it was.
 */
export function skipsRefusedAccess(format: FileFormat): boolean {
  return format === 'other'
}

/** FileSecurity.cs L3381, FileSharing.cs L197: since v3.6 only a folder's creator may revoke its links. */
export const FOLDER_REVOKE_BY_CREATOR_ONLY = true

// products/ASC.Files/Core/Helpers/Global.cs ReplaceInvalidCharsAndTruncate (L196-241): the characters
// \ / : * ? " < > |, the plus sign, tabs and every UTF-16 surrogate (so an emoji becomes "__") turn into `_`,
// surrounding white space is trimmed and the title is cut to 170 characters.
export const MAX_TITLE_LENGTH = 170
const INVALID_TITLE_CHARS = /[\\/:*?"<>|+\t\uD800-\uDFFF]/g

export function storedTitle(title: string): string {
  let out = title.replace(INVALID_TITLE_CHARS, '_').trim()
  if (out.length > MAX_TITLE_LENGTH) out = out.slice(0, MAX_TITLE_LENGTH)
  return out
}

// products/ASC.Files/Core/Core/EF/DbFile.cs L227-232: titles are compared under the utf8_general_ci
// collation, so `App.zip` and `app.zip` (and `é`/`e`) are the same name.
export function sameTitle(a: string, b: string): boolean {
  return fold(a) === fold(b)
}

function fold(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}
