import type { ActionRequest } from '../request.js'
import { getEntry } from '../docspace/entry.js'
import { describeTarget } from '../docspace/links.js'
import { linkSelector, mergeLinkState, saveLinkState, selectLink } from '../links/change-link.js'
import { linkStateOf } from '../links/link-state.js'
import {
  accessRule,
  checkAccess,
  checkInternal,
  requireShareRights
} from '../links/share-rights.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'

export async function updateLink(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const target = request.targets[0]
  const now = context.now()
  const entry = await getEntry(context.client, target)
  await requireShareRights(context.client, target, entry)
  const existing = await selectLink(request, context, target, entry)
  if (!existing) {
    throw new Error(`No ${linkSelector(request)} on ${describeTarget(target)}: nothing to update`)
  }
  const current = linkStateOf(existing)
  const next = mergeLinkState(request, target, current, now)
  if (request.link.access !== undefined) {
    checkAccess(request.link.access, accessRule(target, entry, current.linkType))
  }
  checkInternal(target, entry, request.link.internal)
  return saveLinkState(request, context, target, existing, next, 'updated', entry)
}
