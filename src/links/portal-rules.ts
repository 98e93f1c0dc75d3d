// What a real DocSpace portal allows a link to carry, by room type and by file kind. The portal refuses
// some of these with a 403 and silently ignores others (200, nothing changed), so the action checks them
// before it writes. Read from ONLYOFFICE/DocSpace-server v3.7.2:
// products/ASC.Files/Core/Core/Security/FileSecurity.cs (AvailableRoomAccesses, GetAccesses(File), the
// link limits) and products/ASC.Files/Core/Utils/FileSharing.cs (where they are checked).
import type { LinkType } from '../request.js'
import { accessOfServerName } from './access.js'

/** DocSpace RoomType numbers. */
export const RoomType = {
  FillingForms: 1,
  Collaboration: 2,
  Custom: 5,
  Public: 6,
  VirtualData: 8,
  AI: 9
} as const

const ROOM_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [RoomType.FillingForms, 'Form-filling room'],
  [RoomType.Collaboration, 'Collaboration room'],
  [RoomType.Custom, 'Custom room'],
  [RoomType.Public, 'Public room'],
  [RoomType.VirtualData, 'Virtual data room'],
  [RoomType.AI, 'AI room']
])

/** `Public room`, or `room type 7` for a number the action does not know. */
export function roomTypeName(roomType: number): string {
  return ROOM_TYPE_NAMES.get(roomType) ?? `room type ${roomType}`
}

export interface RoomLinkRules {
  /** Accesses an invitation link (linkType 0) may carry. RoomManager (9) never. */
  invitation: readonly number[]
  /** Accesses an external link (linkType 1) may carry; empty where the room takes no external link (403). */
  external: readonly number[]
  /** How many external links besides the primary one the room takes. */
  extraExternalLinks: number
}

// FileSecurity.cs AvailableRoomAccesses (L157 on) and the link limits (L110-128).
const ROOM_LINK_RULES: ReadonlyMap<number, RoomLinkRules> = new Map([
  [
    RoomType.Custom,
    { invitation: [11, 10, 5, 6, 2], external: [2, 10, 5, 6, 7], extraExternalLinks: 5 }
  ],
  [RoomType.Public, { invitation: [11, 2], external: [2], extraExternalLinks: 5 }],
  [RoomType.FillingForms, { invitation: [11, 7], external: [7, 2], extraExternalLinks: 0 }],
  [RoomType.Collaboration, { invitation: [11, 10, 2], external: [], extraExternalLinks: 0 }],
  [RoomType.VirtualData, { invitation: [11, 10, 2, 7], external: [], extraExternalLinks: 0 }]
])

/** The rules of a room type, or undefined for a type the action has no rules for (AI rooms, newer types). */
export function roomLinkRules(roomType: number): RoomLinkRules | undefined {
  return ROOM_LINK_RULES.get(roomType)
}

/** The accesses a room link of this type may carry, or undefined when the room type is unknown. */
export function roomLinkAccess(
  roomType: number,
  linkType: LinkType
): readonly number[] | undefined {
  const rules = roomLinkRules(roomType)
  if (!rules) return undefined
  return linkType === 0 ? rules.invitation : rules.external
}

/**
 * How DocSpace treats a file by its format. `not-viewable` files (archives, executables) take Read only,
 * and the portal silently skips any other access (200, no link / link unchanged); the other kinds answer
 * a 403 for an access their editor does not support.
 */
export type FileKind =
  'document' | 'spreadsheet' | 'presentation' | 'pdf' | 'pdf-form' | 'viewable' | 'not-viewable'

const EXTENSIONS: ReadonlyArray<[FileKind, readonly string[]]> = [
  [
    'document',
    ['.docx', '.docm', '.dotx', '.odt', '.rtf', '.txt', '.html', '.htm', '.md', '.epub', '.fb2']
  ],
  ['spreadsheet', ['.xlsx', '.xlsm', '.xltx', '.ods', '.csv']],
  ['presentation', ['.pptx', '.pptm', '.potx', '.odp']],
  ['pdf', ['.pdf']],
  // Formats the editors open only after conversion, images and media: viewable, Read only.
  [
    'viewable',
    [
      '.doc',
      '.xls',
      '.ppt',
      '.djvu',
      '.xps',
      '.oxps',
      '.svg',
      '.png',
      '.jpg',
      '.jpeg',
      '.gif',
      '.bmp',
      '.tif',
      '.tiff',
      '.webp',
      '.mp3',
      '.mp4',
      '.m4a',
      '.ogg',
      '.wav',
      '.webm',
      '.mov',
      '.avi',
      '.mkv'
    ]
  ]
]

// FileSecurity.cs GetAccesses(File) (L3267-3341): Editing needs a web-editable format, Review a format
// that supports it (documents), Comment one that supports comments; forms take FillForms, never Read.
const FILE_KIND_ACCESS: ReadonlyMap<FileKind, readonly number[]> = new Map([
  ['document', [2, 10, 5, 6]],
  ['spreadsheet', [2, 10, 6]],
  ['presentation', [2, 10, 6]],
  ['pdf', [2, 10, 6]],
  ['pdf-form', [7, 10]],
  ['viewable', [2]],
  ['not-viewable', [2]]
])

/** The kind of a file from its title (and the entry's `isForm` flag for PDF forms). */
export function fileKind(title: string, isForm = false): FileKind {
  const name = title.toLowerCase()
  if (isForm && name.endsWith('.pdf')) return 'pdf-form'
  for (const [kind, extensions] of EXTENSIONS) {
    if (extensions.some((extension) => name.endsWith(extension))) return kind
  }
  return 'not-viewable'
}

/** The accesses an external link on a file of this kind may carry. */
export function fileLinkAccess(kind: FileKind): readonly number[] {
  return FILE_KIND_ACCESS.get(kind) ?? [2]
}

/** Whether the portal answers 200 and changes nothing (instead of a 403) for an access the kind refuses. */
export function ignoresRefusedAccess(kind: FileKind): boolean {
  return kind === 'not-viewable'
}

/** A file kind in words, for messages: `an archive or other file the editors cannot open`. */
export function fileKindName(kind: FileKind): string {
  switch (kind) {
    case 'not-viewable':
      return 'a file the editors cannot open (an archive, an executable, …)'
    case 'viewable':
      return 'a file the portal only shows (an image, a media file, an old office format)'
    case 'pdf-form':
      return 'a PDF form'
    case 'pdf':
      return 'a PDF'
    default:
      return `a ${kind}`
  }
}

/**
 * The accesses of `availableShareRights[subject]` (FileShare names such as `Editing`) as numbers, without
 * None; undefined when the portal did not send the list.
 */
export function availableAccess(
  rights: Record<string, string[]> | undefined,
  subject: string
): number[] | undefined {
  const names = rights?.[subject]
  if (!Array.isArray(names)) return undefined
  const numbers = names.flatMap((name) => {
    const n = accessOfServerName(String(name))
    return n === undefined || n === 0 ? [] : [n]
  })
  return numbers
}
