import * as core from '@actions/core'
import { makeScrub, type Scrub } from './scrub.js'

const masked = new Set<string>()
// Built on first use and again only after a new value is masked: the summary scrubs every cell.
let scrub: Scrub | undefined

// Registers a value with the runner's log masker, once. Only for values that never go to an output:
// GitHub drops a job output that contains a masked value.
export function maskSecret(value: string | undefined): void {
  if (!value || masked.has(value)) return
  masked.add(value)
  scrub = undefined
  core.setSecret(value)
}

/** Every value this run has masked: the credentials, and each link password it has sent or seen. */
export function maskedSecrets(): string[] {
  return [...masked]
}

/**
 * The runner masks these values in the log, but not in the job summary, and a portal may echo one in the
 * answer to another request than the one that carried it: text the action writes goes through this.
 */
export function scrubSecrets(text: string): string {
  scrub ??= makeScrub(masked)
  return scrub(text)
}
