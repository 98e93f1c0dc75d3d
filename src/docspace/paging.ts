// Reading a listing page by page, safely against a portal that shifts, repeats or never ends. DocSpace
// pages by offset (`startIndex`), so an entry added while the listing is read pushes the next page back
// by one and the same entry comes twice: entries are kept once by id. A page that only repeats what was
// read, a `total` that the pages do not bear out, or the page bound ends the listing with a note naming
// it, never silently: what was read so far is returned, marked incomplete where entries may be missing.

export interface Page<T> {
  items: T[]
  /** The portal's count of all entries, when it gives one. */
  total?: number
}

export interface PagedListing<T> {
  /** `GET /api/2.0/files/12` or `folder 12`: how notes name the listing. */
  label: string
  fetch(startIndex: number, count: number): Promise<Page<T>>
  /** The entry's id; entries are kept once per id. */
  idOf(item: T): string | number
  pageSize: number
  maxPages: number
  /**
   * Pages in flight at once once a page has given the `total` (default 1). They are asked for as if each
   * were full, never past the total, so a portal that lies about its size costs at most this many pages
   * before the checks below end the listing.
   */
  concurrency?: number
  /** Called with the new entries of each page as it is taken, in the listing's order. */
  onItems?(items: T[]): void
}

export interface Listed<T> {
  items: T[]
  /** False when the listing ended before the portal's last page (the page bound was reached). */
  complete: boolean
  /** Why the listing ended early or looks wrong, for a warning and the summary. */
  note?: string
  /** Pages read. */
  pages: number
  /** Every page reported the same `total` and at least that many distinct entries came. */
  settled: boolean
}

export async function readPages<T>(listing: PagedListing<T>): Promise<Listed<T>> {
  const { label, pageSize, maxPages } = listing
  const inFlight = Math.max(1, Math.floor(listing.concurrency ?? 1))
  const seen = new Set<string | number>()
  const items: T[] = []
  const totals = new Set<number>()
  let startIndex = 0
  let pages = 0
  let total: number | undefined
  let previous: string | undefined
  const end = (complete: boolean, note?: string): Listed<T> => {
    const [only] = totals
    const settled =
      complete && note === undefined && totals.size <= 1 && items.length >= (only ?? 0)
    return { items, complete, note, pages, settled }
  }
  // Pages in flight, in the order they were asked for; each is handled in that order as it comes. A page
  // is asked for as one is handled, so that many stay in flight instead of each batch waiting for its
  // slowest page.
  const inflight: Array<Promise<Page<T>>> = []
  let nextStart = 0
  const ask = (): void => {
    const answer = listing.fetch(nextStart, pageSize)
    // A page asked for but never handled (the listing ended first) must not fail the run on its own.
    answer.catch(() => undefined)
    inflight.push(answer)
    nextStart += pageSize
  }
  while (pages < maxPages) {
    // Until the portal has said how many entries there are, one page at a time; with a total at hand,
    // nothing past it is asked for.
    const width = total === undefined ? 1 : inFlight
    while (
      inflight.length < width &&
      pages + inflight.length < maxPages &&
      (inflight.length === 0 || (total !== undefined && nextStart < total))
    ) {
      ask()
    }
    const answer = await (inflight.shift() as Promise<Page<T>>)
    pages++
    if (answer.total !== undefined) {
      total = answer.total
      totals.add(answer.total)
    }
    const ids = answer.items.map((item) => listing.idOf(item))
    const key = ids.join('\u0000')
    if (answer.items.length > 0 && key === previous) {
      return end(
        true,
        `${label}: the portal sent the same page twice (from entry ${startIndex}); the listing stopped there with ${items.length} entries`
      )
    }
    const taken: T[] = []
    answer.items.forEach((item, i) => {
      if (seen.has(ids[i])) return
      seen.add(ids[i])
      taken.push(item)
    })
    items.push(...taken)
    const fresh = taken.length
    if (fresh > 0) listing.onItems?.(taken)
    startIndex += answer.items.length
    if (answer.items.length < pageSize) {
      const lying = answer.total !== undefined && answer.total > startIndex
      return end(
        true,
        lying
          ? `${label}: the portal counted ${answer.total} entries but its pages ended after ${startIndex}`
          : undefined
      )
    }
    if (fresh === 0) {
      return end(
        true,
        `${label}: a full page held only entries already read (the portal ignores paging?); the listing stopped there with ${items.length} entries`
      )
    }
    if (total !== undefined && startIndex >= total) return end(true)
    previous = key
  }
  return end(
    false,
    `${label}: the listing was stopped after ${maxPages} pages (${items.length} entries), its bound: ` +
      'entries past it were not seen'
  )
}
