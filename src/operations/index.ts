import type { ActionRequest, Operation } from '../request.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'
import { createLink } from './create-link.js'
import { listTargetLinks } from './list-links.js'
import { revokeLink } from './revoke-link.js'
import { updateLink } from './update-link.js'

type OperationRunner = (
  request: ActionRequest,
  context: OperationContext
) => Promise<OperationResult>

// The link operations are small and always bundled in; heavier ones are loaded only when asked for.
// They share code (enforcement, folder listings), so they are built into one chunk, named alike, instead
// of each chunk carrying its own copy of what they share.
const operations: Record<Operation, () => Promise<OperationRunner>> = {
  'create-link': async () => createLink,
  'list-links': async () => listTargetLinks,
  'update-link': async () => updateLink,
  'revoke-link': async () => revokeLink,
  'enforce-limits': async () =>
    (await import(/* webpackChunkName: "operations" */ './enforce-limits.js')).enforceLimits,
  sweep: async () => (await import(/* webpackChunkName: "operations" */ './sweep.js')).sweep,
  upload: async () => (await import(/* webpackChunkName: "operations" */ './upload.js')).upload,
  'check-portal': async () =>
    (await import(/* webpackChunkName: "operations" */ './check-portal.js')).checkPortal
}

export async function runOperation(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const runner = await operations[request.operation]()
  return runner(request, context)
}
