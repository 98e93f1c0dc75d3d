import * as core from '@actions/core'
import type { OperationResult, OutputLink, SummaryTable, SweepCounts } from './result.js'
import { capBytes, htmlText } from './safe-text.js'
import { scrubSecrets } from './secrets.js'

// The runner rejects a step summary over 1 MiB; stay well under it.
export const MAX_SUMMARY_BYTES = 1000 * 1000
// Notes and failures together take at most this much, so that the table still has room.
const MAX_LIST_BYTES = 300 * 1000
// One paragraph (the headline, the failure, one note) at most.
const MAX_PARAGRAPH_BYTES = 16 * 1000

/**
 * core.summary writes HTML as given; titles and file names come from the server, so escape them, and turn
 * line breaks into `<br>`: a blank line would end the summary's HTML block and let the rest render as
 * Markdown. The runner does not mask the summary, so masked values are taken out first (before escaping
 * changes them).
 */
export function escapeHtml(text: string): string {
  return htmlText(capBytes(scrubSecrets(text), MAX_PARAGRAPH_BYTES))
}

// Items while they fit in `budget` bytes, then one line saying how many were left out.
function boundedItems(texts: string[], budget: number, render: (text: string) => string): string[] {
  const out: string[] = []
  let size = 0
  for (const [i, text] of texts.entries()) {
    const html = render(text)
    size += Buffer.byteLength(html) + 1
    if (size > budget) {
      out.push(
        render(
          `… and ${texts.length - i} more: all of them are in the file named by the \`report-file\` output`
        )
      )
      break
    }
    out.push(html)
  }
  return out
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

// Numbers only: nothing from the portal reaches this table.
function sweepTable(c: SweepCounts): string {
  const rows: Array<[string, number]> = [
    ['Entries listed', c.listed],
    ['Shared', c.shared],
    ['Inspected', c.inspected],
    ['Not inspectable (no share rights)', c.notInspectable],
    ['Links checked', c.checked],
    ['Revoked', c.revoked],
    ['Kept', c.kept],
    ...(c.left > 0 ? ([['Left to revoke', c.left]] as Array<[string, number]>) : []),
    ['Requests made', c.requests]
  ]
  const body = rows.map(([name, n]) => `<tr><td>${name}</td><td>${n}</td></tr>`).join('')
  return `<table>${body}</table>`
}

export function renderSummary(result: OperationResult | undefined, failure?: string): string {
  const parts = ['<h2>DocSpace share links</h2>']
  if (result) {
    const mode = result.dryRun ? ' <em>(dry run: nothing was changed)</em>' : ''
    parts.push(`<p>${escapeHtml(result.headline)}${mode}</p>`)
  }
  if (failure) parts.push(`<p><strong>Failed:</strong> ${escapeHtml(failure)}</p>`)
  if (result?.sweep) parts.push(sweepTable(result.sweep))
  const notes = result?.notes ?? []
  const failures = result?.failures ?? []
  const share = failures.length > 0 && notes.length > 0 ? MAX_LIST_BYTES / 2 : MAX_LIST_BYTES
  parts.push(...boundedItems(notes, share, (note) => `<p>${escapeHtml(note)}</p>`))
  if (failures.length > 0) {
    const items = boundedItems(failures, share, (f) => `<li>${escapeHtml(f)}</li>`).join('')
    parts.push(`<p>Failures:</p><ul>${items}</ul>`)
  }
  for (const table of result?.tables ?? []) parts.push(renderTable(table))
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
        `<tr><td colspan="${head.length}">… and ${links.length - rows.length} more: all of them are in the file named by the \`report-file\` output</td></tr>`
      )
      break
    }
    rows.push(html)
  }
  parts.push(`${header}\n${rows.join('\n')}\n</table>`)
  return parts.join('\n')
}

function renderTable(table: SummaryTable): string {
  const head = `<tr>${table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`
  const rows = table.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`)
  return [`<h3>${escapeHtml(table.caption)}</h3>`, '<table>', head, ...rows, '</table>'].join('\n')
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
