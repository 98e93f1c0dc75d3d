import * as core from '@actions/core'
import type { OperationResult, OutputLink } from './result.js'
import { capBytes, oneLine } from './safe-text.js'
import { scrubSecrets } from './secrets.js'

/** The `links` output holds whole entries up to this size; the report file holds every one. */
export const MAX_LINKS_OUTPUT_BYTES = 512 * 1024
/** Any other output: far above a URL or an id, far below what a job can carry. */
export const MAX_OUTPUT_BYTES = 16 * 1024

/** The longest JSON list of whole entries that fits in `max` bytes, and how many entries it holds. */
export function linksWithin(links: OutputLink[], max: number): { json: string; count: number } {
  const parts: string[] = []
  let size = 2
  for (const link of links) {
    const json = scrubSecrets(JSON.stringify(link))
    size += Buffer.byteLength(json) + (parts.length > 0 ? 1 : 0)
    if (size > max) break
    parts.push(json)
  }
  return { json: `[${parts.join(',')}]`, count: parts.length }
}

function single(value: string): string {
  return capBytes(oneLine(scrubSecrets(value)), MAX_OUTPUT_BYTES)
}

/** Every output comes from the result, here and nowhere else. */
export function outputsOf(result: OperationResult): Record<string, string> {
  const links = linksWithin(result.links, MAX_LINKS_OUTPUT_BYTES)
  const outputs: Record<string, string> = {
    revoked: String(result.revoked),
    links: links.json,
    count: String(result.links.length)
  }
  if (result.link) {
    outputs.linkId = single(result.link.id)
    outputs.shareUrl = single(result.link.shareUrl)
    outputs.expiresAt = single(result.link.expiresAt)
  }
  if (result.revokedCount !== undefined) outputs.revokedCount = String(result.revokedCount)
  if (result.keptCount !== undefined) outputs.keptCount = String(result.keptCount)
  if (result.downloads !== undefined) outputs.downloads = String(result.downloads)
  if (result.report !== undefined) outputs.report = JSON.stringify(result.report)
  if (result.sweep) {
    const c = result.sweep
    outputs.listedCount = String(c.listed)
    outputs.sharedCount = String(c.shared)
    outputs.inspectedCount = String(c.inspected)
    outputs.notInspectableCount = String(c.notInspectable)
    outputs.checkedCount = String(c.checked)
    outputs.leftCount = String(c.left)
    outputs.requestCount = String(c.requests)
  }
  return outputs
}

/** Sets the outputs; says so when `links` had to leave entries out. */
export function setOutputs(result: OperationResult, reportFile?: string): void {
  const outputs = outputsOf(result)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  const shown = (JSON.parse(outputs.links) as unknown[]).length
  if (shown < result.links.length) {
    const where = reportFile ? 'the file named by the `report-file` output' : 'the job summary'
    core.warning(
      `The \`links\` output holds ${shown} of ${result.links.length} links (it is capped at ` +
        `${MAX_LINKS_OUTPUT_BYTES / 1024} KiB); all of them are in ${where}`
    )
  }
}
