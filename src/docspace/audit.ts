// Download counts from the audit trail. DocSpace has no per-link download counter: its audit trail records
// each download of a file (FileDownloaded 5009, FileDownloadedAs 5010, FileRevisionDownloaded 5062) with
// the file id as target, whichever link or user it came through. The filter that really works is
// `entryType=1&actionType=12&target=<id>`: the server then matches `target` as a substring (12 also
// finds 123), so events are checked here for exactly that id. `action` is localized text (and empty for
// 5062): never match on it. A portal whose plan lacks the Audit option ignores every parameter and
// answers the last 20 events, which is detected rather than counted.

import { isoUtc } from '../time/iso-date.js'
import type { DocSpaceApi } from './api.js'
import { DocSpaceError } from './errors.js'
import type { AuditEventDto } from './types.js'
import { checkAuditEvent, entryProblem, listAt } from './shapes.js'

export const AUDIT_FILTER_PATH = '/api/2.0/security/audit/events/filter'

/** MessageAction ids of a file download. */
export const DOWNLOAD_ACTION_IDS: ReadonlySet<number> = new Set([5009, 5010, 5062])
const ENTRY_TYPE_FILE = 1
export const ACTION_TYPE_DOWNLOAD = 12
const PAGE_SIZE = 100
/** What a portal without the Audit option answers, whatever was asked. */
export const UNFILTERED_PAGE = 20
// 20 000 downloads of one file since a link was made is far beyond any limit worth enforcing; the bound
// keeps a misbehaving portal from holding the run forever.
const MAX_PAGES = 200

export const AUDIT_FORBIDDEN_MESSAGE =
  "counting downloads needs an admin's API key with the `*:read` scope (the audit trail is admin-only)"
export const AUDIT_IGNORED_MESSAGE =
  "the audit trail ignored the filter (the portal's plan has no Audit option?): downloads cannot be counted"
export const AUDIT_NOT_IN_PLAN_MESSAGE =
  "the portal's plan does not include the audit trail (HTTP 402): downloads cannot be counted"

/** The audit trail refused the key: a failure for whatever needs a count. */
export class AuditAccessError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options)
    this.name = 'AuditAccessError'
  }
}

export interface DownloadEvent {
  id: number
  at: Date
}

export type FileDownloads =
  | {
      counted: true
      /** Downloads of exactly this file since the `since` asked for, newest first, each once. */
      events: DownloadEvent[]
      /** The page bound was hit: the count is a lower bound. */
      truncated: boolean
    }
  | {
      counted: false
      /** Why not, for a note in the result. */
      reason: string
    }

function holdsExactly(event: AuditEventDto, fileId: string): boolean {
  return (event.target ?? []).some((t) => t === fileId)
}

// Whether the event could have passed the filter that was asked: a download (by id and type) whose target
// contains the id as a substring. Anything else shows the portal ignored the filter.
function fitsFilter(event: AuditEventDto, fileId: string): boolean {
  if (event.actionId === undefined || !DOWNLOAD_ACTION_IDS.has(event.actionId)) return false
  if (event.actionType !== undefined && event.actionType !== ACTION_TYPE_DOWNLOAD) return false
  return (event.target ?? []).some((t) => t.includes(fileId))
}

function sameIds(a: AuditEventDto[], b: AuditEventDto[]): boolean {
  return a.length === b.length && a.every((event, i) => event.id === b[i].id)
}

/**
 * Every download of one file recorded since `since` (all of them when it is not given), or why they
 * cannot be counted. Throws AuditAccessError when the key may not read the audit trail.
 */
