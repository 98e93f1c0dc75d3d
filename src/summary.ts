import * as core from '@actions/core'
import type { OperationResult, OutputLink } from './result.js'
import { scrubSecrets } from './secrets.js'

// The runner rejects a step summary over 1 MiB; stay well under it.
export const MAX_SUMMARY_BYTES = 1000 * 1000

/**
 * core.summary writes HTML as given; titles and file names come from the server, so escape them. The
 * runner does not mask the summary, so masked values are taken out first (before escaping changes them).
 */
export function escapeHtml(text: string): string {
  return scrubSecrets(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function cell(text: string): string {
  return `<td>${escapeHtml(text)}</td>`
}

function linkCell(url: string): string {
  // Only web addresses become links: a `javascript:` URL from a hostile server stays text.
  if (!/^https?:\/\//i.test(url)) return cell(url)
  return `<td><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></td>`
}

// undefined: not counted by this operation; null: counting was attempted and failed.
function downloadsText(link: OutputLink): string {
  const limit = link.maxDownloads
  if (link.downloads === undefined) return limit === null ? '' : `max ${limit}`
  const count = link.downloads === null ? '?' : String(link.downloads)
  return limit === null ? count : `${count} / ${limit}`
}

function expiryText(link: OutputLink): string {
  if (link.expiresAt) return `${link.expiresAt}${link.expired ? ' (expired)' : ''}`
  // A file uploaded without a link has no expiry to show; a link without one never expires.
  const hasLink = link.shareUrl !== '' || link.action !== undefined
  return hasLink ? 'never' : ''
}

function row(link: OutputLink, withTarget: boolean): string {
  const cells = [
    ...(withTarget ? [cell(link.target ?? link.file ?? '')] : []),
    cell(link.title),
    cell(link.access),
    cell(expiryText(link)),
    cell(downloadsText(link)),
    cell(link.action ?? ''),
    linkCell(link.shareUrl)
  ]
  return `<tr>${cells.join('')}</tr>`
}

export function renderSummary(result: OperationResult | undefined, failure?: string): string {
  const parts = ['<h2>DocSpace share links</h2>']
  if (result) {
    const mode = result.dryRun ? ' <em>(dry run: nothing was changed)</em>' : ''
    parts.push(`<p>${escapeHtml(result.headline)}${mode}</p>`)
  }
  if (failure) parts.push(`<p><strong>Failed:</strong> ${escapeHtml(failure)}</p>`)
  for (const note of result?.notes ?? []) parts.push(`<p>${escapeHtml(note)}</p>`)
  if (result?.failures?.length) {
    const items = result.failures.map((f) => `<li>${escapeHtml(f)}</li>`).join('')
    parts.push(`<p>Failures:</p><ul>${items}</ul>`)
  }
  const links = result?.links ?? []
  if (links.length === 0) return parts.join('\n')
  const withTarget = links.some((link) => link.target !== undefined || link.file !== undefined)
  const head = [
    ...(withTarget ? ['Target'] : []),
    'Title',
    'Access',
    'Expires',
    'Downloads',
    'Action',
    'Share URL'
  ]
  const header = `<table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`
  let size = Buffer.byteLength(parts.join('\n') + header) + 200
  const rows: string[] = []
  for (const link of links) {
    const html = row(link, withTarget)
    size += Buffer.byteLength(html) + 1
    if (size > MAX_SUMMARY_BYTES) {
      rows.push(
        `<tr><td colspan="${head.length}">… and ${links.length - rows.length} more (see the \`links\` output)</td></tr>`
      )
      break
    }
    rows.push(html)
  }
  parts.push(`${header}\n${rows.join('\n')}\n</table>`)
  return parts.join('\n')
}

/** A summary that cannot be written is a warning, never a failed step. */
export async function writeSummary(
  result: OperationResult | undefined,
  failure?: string
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(renderSummary(result, failure), true).write()
  } catch (error) {
    core.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
