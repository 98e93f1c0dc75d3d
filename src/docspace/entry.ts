// What the portal says about a file, folder or room before anything is written to it: its kind and format,
// its room type, and what the key's user may do with its links.
import type { Target } from '../request.js'
import type { DocSpaceApi } from './api.js'
import { getFile, getFolder } from './entries.js'
import { DocSpaceError } from './errors.js'
import type { FileDto, FolderDto } from './types.js'

/** The share-right fields of FileEntryDto (absent on old portals). */
export interface ShareRightsDto {
  /** The user may manage the entry's links (always false on Collaboration and Virtual data rooms). */
  canShare?: boolean
  /** What the user may do: `EditAccess`, `ReadLinks`, `EditInternal`, … */
  security?: Record<string, boolean>
  /** FileShare names by subject: `{ExternalLink: ["Editing", "Read", "None"], …}`. */
  availableShareRights?: Record<string, string[]>
  createdBy?: { id?: string; displayName?: string }
  isForm?: boolean
  /** FolderType of the room the entry is in (files and folders inside rooms). */
  parentRoomType?: number
}

export type EntryInfo = (FileDto | FolderDto) & ShareRightsDto & { roomType?: number }

/** GET files/file|folder|rooms/{id}; a missing entry is one clear error naming the input. */
export async function getEntry(client: DocSpaceApi, target: Target): Promise<EntryInfo> {
  try {
    return target.kind === 'file'
      ? ((await getFile(client, target.id)) as EntryInfo)
      : ((await getFolder(client, target)) as EntryInfo)
  } catch (error) {
    if (!(error instanceof DocSpaceError) || error.kind !== 'not-found') throw error
    throw new DocSpaceError(
      'not-found',
      error.endpoint,
      `${target.kind[0].toUpperCase()}${target.kind.slice(1)} ${target.id} was not found on the portal: ` +
        `check \`${target.kind}-id\` (the key's user may also lack access to it)`,
      { status: error.status, cause: error }
    )
  }
}

/** `Portal Administrator (admin@example.com)`, or undefined when the portal will not say. */
export async function currentUserName(client: DocSpaceApi): Promise<string | undefined> {
  try {
    const { data } = await client.request<{ displayName?: string; email?: string }>(
      'GET',
      '/api/2.0/people/@self',
      { retry: 'read' }
    )
    if (!data) return undefined
    const name = data.displayName?.trim()
    const email = data.email?.trim()
    if (name && email) return `${name} (${email})`
    return name || email || undefined
  } catch {
    return undefined
  }
}
