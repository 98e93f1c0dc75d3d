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
}

export interface Listed<T> {
  items: T[]
  /** False when the listing ended before the portal's last page (the page bound was reached). */
  complete: boolean
  /** Why the listing ended early or looks wrong, for a warning and the summary. */
  note?: string
}

export async function readPages<T>(listing: PagedListing<T>): Promise<Listed<T>> {
  const { label, pageSize, maxPages } = listing
  const seen = new Set<string | number>()
  const items: T[] = []
  let startIndex = 0
  let previous: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const { items: batch, total } = await listing.fetch(startIndex, pageSize)
    const ids = batch.map((item) => listing.idOf(item))
    const key = ids.join('\u0000')
    if (batch.length > 0 && key === previous) {
      return {
        items,
        complete: true,
        note: `${label}: the portal sent the same page twice (from entry ${startIndex}); the listing stopped there with ${items.length} entries`
      }
    }
    let fresh = 0
    batch.forEach((item, i) => {
      if (seen.has(ids[i])) return
      seen.add(ids[i])
      items.push(item)
      fresh++
    })
    startIndex += batch.length
    if (batch.length < pageSize) {
      const lying = total !== undefined && total > startIndex
      return {
        items,
        complete: true,
        note: lying
          ? `${label}: the portal counted ${total} entries but its pages ended after ${startIndex}`
          : undefined
      }
    }
    if (fresh === 0) {
      return {
        items,
        complete: true,
        note: `${label}: a full page held only entries already read (the portal ignores paging?); the listing stopped there with ${items.length} entries`
      }
    }
    if (total !== undefined && startIndex >= total) return { items, complete: true }
    previous = key
  }
  return {
    items,
    complete: false,
    note:
      `${label}: the listing was stopped after ${maxPages} pages (${items.length} entries), its bound: ` +
      'entries past it were not seen'
  }
}
