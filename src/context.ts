import type { DocSpaceClient } from './docspace/client.js'
import type { Logger } from './log.js'
import type { PacingSettings } from './pacing.js'

export interface OperationContext {
  client: DocSpaceClient
  log: Logger
  /** The clock, injectable so tests can pin time. */
  now: () => Date
  /** Seams for tests: the timing of pacing and progress lines (the server's minute by default). */
  pacing?: Partial<PacingSettings> & { progressIntervalMs?: number }
}
