import type { ActionRequest, Operation } from '../request.js'
import type { OperationContext } from './context.js'
import type { OperationResult } from './result.js'
import { createLink } from './create-link.js'
import { listTargetLinks } from './list-links.js'
import { revokeLink } from './revoke-link.js'
import { updateLink } from './update-link.js'

type OperationRunner = (
  request: ActionRequest,
  context: OperationContext
) => Promise<OperationResult>

// The link operations are small and always bundled in; heavier ones are loaded only when asked for.
const operations: Record<Operation, () => Promise<OperationRunner>> = {
  'create-link': async () => createLink,
  'list-links': async () => listTargetLinks,
  'update-link': async () => updateLink,
  'revoke-link': async () => revokeLink,
  'enforce-limits': async () => (await import('./enforce-limits.js')).enforceLimits,
  sweep: async () => (await import('./sweep.js')).sweep,
  upload: async () => (await import('./upload.js')).upload,
  'check-portal': async () => (await import('./check-portal.js')).checkPortal
}

export async function runOperation(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const runner = await operations[request.operation]()
  return runner(request, context)
}
