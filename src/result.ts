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

/** What a `sweep` looked at and did, for its outputs and summary. */
export interface SweepCounts {
  /** Files and folders listed inside the folders and rooms swept. */
  listed: number
  /** Of those, marked shared (links of their own). */
  shared: number
  /** Entries whose links were read. */
  inspected: number
  /** Marked shared, but this key has no share rights there: their links cannot be read. */
  notInspectable: number
  /** Links checked against the policy. */
  checked: number
  revoked: number
  kept: number
  /** Selected for revoking but left, because the portal's daily budget of writes ran out. */
  left: number
  /** Requests made to the portal, retries included. */
  requests: number
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
  /** `sweep`: what it looked at and did. */
  sweep?: SweepCounts
  /** Extra summary lines (warnings about what the count can see, and so on). */
  notes?: string[]
  /** `check-portal`: what it found, as the `report` output (JSON). */
  report?: unknown
  /** Tables for the job summary besides the links table; cells are plain text, escaped when written. */
  tables?: SummaryTable[]
}

export interface SummaryTable {
  caption: string
  head: string[]
  rows: string[][]
}
