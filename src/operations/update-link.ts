import type { ActionRequest } from '../request.js'
import { describeTarget } from '../docspace/links.js'
import { linkSelector, mergeLinkState, saveLinkState, selectLink } from '../links/change-link.js'
import { linkStateOf } from '../links/link-state.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'

export async function updateLink(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const target = request.targets[0]
  const now = context.now()
  const existing = await selectLink(request, context, target)
  if (!existing) {
    throw new Error(`No ${linkSelector(request)} on ${describeTarget(target)}: nothing to update`)
  }
  const next = mergeLinkState(request, target, linkStateOf(existing), now)
  return saveLinkState(request, context, target, existing, next, 'updated')
}
