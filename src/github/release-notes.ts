import type { Repository } from './event.js'

// The section of the release notes that lists the uploaded files. It sits between two HTML comments (not
// shown on GitHub) so that a re-run replaces it instead of adding another one.

export const SECTION_START = '<!-- docspace-share-links:start -->'
export const SECTION_END = '<!-- docspace-share-links:end -->'
/** GitHub refuses release bodies longer than this. */
export const MAX_RELEASE_BODY = 125_000

export interface ReleaseNoteEntry {
  file: string
  size: number
  /** Empty when no link was created. */
  shareUrl: string
  /** ISO 8601 UTC; empty when the link never expires. */
  expiresAt: string
  hasPassword?: boolean
}

// Backslash escapes work on every ASCII punctuation character in Markdown; escaping them all keeps a
// file name from opening a link, a table cell or an HTML tag.
function markdownText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')
}

function markdownUrl(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29')
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** The marked section: a heading and a table of the files with their links. */
export function renderReleaseSection(entries: ReleaseNoteEntry[], heading = 'Downloads'): string {
  const rows = entries.map((entry) => {
    const url = markdownUrl(entry.shareUrl)
    const name = markdownText(entry.file)
    const file = url ? `[${name}](${url})` : name
    const expires = !url ? '' : entry.expiresAt ? entry.expiresAt : 'never'
    const note = url && entry.hasPassword ? ' (password required)' : ''
    return `| ${file}${note} | ${formatSize(entry.size)} | ${expires} |`
  })
  return [
    SECTION_START,
    `### ${markdownText(heading)}`,
    '',
    '| File | Size | Link expires |',
    '| --- | --- | --- |',
    ...rows,
    SECTION_END
  ].join('\n')
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// A start marker counts only with an end marker after it and no other start in between, so a marker
// the author deleted by hand never makes the replacement swallow their own text.
const SECTION = new RegExp(
  `${escapeRegExp(SECTION_START)}(?:(?!${escapeRegExp(SECTION_START)})[\\s\\S])*?${escapeRegExp(SECTION_END)}`,
  'g'
)

/**
 * The body with `section` in place of the section added before (the first one; any further copies are
 * removed), or appended after a blank line when there is none. Applying it twice changes nothing more.
 */
export function replaceSection(body: string | null | undefined, section: string): string {
  const text = body ?? ''
  const first = new RegExp(SECTION.source).exec(text)
  if (!first) {
    const kept = text.trimEnd()
    return kept === '' ? section : `${kept}\n\n${section}`
  }
  const before = text.slice(0, first.index)
  const after = text.slice(first.index + first[0].length).replace(SECTION, '')
  return `${before}${section}${after}`
}

export interface ReleaseNotesUpdate {
  apiUrl: string
  /** Sent as a Bearer token; never logged or put in a message. */
  token: string
  repository: Repository
  releaseId: number
  section: string
  timeoutMs?: number
  /** Attempts per request for 429, 502, 503, 504 and connection errors. */
  attempts?: number
}

/**
 * Reads the release by id (the event payload holds the body as it was when the run started, so a
 * re-run must not trust it) and writes the body back with the section replaced. Returns whether the
 * body changed.
 */
export async function updateReleaseNotes(update: ReleaseNotesUpdate): Promise<boolean> {
  // octokit and what it needs are a chunk of their own, loaded only here.
  const { releasesApi } = await import(/* webpackChunkName: "github" */ './releases-api.js')
  const api = releasesApi({
    apiUrl: update.apiUrl,
    token: update.token,
    timeoutMs: update.timeoutMs ?? 30_000,
    attempts: update.attempts ?? 3
  })
  const release = await api.getRelease(update.repository, update.releaseId)
  const current = release.body ?? ''
  const next = replaceSection(current, update.section)
  if (next === current) return false
  if (next.length > MAX_RELEASE_BODY) {
    throw new Error(
      `The release notes with the links would be ${next.length} characters long; GitHub allows ${MAX_RELEASE_BODY}`
    )
  }
  await api.setReleaseBody(update.repository, update.releaseId, next)
  return true
}
