import type { ActionRequest } from '../request.js'
import { getEntry } from '../docspace/entry.js'
import { DocSpaceError } from '../docspace/errors.js'
import { describeTarget, listLinks, putLink } from '../docspace/links.js'
import type { FileShareDto } from '../docspace/types.js'
import { revokeKept, revokeRequestBody } from '../links/link-state.js'
import { requireShareRights } from '../links/share-rights.js'
import { REVOKE_DROPPED } from '../links/verify-link.js'
import { sharedLinkOf, toShareLink } from '../links/share-link.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'
import { linkSelector, selectLink } from '../links/change-link.js'

/** Deletes the link for real (access 0 on its id). A link that is not there is reported, not an error. */
export async function revokeLink(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const target = request.targets[0]
  const now = context.now()
  const entry = await getEntry(context.client, target)
  await requireShareRights(context.client, target, entry)
  const existing = await selectLink(request, context, target, entry)
  if (!existing) {
    const headline = `No ${linkSelector(request)} on ${describeTarget(target)}: nothing to revoke`
    context.log.warning(headline)
    return {
      operation: request.operation,
      dryRun: request.dryRun,
      headline,
      links: [],
      revoked: false
    }
  }
  const link = toShareLink(existing, now)
  if (request.dryRun) {
    return {
      operation: request.operation,
      dryRun: true,
      headline: `Would revoke link "${link.title}" on ${describeTarget(target)}`,
      link,
      links: [{ ...link, action: 'would-revoke' }],
      revoked: true,
      revokedCount: 1
    }
  }
  const where = `link "${link.title}" (${link.id}) on ${describeTarget(target)}`
  let replacement: FileShareDto | undefined
  try {
    replacement = await putLink(
      context.client,
      target,
      revokeRequestBody(target, existing),
      'idempotent'
    )
  } catch (error) {
    // Since DocSpace 3.6 only the folder's creator may revoke a folder's links.
    if (target.kind === 'folder' && error instanceof DocSpaceError && error.kind === 'forbidden') {
      const creator = entry.createdBy?.displayName
      throw new Error(
        `Revoking ${where} was refused (HTTP 403): only the folder's creator` +
          `${creator ? ` (${creator})` : ''} may revoke its links; use that user's API key`,
        { cause: error }
      )
    }
    throw error
  }
  if (revokeKept(existing, replacement))
    throw new Error(`Revoking ${where} failed: ${REVOKE_DROPPED}`)
  // Verified: the link must be gone (a replaced primary link has a new id).
  const after = await listLinks(context.client, target)
  if (after.some((dto) => sharedLinkOf(dto)?.id.toLowerCase() === link.id.toLowerCase())) {
    throw new Error(`Revoking ${where} failed: ${REVOKE_DROPPED}`)
  }
  context.log.notice(`Revoked link "${link.title}" (${link.id}) on ${describeTarget(target)}`)
  const notes: string[] = []
  const newId = replacement ? sharedLinkOf(replacement)?.id : undefined
  if (newId && newId !== link.id) {
    // Public and form-filling rooms always have a primary link: DocSpace makes a new one at once.
    notes.push(`DocSpace replaced the revoked primary link with a new one (${newId}).`)
  }
  return {
    operation: request.operation,
    dryRun: false,
    headline: `Revoked link "${link.title}" on ${describeTarget(target)}`,
    link,
    links: [{ ...link, action: 'revoked' }],
    revoked: true,
    revokedCount: 1,
    notes
  }
}
