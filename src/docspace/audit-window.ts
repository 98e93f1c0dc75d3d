// Download counts for many files from one windowed audit query. Without `target`, the filter
// `moduleType=1&actionType=12&from=..&to=..` returns the file downloads of every file in the window
// (FileDownloaded 5009, FileDownloadedAs 5010, FileRevisionDownloaded 5062), newest first, in pages of
// 100, with no total: the last page is the one shorter than asked. `to` is frozen at the sweep's start
// and events are kept once by id, since offset pages shift as new events arrive. Each page costs one
// request whoever the downloads are of, so the window is read only while it is cheaper than one query
// per file; past that bound the counts come from per-file queries instead.
import { isoUtc } from '../time/iso-date.js'
import type { DocSpaceApi } from './api.js'
import {
  ACTION_TYPE_DOWNLOAD,
  AUDIT_IGNORED_MESSAGE,
  AUDIT_NOT_IN_PLAN_MESSAGE,
  AuditAccessError,
  DOWNLOAD_ACTION_IDS,
  DownloadCounter,
  UNFILTERED_PAGE,
  auditPage,
  type DownloadEvent,
  type FileDownloads
} from './audit.js'

const PAGE_SIZE = 100
const MODULE_FILES = 1

export type DownloadWindow =
  | {
      read: true
      /** Start of the window; undefined: from the start of the trail. */
      from?: Date
      to: Date
      byFile: Map<number, DownloadEvent[]>
      pages: number
    }
  | {
      read: false
      /** Pages spent before giving up on the window. */
      pages: number
      /** Why the counts cannot come from the audit trail at all (no Audit option); else undefined. */
      uncounted?: string
    }

/**
 * Reads every file download between `from` and `to`, at most `maxPages` pages. `read: false` when the
 * window holds more than that (per-file queries are then cheaper) or the trail cannot count. Throws
 * AuditAccessError when the key may not read the audit trail.
 */
/** Audit pages in flight at once after the first. */
const LOOKAHEAD = 8

export async function readDownloadWindow(
  client: DocSpaceApi,
  window: { from?: Date; to: Date; maxPages: number }
): Promise<DownloadWindow> {
  const byFile = new Map<number, DownloadEvent[]>()
  const seen = new Set<number>()
  let firstIds: number[] | undefined
  // The trail gives no total, so the end is the first short page. After the first page (which tells
  // whether the filter is applied at all) a few pages are asked for ahead and handled in order: at most
  // LOOKAHEAD - 1 requests past the end, instead of one round trip per page.
  const pending: Array<ReturnType<typeof auditPage>> = []
  let asked = 0
  for (let page = 0; page < window.maxPages; page++) {
    while (pending.length < (page === 0 ? 1 : LOOKAHEAD) && asked < window.maxPages) {
      const answer = auditPage(client, {
        moduleType: MODULE_FILES,
        actionType: ACTION_TYPE_DOWNLOAD,
        from: window.from ? isoUtc(window.from) : undefined,
        to: isoUtc(window.to),
        startIndex: asked * PAGE_SIZE,
        count: PAGE_SIZE
      })
      // A page asked for ahead but never handled (the window ended first) must not fail the run.
      answer.catch(() => undefined)
      pending.push(answer)
      asked++
    }
    const batch = await (pending.shift() as ReturnType<typeof auditPage>)
    if (batch === 'not-in-plan') {
      return { read: false, pages: page + 1, uncounted: AUDIT_NOT_IN_PLAN_MESSAGE }
    }
    // Anything but a file download, or the same 20 events again, means the filter was ignored.
    const ignored =
      batch.some(
        (e) =>
          e.actionId === undefined ||
          !DOWNLOAD_ACTION_IDS.has(e.actionId) ||
          (e.actionType !== undefined && e.actionType !== ACTION_TYPE_DOWNLOAD)
      ) ||
      (page === 1 &&
        firstIds?.length === UNFILTERED_PAGE &&
        batch.length === UNFILTERED_PAGE &&
        batch.every((e, i) => e.id === firstIds?.[i]))
    if (ignored) return { read: false, pages: page + 1, uncounted: AUDIT_IGNORED_MESSAGE }
    if (page === 0) firstIds = batch.map((e) => e.id)
    for (const event of batch) {
      if (seen.has(event.id)) continue
      seen.add(event.id)
      const at = event.date ? new Date(event.date) : new Date(NaN)
      if (window.from && at.getTime() < window.from.getTime()) continue
      if (at.getTime() > window.to.getTime()) continue
      // The target is the file id, exactly; a bulk download writes one event per file.
      for (const target of event.target ?? []) {
        if (!/^\d+$/.test(target)) continue
        const id = Number(target)
        const list = byFile.get(id) ?? []
        list.push({ id: event.id, at })
        byFile.set(id, list)
      }
    }
    // A page of exactly 20 may be the unfiltered answer: the next page tells.
    if (batch.length < PAGE_SIZE && !(page === 0 && batch.length === UNFILTERED_PAGE)) {
      return { read: true, from: window.from, to: window.to, byFile, pages: page + 1 }
    }
  }
  return { read: false, pages: window.maxPages }
}

/**
 * A DownloadCounter that answers from a window read beforehand when the window covers the moment asked
 * for, and queries the file's own trail otherwise.
 */
export class WindowedCounter extends DownloadCounter {
  constructor(
    client: DocSpaceApi,
    private readonly window: DownloadWindow | undefined,
    private readonly refusal?: AuditAccessError,
    /** The window's read failed: every count fails with that error. */
    private readonly failure?: unknown
  ) {
    super(client)
  }

  override async file(fileId: number, since?: Date): Promise<FileDownloads> {
    if (this.refusal) throw this.refusal
    if (this.failure !== undefined) throw this.failure
    const w = this.window
    if (w && !w.read && w.uncounted) return { counted: false, reason: w.uncounted }
    if (w?.read && (w.from === undefined || (since && since.getTime() >= w.from.getTime()))) {
      const events = (w.byFile.get(fileId) ?? []).filter(
        (e) => !since || !(e.at.getTime() < since.getTime())
      )
      return { counted: true, events, truncated: false }
    }
    return super.file(fileId, since)
  }
}
