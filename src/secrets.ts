import * as core from '@actions/core'
import { MIN_SECRET_LENGTH, SecretScrubber } from './scrub.js'

const masked = new Set<string>()
// Grows with every masked value and is never rebuilt: a sweep may see a thousand link passwords, and the
// summary, the outputs and every request's messages are scrubbed.
const scrubber = new SecretScrubber()

// Registers a value with the runner's log masker, once. Only for values that never go to an output:
// GitHub drops a job output that contains a masked value. A value under 4 characters is never masked: the
// runner would blank it in every line of the job (a one-letter password, every such letter).
export function maskSecret(value: string | undefined): void {
  if (!value || value.length < MIN_SECRET_LENGTH || masked.has(value)) return
  masked.add(value)
  scrubber.add(value)
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
  return scrubber.scrub(text)
}