export async function fileDownloads(
  client: DocSpaceApi,
  fileId: number,
  since?: Date
): Promise<FileDownloads> {
  const id = String(fileId)
  const seen = new Set<number>()
  const events: DownloadEvent[] = []
  let previous: AuditEventDto[] | undefined
  let startIndex = 0
  for (let page = 0; page < MAX_PAGES; page++) {
    const batch = await auditPage(client, {
      entryType: ENTRY_TYPE_FILE,
      actionType: ACTION_TYPE_DOWNLOAD,
      target: id,
      from: since ? isoUtc(since) : undefined,
      startIndex,
      count: PAGE_SIZE
    })
    if (batch === 'not-in-plan') return { counted: false, reason: AUDIT_NOT_IN_PLAN_MESSAGE }
    if (batch.some((event) => !fitsFilter(event, id))) {
      return { counted: false, reason: AUDIT_IGNORED_MESSAGE }
    }
    // The last 20 events, answered again for the next page: the portal ignores filter and paging alike.
    if (previous?.length === UNFILTERED_PAGE && sameIds(previous, batch)) {
      return { counted: false, reason: AUDIT_IGNORED_MESSAGE }
    }
    let fresh = 0
    for (const event of batch) {
      if (seen.has(event.id)) continue
      seen.add(event.id)
      fresh++
      if (!holdsExactly(event, id)) continue
      const at = event.date ? new Date(event.date) : undefined
      // `from` is the server's to apply; an event before it is not counted, whatever the server did.
      if (since && at && at.getTime() < since.getTime()) continue
      events.push({ id: event.id, at: at ?? new Date(NaN) })
    }
    // A page of exactly 20 might be the unfiltered answer: one more page tells.
    if (batch.length < PAGE_SIZE && batch.length !== UNFILTERED_PAGE) {
      return { counted: true, events, truncated: false }
    }
    // A full page of events already read: the portal ignores startIndex, so the rest is out of reach.
    if (fresh === 0) return { counted: true, events, truncated: true }
    previous = batch
    startIndex += batch.length
  }
  return { counted: true, events, truncated: true }
}

export async function auditPage(
  client: DocSpaceApi,
  query: Record<string, string | number | undefined>
): Promise<AuditEventDto[] | 'not-in-plan'> {
  try {
    const { data } = await client.request<unknown>('GET', AUDIT_FILTER_PATH, {
      query,
      retry: 'read'
    })
    // One event of the wrong shape makes the whole count unsure: it is refused rather than guessed.
    const endpoint = `GET ${AUDIT_FILTER_PATH}`
    return listAt(data, endpoint, 'response').map((raw, i) => {
      const checked = checkAuditEvent(raw, `response[${i}]`)
      if (!checked.ok) {
        throw new DocSpaceError(
          'bad-response',
          endpoint,
          entryProblem(endpoint, checked, 'downloads cannot be counted')
        )
      }
      return checked.value
    })
  } catch (error) {
    if (error instanceof DocSpaceError && (error.kind === 'forbidden' || error.status === 403)) {
      throw new AuditAccessError(AUDIT_FORBIDDEN_MESSAGE, { cause: error })
    }
    if (
      error instanceof DocSpaceError &&
      (error.kind === 'payment-required' || error.status === 402)
    ) {
      return 'not-in-plan'
    }
    throw error
  }
}

/** Downloads among the events at or after `since` (all of them without it). */
export function downloadsSince(events: readonly DownloadEvent[], since?: Date): number {
  if (!since) return events.length
  return events.filter((event) => !(event.at.getTime() < since.getTime())).length
}

/**
 * Download counts for many links at once, each file's audit trail read once: a query from an earlier
 * moment (or from the start) answers every later one. After a 403 no further query is made.
 */
export class DownloadCounter {
  private readonly queries = new Map<
    number,
    Array<{ since?: Date; result: Promise<FileDownloads> }>
  >()
  private refused: AuditAccessError | undefined

  constructor(private readonly client: DocSpaceApi) {}

  /** Downloads of one file since `since`: served from an earlier query when one covers it. */
  async file(fileId: number, since?: Date): Promise<FileDownloads> {
    if (this.refused) throw this.refused
    const known = this.queries.get(fileId) ?? []
    const cover = known.find(
      (q) => q.since === undefined || (since !== undefined && q.since.getTime() <= since.getTime())
    )
    const result = cover?.result ?? this.query(fileId, since)
    if (!cover) {
      known.push({ since, result })
      this.queries.set(fileId, known)
    }
    const downloads = await result
    if (!downloads.counted) return downloads
    return {
      ...downloads,
      events: since
        ? downloads.events.filter((e) => !(e.at.getTime() < since.getTime()))
        : downloads.events
    }
  }

  /**
   * Downloads of several files (the files of a folder) since `since`, summed; null with the reason when
   * any of them cannot be counted.
   */
  async files(
    fileIds: readonly number[],
    since?: Date
  ): Promise<{ downloads: number; truncated: boolean } | { downloads: null; reason: string }> {
    const results = await Promise.all(fileIds.map((id) => this.file(id, since)))
    let downloads = 0
    let truncated = false
    for (const result of results) {
      if (!result.counted) return { downloads: null, reason: result.reason }
      downloads += result.events.length
      truncated ||= result.truncated
    }
    return { downloads, truncated }
  }

  private async query(fileId: number, since?: Date): Promise<FileDownloads> {
    try {
      return await fileDownloads(this.client, fileId, since)
    } catch (error) {
      if (error instanceof AuditAccessError) this.refused ??= error
      throw error
    }
  }
}
