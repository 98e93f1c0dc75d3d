// DTOs as the DocSpace server really sends them (see the server's FileShareDto, AuditEventDto, FileDto).
// Properties that are null are omitted by the server, so most are optional. Dates are ISO strings.

export interface Envelope<T> {
  response?: T
  count?: number
  total?: number
  /** 0 success, 1 error: not an HTTP code. */
  status?: number
  /** The HTTP status code. */
  statusCode?: number
  error?: { message?: string; type?: string | null }
}

export interface SharedLinkDto {
  id: string
  title?: string
  shareLink?: string
  /** Omitted when the link never expires. */
  expirationDate?: string
  /** 1 external, 0 invitation. */
  linkType?: number
  /** Returned in clear text to managers: never log or output it. */
  password?: string
  denyDownload?: boolean
  isExpired?: boolean
  primary?: boolean
  internal?: boolean
  /** Signed share token: never log it. */
  requestToken?: string
  maxUseCount?: number
  currentUseCount?: number
}

export interface FileShareDto {
  access: number
  sharedLink?: SharedLinkDto
  /** Obsolete twin of sharedLink that the server still sends. */
  sharedTo?: SharedLinkDto
  /** 4 primary external link, 1 additional external link, 3 invitation link. */
  subjectType?: number
  isLocked?: boolean
  isOwner?: boolean
  canEditAccess?: boolean
  canEditInternal?: boolean
  canEditDenyDownload?: boolean
  canEditExpirationDate?: boolean
  canRevoke?: boolean
}

/** Body of PUT files/file|folder|rooms/{id}/links. It replaces the whole link: omitted fields reset. */
export interface LinkRequestBody {
  linkId?: string
  /** 0 deletes the link. */
  access: number
  title?: string
  /** ISO 8601 with an offset; a past date is silently dropped by the server (the link never expires). */
  expirationDate?: string
  password?: string
  denyDownload?: boolean
  internal?: boolean
  primary?: boolean
  /** Rooms only: 1 external, 0 invitation (the server's default when omitted). */
  linkType?: number
  /** Room invitation links only. */
  maxUseCount?: number
}

export interface AuditEventDto {
  id: number
  date?: string
  user?: string
  userId?: string
  /** Localized, human-readable: never match on it. */
  action?: string
  /** MessageAction: 5009 FileDownloaded, 5010 FileDownloadedAs, 5062 FileRevisionDownloaded. */
  actionId?: number
  actionType?: number
  target?: string[]
  entries?: number[]
}

export interface FileDto {
  id: number
  title: string
  folderId?: number
  version?: number
  pureContentLength?: number
  contentLength?: string
  created?: string
  updated?: string
  webUrl?: string
  fileExst?: string
}

export interface FolderDto {
  id: number
  title: string
  parentId?: number
  filesCount?: number
  foldersCount?: number
  roomType?: number
  created?: string
}

export interface FolderContentDto {
  files: FileDto[]
  folders: FolderDto[]
  current?: FolderDto
  startIndex?: number
  count?: number
  total?: number
}
