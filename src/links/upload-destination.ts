import type { ActionRequest, Target } from '../request.js'
import type { OperationContext } from '../context.js'
import { createFolder, getFolder, listFolder } from '../docspace/entries.js'
import { DocSpaceError } from '../docspace/errors.js'
import { describeTarget } from '../docspace/links.js'
import type { FolderDto } from '../docspace/types.js'
import { sameStoredTitle } from '../docspace/stored-title.js'

// The folder an upload goes into: the given folder or room, or a subfolder of it found or created the way
// the portal matches names, without ever making a duplicate after a lost answer.

// DocSpace stores a folder's name sanitised and compares names without regard to case, and it never
// refuses a second folder of the same name: the subfolder is looked for the way the portal matches names.
function findSubfolder(folders: FolderDto[], name: string): FolderDto | undefined {
  const matches = folders.filter((f) => sameStoredTitle(f.title, name))
  // With duplicates made by hand, the oldest (lowest id) is the stable choice.
  return matches.sort((a, b) => a.id - b.id)[0]
}

export interface Destination {
  /** Undefined only in a dry run whose subfolder does not exist yet. */
  folderId?: number
  label: string
  created: boolean
}

export async function resolveDestination(
  request: ActionRequest,
  context: OperationContext,
  target: Target
): Promise<Destination> {
  const base = describeTarget(target)
  const container = await getFolder(context.client, target).catch((error: unknown) => {
    if (error instanceof DocSpaceError && error.kind === 'not-found') {
      throw new Error(
        `The ${base} to upload into was not found on the portal: check \`${target.kind}-id\` ` +
          "(the key's user may also lack access to it)",
        { cause: error }
      )
    }
    throw error
  })
  const name = request.upload.subfolder
  const label = `${base} "${container.title}"`
  if (name === undefined) return { folderId: target.id, label, created: false }
  const sublabel = `${label} / "${name}"`
  const existing = findSubfolder((await listFolder(context.client, target.id)).folders, name)
  if (existing) return { folderId: existing.id, label: sublabel, created: false }
  if (request.dryRun) return { label: sublabel, created: false }
  try {
    const folder = await createFolder(context.client, target.id, name)
    context.log.info(`Created folder "${folder.title}" (${folder.id}) in ${base}`)
    return { folderId: folder.id, label: sublabel, created: true }
  } catch (error) {
    // The answer was lost: the folder may exist now, and creating it again would make a duplicate.
    if (!(error instanceof DocSpaceError) || !error.ambiguous) throw error
    const found = findSubfolder((await listFolder(context.client, target.id)).folders, name)
    if (!found) throw error
    return { folderId: found.id, label: sublabel, created: true }
  }
}
