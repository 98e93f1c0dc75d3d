import { HOUR_MS, parseDuration } from '../time/duration.js'
import { inputError, parseInput } from './input-error.js'
import { parseWholeNumber, readInput } from './read.js'

// Bounds of the whole step, so that a portal that never stops answering (an endless listing, a proxy
// that loops) ends the run with a clear message instead of running until the job is killed.

/** About an hour of work at the portal's rate limit of 1,500 requests a minute. */
export const DEFAULT_MAX_REQUESTS = 100_000
export const MAX_MAX_REQUESTS = 10_000_000
export const DEFAULT_STEP_TIMEOUT_MS = HOUR_MS
/** GitHub stops a job after 6 hours anyway. */
export const MAX_STEP_TIMEOUT_MS = 6 * HOUR_MS

export interface StepBounds {
  /** HTTP requests the step may send in all, retries and redirects included. */
  maxRequests: number
  /** Time the step may spend talking to the portal, from the start of the run. */
  stepTimeoutMs: number
}

export function readStepBounds(env: NodeJS.ProcessEnv): StepBounds {
  const requests = readInput(env, 'max-requests')
  const timeout = readInput(env, 'step-timeout')
  let stepTimeoutMs = DEFAULT_STEP_TIMEOUT_MS
  if (timeout !== undefined) {
    // Plain seconds as `request-timeout` takes them, or a duration such as `30m`.
    stepTimeoutMs = /^\d+$/.test(timeout)
      ? Number(timeout) * 1000
      : parseInput('step-timeout', timeout, parseDuration)
    if (stepTimeoutMs < 1000) {
      throw inputError('step-timeout', 'must be at least 1 second, like `1h`', timeout)
    }
    if (stepTimeoutMs > MAX_STEP_TIMEOUT_MS) {
      throw inputError(
        'step-timeout',
        'must be at most `6h` (the longest a job runs), like `1h`',
        timeout
      )
    }
  }
  return {
    maxRequests:
      requests === undefined
        ? DEFAULT_MAX_REQUESTS
        : parseWholeNumber('max-requests', requests, 1, MAX_MAX_REQUESTS, '100000'),
    stepTimeoutMs
  }
}
