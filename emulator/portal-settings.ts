// Portal-wide settings a real portal exposes and the emulator lets tests change: the build version, the
// upload chunk limit, the sharing settings of GET /api/2.0/files/settings, and which users lack share
// rights on which entries. Kept per state, like the audit settings, so existing code needs no new field.
import type { EmulatorState } from './state.js'
import { MAX_CHUNK_SIZE } from './upload-store.js'
import { stateOf, type HasState } from './audit-journal.js'

export interface PortalSettings {
  /** `BuildVersion.DocSpace` (web/ASC.Web.Api/Core/BuildVersion.cs: the `version:number` setting). */
  version: string
  /** `BuildVersion.DocumentServer`: omitted (null) when no editors are connected. */
  documentServerVersion: string | null
  /** `files:uploader:chunk-size` (web/ASC.Web.Core/SetupInfo.cs L104), `chunkUploadSize` on the wire. */
  chunkUploadSize: number
  /** "Share links internal by default" (FilesSettingsHelper.GetDefaultShareLinkInternal). */
  defaultShareLinkInternal: boolean
  /** false: external sharing is restricted (FilesSettings.cs L539: `!DisableShareLinkSetting`). */
  externalShare: boolean
  externalShareApplyToDocuments: boolean
  externalShareApplyToRooms: boolean
}

const DEFAULTS: PortalSettings = {
  version: '3.7.2',
  documentServerVersion: '9.0.4',
  chunkUploadSize: MAX_CHUNK_SIZE,
  defaultShareLinkInternal: false,
  externalShare: true,
  externalShareApplyToDocuments: false,
  externalShareApplyToRooms: false
}

const settings = new WeakMap<EmulatorState, PortalSettings>()
// entry id → ids of the users who may see the entry but not edit its access (a room viewer, say).
const noShareRights = new WeakMap<EmulatorState, Map<number, Set<string>>>()

export function portalSettings(target: HasState): PortalSettings {
  const state = stateOf(target)
  let current = settings.get(state)
  if (!current) {
    current = { ...DEFAULTS }
    settings.set(state, current)
  }
  return current
}

export function configurePortal(target: HasState, change: Partial<PortalSettings>): PortalSettings {
  return Object.assign(portalSettings(target), change)
}

/** Takes the share right on an entry from a user: its links list is then empty, a PUT 403. */
export function denyShareRights(target: HasState, entryId: number, userId: string): void {
  const state = stateOf(target)
  const byEntry = noShareRights.get(state) ?? new Map<number, Set<string>>()
  noShareRights.set(state, byEntry)
  const users = byEntry.get(entryId) ?? new Set<string>()
  users.add(userId)
  byEntry.set(entryId, users)
}

/**
 * Whether the user may edit the entry's access (FileSharing.cs L661-692, `canShare` on the entry). A
 * right taken on a folder or room holds for everything inside it.
 */
export function canShare(
  state: EmulatorState,
  entryId: number,
  userId: string | undefined
): boolean {
  if (userId === undefined) return false
  const byEntry = noShareRights.get(state)
  if (!byEntry) return true
  const entry = state.entry(entryId)
  if (!entry) return false
  const chain = [entryId, ...state.path(entry.parentId).map((f) => f.id)]
  return !chain.some((id) => byEntry.get(id)?.has(userId))
}
