// Numeric enumerations as the server puts them on the wire.

export const RoomType = {
  FillingFormsRoom: 1,
  EditingRoom: 2,
  CustomRoom: 5,
  PublicRoom: 6,
  VirtualDataRoom: 8,
  AiRoom: 9
} as const

export const FileShare = {
  None: 0,
  ReadWrite: 1,
  Read: 2,
  Restrict: 3,
  Varies: 4,
  Review: 5,
  Comment: 6,
  FillForms: 7,
  CustomFilter: 8,
  RoomManager: 9,
  Editing: 10,
  ContentCreator: 11
} as const

export const SubjectType = {
  User: 0,
  ExternalLink: 1,
  Group: 2,
  InvitationLink: 3,
  PrimaryExternalLink: 4
} as const

export const LinkType = { Invitation: 0, External: 1 } as const

/** Audit EntryType of a journal event. */
export const EntryType = { File: 1, Folder: 2, Room: 25 } as const

/** MessageAction codes of link changes, by what the link belongs to. */
export const LinkActions = {
  file: { created: 5091, updated: 5092, deleted: 5093 },
  folder: { created: 5122, updated: 5123, deleted: 5124 },
  room: { created: 5088, updated: 5089, deleted: 5090 },
  roomInvitation: { created: 5086, updated: 5082, deleted: 5087 },
  /** The primary link of a public or form-filling room was revoked and replaced. */
  roomRevoked: 5097
} as const
