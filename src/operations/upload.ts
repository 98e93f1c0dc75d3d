import { performance } from 'node:perf_hooks'
import type { ActionRequest } from '../request.js'
import { listFolder } from '../docspace/entries.js'
import type { FileDto } from '../docspace/types.js'
import { uploadFile, type LocalFile } from '../docspace/upload.js'
import { readChunkSize } from '../docspace/settings.js'
import { sameStoredTitle, storedTitle } from '../docspace/stored-title.js'
import { folderHint, matchFiles } from '../file-patterns.js'
import { loadGitHubRun, releaseLinkTitle, type GitHubRun } from '../github/event.js'
import {
  formatSize,
  renderReleaseSection,
  updateReleaseNotes,
  type ReleaseNoteEntry
} from '../github/release-notes.js'
import { previewShareLink } from '../links/link-state.js'
import { resolveDestination, type Destination } from '../links/upload-destination.js'
import { MiB, mib, progressLogger } from '../links/upload-progress.js'
import {
  bareEntry,
  fileLinkRequest,
  linkedEntry,
  type UploadedLink
} from '../links/uploaded-link.js'
import type { OperationContext } from '../context.js'
import { createLink, requestedLinkState } from '../links/create-link.js'
import type { OperationResult } from '../result.js'
import { messageOf, plural } from '../text.js'

// The upload's steps live in their own modules: the files the patterns match (file-patterns), the folder
// they go into (links/upload-destination), their progress lines and their `links` entries (links/).
// This module runs them in order, and adds the links to the release notes.

// What tests and callers reach through the upload operation.
export { anchorPattern, matchFiles } from '../file-patterns.js'
export type { UploadedLink } from '../links/uploaded-link.js'

/** Where the run happens: tests give their own, the action reads the runner's environment. */
export interface UploadEnvironment {
  /** Relative patterns in `files` are matched from here. */
  workspace: string
  github: GitHubRun
  /** Overrides of the upload sizes, for tests. */
  chunkSize?: number
  simpleLimit?: number
}

export async function upload(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  return runUpload(request, context, {
    workspace: request.runner.workspace,
    github: await loadGitHubRun(request.runner.github)
  })
}

function linkTitle(request: ActionRequest, github: GitHubRun, file: LocalFile): string {
  return request.link.title ?? releaseLinkTitle(github) ?? file.name
}

async function dryRun(
  request: ActionRequest,
  context: OperationContext,
  env: UploadEnvironment,
  files: LocalFile[],
  destination: Destination
): Promise<OperationResult> {
  const notes: string[] = []
  if (destination.folderId === undefined) {
    notes.push(`Would create the folder "${request.upload.subfolder}" in ${destination.label}.`)
  }
  const present =
    destination.folderId === undefined
      ? []
      : (await listFolder(context.client, destination.folderId)).files
  const links: UploadedLink[] = []
  for (const file of files) {
    const same = present.find((f) => sameStoredTitle(f.title, file.name))
    const replaces = same !== undefined && request.upload.overwrite
    notes.push(
      replaces
        ? `Would upload ${file.name} (${formatSize(file.size)}) as a new version of file ${same.id}.`
        : `Would upload ${file.name} (${formatSize(file.size)}) as a new file` +
            (same ? ` next to file ${same.id} of the same name.` : '.')
    )
    if (!request.upload.createLinks) continue
    const title = linkTitle(request, env.github, file)
    if (replaces) {
      // The file keeps its id, so its links are real and createLink can say what it would do to them.
      const result = await createLink(fileLinkRequest(request, same.id, title), context, same)
      const preview = result.links[0]
      links.push(linkedEntry(file, same.id, preview, preview.action))
    } else {
      const preview = previewShareLink(
        requestedLinkState(fileLinkRequest(request, 0, title), context.now())
      )
      links.push(linkedEntry(file, 0, preview, 'would-create'))
    }
  }
  if (request.upload.releaseNotes) {
    notes.push(
      env.github.release
        ? `Would add the links to the notes of release ${env.github.release.tagName}.`
        : 'Would leave the release notes alone: this run was not triggered by a release.'
    )
  }
  return {
    operation: request.operation,
    dryRun: true,
    headline: `Would upload ${plural(files.length, 'file')} to ${destination.label}`,
    link: links[0],
    links,
    revoked: false,
    notes
  }
}

