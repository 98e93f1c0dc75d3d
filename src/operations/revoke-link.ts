import type { ActionRequest } from '../request.js'
import { describeTarget, putLink } from '../docspace/links.js'
import { revokeRequestBody } from '../links/link-state.js'
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
  const existing = await selectLink(request, context, target)
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
  const replacement = await putLink(
    context.client,
    target,
    revokeRequestBody(target, existing),
    'idempotent'
  )
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
