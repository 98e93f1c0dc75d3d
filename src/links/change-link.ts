// Changing a link that exists: selecting it by id or title, merging the inputs given into what it has,
// and saving it with a check of what came back. update-link does this, and so does a create-link re-run
// that finds its link already there.
import type { ActionRequest, Target } from '../request.js'
import type { EntryInfo } from '../docspace/entry.js'
import { describeTarget, putLink } from '../docspace/links.js'
import type { FileShareDto } from '../docspace/types.js'
import { accessName, allowedAccess, describeAccess } from './access.js'
import { findLink } from './find-link.js'
import { linkRequestBody, previewShareLink, type LinkState } from './link-state.js'
import { sharedLinkOf, toShareLink } from './share-link.js'
import { accessRule, listManagedLinks } from './share-rights.js'
import { decodeTitle, encodeTitle } from './title-tag.js'
import { notAppliedMessage, verifyLink } from './verify-link.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'

/** The link that `link-id` or `title` names on the target, or a clear error. */
export async function selectLink(
  request: ActionRequest,
  context: OperationContext,
  target: Target,
  entry?: EntryInfo
): Promise<FileShareDto | undefined> {
  const links = await listManagedLinks(context.client, target, { entry })
  return findLink(links, { linkId: request.linkId, title: request.link.title })
}

export function linkSelector(request: ActionRequest): string {
  return request.linkId ? `link ${request.linkId}` : `link titled "${request.link.title}"`
}

/**
 * The link as it is, with only the inputs that were given changed. DocSpace's PUT replaces the whole link
 * (and deletes it when `access` is missing), so everything else is sent back as the server has it.
 */
export function mergeLinkState(
  request: ActionRequest,
  target: Target,
  current: LinkState,
  now: Date
): LinkState {
  const given = request.link
  const linkId = request.linkId ?? 'the link'
  if (
    target.kind === 'room' &&
    given.linkType !== undefined &&
    given.linkType !== current.linkType
  ) {
    const kind = current.linkType === 0 ? 'an invitation' : 'an external'
    throw new Error(
      `Input \`link-type\`: ${linkId} is ${kind} link and its type cannot be changed; leave link-type out`
    )
  }
  if (
    given.access !== undefined &&
    !allowedAccess(target.kind, current.linkType).includes(given.access)
  ) {
    const allowed = allowedAccess(target.kind, current.linkType).map(accessName).join(', ')
    throw new Error(
      `Input \`access\`: this link allows ${allowed} (got \`${accessName(given.access)}\`)`
    )
  }
  // Sending back a past expiration date would make the link permanent: the server drops past dates.
  if (given.expiration === undefined && current.expiration !== null && current.expiration <= now) {
    throw new Error(
      `${linkId} expired on ${current.expiration.toISOString()}; updating it as it is would make it permanent. ` +
        'Give `expiration` (a future date, a duration like `7d`, or `never`), or revoke it'
    )
  }
  const { display, tag } = decodeTitle(current.title)
  const retitle = given.title !== undefined || given.maxDownloads !== undefined
  // `max-downloads: none` (0) removes the limit, `link-password: none` ('') the password.
  const maxDownloads =
    given.maxDownloads === 0 ? undefined : (given.maxDownloads ?? tag?.maxDownloads)
  return {
    ...current,
    access: given.access ?? current.access,
    title: retitle
      ? encodeTitle(given.title ?? display, {
          maxDownloads,
          // A limit set on a link the action did not create counts downloads from now on.
          createdAt: tag?.createdAt ?? (given.maxDownloads ? now : undefined)
        })
      : current.title,
    expiration: given.expiration === undefined ? current.expiration : given.expiration,
    password: given.password === '' ? undefined : (given.password ?? current.password),
    denyDownload: given.denyDownload ?? current.denyDownload,
    internal: given.internal ?? current.internal,
    maxUseCount: given.maxUseCount ?? current.maxUseCount
  }
}

/**
 * Sends an existing link's new state (or, in a dry run, shows it): shared by update-link and by a
 * create-link that found its link already there.
 */
export async function saveLinkState(
  request: ActionRequest,
  context: OperationContext,
  target: Target,
  existing: FileShareDto,
  next: LinkState,
  action: 'updated' | 'reused',
  entry: EntryInfo
): Promise<OperationResult> {
  const id = sharedLinkOf(existing)?.id ?? ''
  const where = describeTarget(target)
  const verb = action === 'reused' ? 'Reused' : 'Updated'
  if (request.dryRun) {
    const preview = previewShareLink(next, id, sharedLinkOf(existing)?.shareLink ?? '')
    return {
      operation: request.operation,
      dryRun: true,
      headline: `Would update ${action === 'reused' ? 'existing ' : ''}link "${preview.title}" on ${where}`,
      link: preview,
      links: [{ ...preview, action: 'would-update' }],
      revoked: false
    }
  }
  const updated = await putLink(
    context.client,
    target,
    linkRequestBody(target, next, id),
    'idempotent'
  )
  if (!updated) throw new Error(`the portal did not return link ${id} after updating it`)
  // The portal drops an update it does not allow and returns the link as it was: never a success.
  const { differences } = verifyLink(next, updated, false)
  if (differences.length > 0) {
    const title = decodeTitle(next.title).display
    throw new Error(
      notAppliedMessage(`Link "${title}" (${id}) on ${where}`, differences, {
        accessWhy: `${describeAccess(next.access)} is not taken ${accessRule(target, entry, next.linkType).where}`
      })
    )
  }
  const link = toShareLink(updated, context.now())
  context.log.info(`${verb} link "${link.title}" (${link.id}) on ${where}`)
  return {
    operation: request.operation,
    dryRun: false,
    headline: `${verb} link "${link.title}" on ${where}`,
    link,
    links: [{ ...link, action }],
    revoked: false
  }
}