export async function runUpload(
  request: ActionRequest,
  context: OperationContext,
  env: UploadEnvironment
): Promise<OperationResult> {
  const target = request.targets[0]
  if (!target || target.kind === 'file') {
    throw new Error('`upload` puts files into a folder or room: give `folder-id` or `room-id`')
  }
  const settings = request.upload
  const notes: string[] = []
  const release = env.github.release
  if (settings.releaseNotes) {
    if (!settings.githubToken) {
      throw new Error('Input `github-token` is required with `release-notes: true`')
    }
    if (release && !env.github.repository) {
      throw new Error(
        '`release-notes`: the repository of this run is unknown (GITHUB_REPOSITORY is not set)'
      )
    }
    if (!release) {
      const note = `\`release-notes\` is on, but this run was triggered by ${
        env.github.eventName ? `a \`${env.github.eventName}\` event` : 'no event'
      }, not by a release: the release notes are left alone.`
      context.log.warning(note)
      notes.push(note)
    }
  }

  const files = await matchFiles(settings.files, env.workspace, settings.followSymlinks)
  if (files.length === 0) {
    const message =
      `No files match \`files\` (${settings.files.join(', ')}) in ${env.workspace}` +
      (await folderHint(settings.files, env.workspace))
    if (settings.ifNoFilesFound === 'error') {
      throw new Error(`${message}; set \`if-no-files-found: warn\` or \`ignore\` to allow this`)
    }
    if (settings.ifNoFilesFound === 'warn') context.log.warning(message)
    else context.log.info(message)
    return {
      operation: request.operation,
      dryRun: request.dryRun,
      headline: 'No files to upload',
      links: [],
      revoked: false,
      notes: [...notes, message]
    }
  }
  const total = files.reduce((sum, f) => sum + f.size, 0)
  context.log.info(
    `${plural(files.length, 'file')} to upload (${formatSize(total)}): ${files.map((f) => f.name).join(', ')}`
  )

  const destination = await resolveDestination(request, context, target)
  if (request.dryRun) {
    const result = await dryRun(request, context, env, files, destination)
    return { ...result, notes: [...notes, ...(result.notes ?? [])] }
  }
  const folderId = destination.folderId as number
  if (destination.created) notes.push(`Created the folder "${settings.subfolder}".`)
  // What the folder holds before each upload: after a lost answer it tells whether the upload took effect.
  let present = destination.created ? [] : (await listFolder(context.client, folderId)).files
  const chunkSize = env.chunkSize ?? (await readChunkSize(context.client))

  const links: UploadedLink[] = []
  const failures: string[] = []
  for (const [index, file] of files.entries()) {
    let uploaded: FileDto
    const started = performance.now()
    try {
      uploaded = await uploadFile(context.client, folderId, file, {
        createNewIfExist: !settings.overwrite,
        chunkSize,
        simpleLimit: env.simpleLimit,
        onProgress: progressLogger(context, file),
        before: present
      })
    } catch (error) {
      failures.push(messageOf(error))
      const skipped = files.slice(index + 1).map((f) => f.name)
      if (skipped.length > 0) notes.push(`Not uploaded after the failure: ${skipped.join(', ')}.`)
      break
    }
    present = [...present.filter((f) => f.id !== uploaded.id), uploaded]
    const seconds = (performance.now() - started) / 1000
    // A rate means little for small files, which are mostly request overhead.
    const rate = seconds > 0 && file.size >= MiB ? ` at ${mib(file.size / seconds)} MiB/s` : ''
    const version = uploaded.version ?? 1
    const how =
      version > 1
        ? `as version ${version} of file ${uploaded.id}`
        : `as file ${uploaded.id}${uploaded.title && uploaded.title !== file.name ? ` "${uploaded.title}"` : ''}`
    context.log.info(
      `Uploaded ${file.name} (${formatSize(file.size)}) ${how} in ${seconds.toFixed(1)} s${rate}`
    )
    if (uploaded.title && uploaded.title !== file.name) {
      const why =
        uploaded.title === storedTitle(file.name)
          ? 'the portal replaces characters it does not allow in names'
          : 'a file of that name was already there'
      notes.push(`${file.name} is stored as "${uploaded.title}": ${why}.`)
    }

    if (!settings.createLinks) {
      links.push(bareEntry(file, uploaded))
      continue
    }
    try {
      const title = linkTitle(request, env.github, file)
      // The uploaded file's own answer tells its name and rights: no second read before the link.
      const result = await createLink(
        fileLinkRequest(request, uploaded.id, title),
        context,
        uploaded
      )
      const link = result.link ?? result.links[0]
      if (!link) throw new Error(`no link came back for file ${uploaded.id}`)
      links.push(linkedEntry(file, uploaded.id, link, result.links[0]?.action, uploaded.version))
    } catch (error) {
      failures.push(`Sharing ${file.name} (file ${uploaded.id}) failed: ${messageOf(error)}`)
      links.push(bareEntry(file, uploaded))
      break
    }
  }

  if (settings.releaseNotes && release && env.github.repository) {
    if (failures.length > 0) {
      notes.push(
        'The release notes were left alone because not every file was uploaded and shared.'
      )
    } else {
      const entries: ReleaseNoteEntry[] = links.map((l) => ({
        file: l.file,
        size: l.size,
        shareUrl: l.shareUrl,
        expiresAt: l.expiresAt,
        hasPassword: l.hasPassword
      }))
      try {
        const changed = await updateReleaseNotes({
          apiUrl: env.github.apiUrl,
          token: settings.githubToken as string,
          repository: env.github.repository,
          releaseId: release.id,
          section: renderReleaseSection(entries),
          timeoutMs: request.connection.requestTimeoutMs
        })
        const what = changed ? 'Added the links to' : 'The links were already in'
        notes.push(`${what} the notes of release ${release.tagName}.`)
        context.log.info(`${what} the notes of release ${release.tagName}`)
      } catch (error) {
        failures.push(
          `Updating the notes of release ${release.tagName} failed: ${messageOf(error)}`
        )
      }
    }
  }

  const done = links.length
  const where = `${plural(done, 'file')}${done < files.length ? ` of ${files.length}` : ''} to ${destination.label}`
  return {
    operation: request.operation,
    dryRun: false,
    headline: `Uploaded ${where}${settings.createLinks && done > 0 ? ' with share links' : ''}`,
    link: settings.createLinks ? links.find((l) => l.id !== '') : undefined,
    links,
    revoked: false,
    failures: failures.length > 0 ? failures : undefined,
    notes
  }
}
