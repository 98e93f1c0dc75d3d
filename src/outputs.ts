import * as core from '@actions/core'
import type { OperationResult } from './result.js'

/** Every output comes from the result, here and nowhere else. */
export function outputsOf(result: OperationResult): Record<string, string> {
  const outputs: Record<string, string> = {
    revoked: String(result.revoked),
    links: JSON.stringify(result.links),
    count: String(result.links.length)
  }
  if (result.link) {
    outputs.linkId = result.link.id
    outputs.shareUrl = result.link.shareUrl
    outputs.expiresAt = result.link.expiresAt
  }
  if (result.revokedCount !== undefined) outputs.revokedCount = String(result.revokedCount)
  if (result.keptCount !== undefined) outputs.keptCount = String(result.keptCount)
  if (result.downloads !== undefined) outputs.downloads = String(result.downloads)
  return outputs
}

export function setOutputs(result: OperationResult): void {
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value)
}
