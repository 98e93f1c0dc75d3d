import type { Operation } from './request.js'
import type { ShareLink } from './links/share-link.js'

/** What an operation did with one link, as the `action` field of the `links` output. */
export type LinkAction =
  | 'created'
  | 'updated'
  | 'reused'
  | 'revoked'
  | 'kept'
  | 'would-create'
  | 'would-update'
  | 'would-revoke'
  | 'listed'
  | 'not-found'

/** A link in the `links` output: the normalized link plus what the operation adds. */
export type OutputLink = ShareLink & {
  action?: LinkAction
  downloads?: number | null
  /** Where the link lives, for operations that touch several targets. */
  target?: string
  reason?: string
  file?: string
  fileId?: number
  size?: number
}

export interface OperationResult {
  operation: Operation
  dryRun: boolean
  /** One line for the log and the summary: what was done. */
  headline: string
  /** The link the single-link outputs (`linkId`, `shareUrl`, `expiresAt`) describe. */
  link?: ShareLink
  links: OutputLink[]
  revoked: boolean
  revokedCount?: number
  keptCount?: number
  downloads?: number
  /** Targets or links that failed, for operations that go on after a failure. */
  failures?: string[]
  /** Extra summary lines (warnings about what the count can see, and so on). */
  notes?: string[]
}
