import type { DocSpaceClient } from './docspace/client.js'
import type { Logger } from './log.js'

export interface OperationContext {
  client: DocSpaceClient
  log: Logger
  /** The clock, injectable so tests can pin time. */
  now: () => Date
}
