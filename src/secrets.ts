import * as core from '@actions/core'

const masked = new Set<string>()

// Registers a value with the runner's log masker, once. Only for values that never go to an output:
// GitHub drops a job output that contains a masked value.
export function maskSecret(value: string | undefined): void {
  if (!value || masked.has(value)) return
  masked.add(value)
  core.setSecret(value)
}
