import type { ActionRequest } from '../request.js'
import { describeTarget } from '../docspace/links.js'
import { listManagedLinks } from '../links/share-rights.js'
import { toShareLink } from '../links/share-link.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'

export async function listTargetLinks(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const target = request.targets[0]
  const now = context.now()
  const linkType = target.kind === 'room' ? request.link.linkType : undefined
  // An empty list is checked against the share right: "no links" is never said where they are hidden.
  const links = (await listManagedLinks(context.client, target, { linkType })).map((dto) =>
    toShareLink(dto, now)
  )
  return {
    operation: request.operation,
    dryRun: request.dryRun,
    headline: `${links.length} link${links.length === 1 ? '' : 's'} on ${describeTarget(target)}`,
    links,
    revoked: false
  }
}
