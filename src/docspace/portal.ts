// Read-only endpoints that describe the portal and the key: the build version, the key's user, the
// plan (quota), the files settings, and a probe of the audit filter. Shapes as the server sends them:
// web/ASC.Web.Api/Core/BuildVersion.cs, EmployeeFullDto, TenantQuota, FilesSettingsDto.
import type { DocSpaceApi } from './api.js'
import { AUDIT_FILTER_PATH } from './audit.js'
import { DocSpaceError } from './errors.js'

export interface BuildVersionDto {
  docSpace?: string
  /** Absent when the portal has no editors connected. */
  documentServer?: string
}

export interface SelfDto {
  id?: string
  displayName?: string
  isAdmin?: boolean
  isOwner?: boolean
  isVisitor?: boolean
  isCollaborator?: boolean
  isRoomAdmin?: boolean
}

export interface QuotaDto {
  /** Whether the plan includes the audit trail. */
  audit?: boolean
}

export interface FilesSettingsDto {
  chunkUploadSize?: number
  defaultShareLinkInternal?: boolean
  /** false: external sharing is restricted on the portal. */
  externalShare?: boolean
  externalShareApplyToDocuments?: boolean
  externalShareApplyToRooms?: boolean
}

/** The sharing fields of FileEntryDto (FileEntryDto.cs L253-275). */
export interface EntrySharingDto {
  canShare?: boolean
  /** SubjectType name → how many links of that kind the entry takes; absent without share rights. */
  shareSettings?: Record<string, number>
  security?: Record<string, boolean>
  /** SubjectType name → FileShare names. */
  availableShareRights?: Record<string, string[]>
  roomType?: number
}

async function read<T>(client: DocSpaceApi, path: string): Promise<T | undefined> {
  const { data } = await client.request<T>('GET', path, { retry: 'read' })
  return data
}

export const getBuildVersion = (client: DocSpaceApi) =>
  read<BuildVersionDto>(client, '/api/2.0/settings/version/build')

export const getSelf = (client: DocSpaceApi) => read<SelfDto>(client, '/api/2.0/people/@self')

/** Portal admins only: a 403 for anyone else. */
export const getQuota = (client: DocSpaceApi) => read<QuotaDto>(client, '/api/2.0/portal/quota')

export const getFilesSettings = (client: DocSpaceApi) =>
  read<FilesSettingsDto>(client, '/api/2.0/files/settings')

/**
 * `filtered`: the audit trail applies filters (download limits can be enforced). `fallback`: it ignored
 * them and answered its last events (the plan lacks the Audit option). `refused`: 403 (not a portal
 * admin, or an API key without the `*:read` scope). `not-in-plan`: 402. `unavailable`: any other failure.
 */
export type AuditProbe = 'filtered' | 'fallback' | 'refused' | 'not-in-plan' | 'unavailable'

// FileDownloaded of file "0": no such file exists, so a portal that applies the filter answers nothing,
// and one that falls back answers its last 20 events whatever they are.
const IMPOSSIBLE_FILTER = { action: 5009, target: '0', count: 1 }

export async function probeAuditFilter(client: DocSpaceApi): Promise<AuditProbe> {
  try {
    const { data } = await client.request<unknown[]>('GET', AUDIT_FILTER_PATH, {
      query: IMPOSSIBLE_FILTER,
      retry: 'read'
    })
    return Array.isArray(data) && data.length > 0 ? 'fallback' : 'filtered'
  } catch (error) {
    if (error instanceof DocSpaceError && error.status === 403) return 'refused'
    if (error instanceof DocSpaceError && error.status === 402) return 'not-in-plan'
    // A refused key fails the whole check; anything else only leaves the audit trail unknown.
    if (error instanceof DocSpaceError && error.kind !== 'unauthorized') return 'unavailable'
    throw error
  }
}
