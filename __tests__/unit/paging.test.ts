import { describe, expect, it } from '@jest/globals'
import { readPages, type Page } from '../../src/docspace/paging.js'

type Item = { id: number }

function listing(pages: (start: number) => Page<Item>, maxPages = 10, concurrency = 1) {
  const asked: number[] = []
  const run = readPages<Item>({
    label: 'folder 7',
    pageSize: 3,
    maxPages,
    concurrency,
    idOf: (item) => item.id,
    fetch: async (start) => {
      asked.push(start)
      return pages(start)
    }
  })
  return { run, asked }
}

const ids = (...n: number[]): Item[] => n.map((id) => ({ id }))

describe('readPages', () => {
  it('keeps an entry once when an insertion shifts the next page back', async () => {
    const pages: Record<number, Item[]> = { 0: ids(1, 2, 3), 3: ids(3, 4, 5), 6: ids(6) }
    const { run, asked } = listing((start) => ({ items: pages[start] ?? [], total: 7 }))
    const listed = await run
    expect(listed.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6])
    expect(listed.complete).toBe(true)
    expect(asked).toEqual([0, 3, 6])
  })

  it('hands on the new entries of each page as it is taken, once each, and nothing of a repeated page', async () => {
    const handed: number[][] = []
    const pages: Record<number, Item[]> = { 0: ids(1, 2, 3), 3: ids(3, 4, 5), 6: ids(3, 4, 5) }
    const listed = await readPages<Item>({
      label: 'folder 7',
      pageSize: 3,
      maxPages: 10,
      concurrency: 3,
      idOf: (item) => item.id,
      fetch: async (start) => ({ items: pages[start] ?? [], total: 9 }),
      onItems: (items) => void handed.push(items.map((i) => i.id))
    })
    expect(handed).toEqual([
      [1, 2, 3],
      [4, 5]
    ])
    expect(handed.flat()).toEqual(listed.items.map((i) => i.id))
    expect(listed.note).toMatch(/the same page twice/)
  })

  it('ends on a repeated page with a note', async () => {
    const { run, asked } = listing(() => ({ items: ids(1, 2, 3), total: 1000 }))
    const listed = await run
    expect(listed.items).toHaveLength(3)
    expect(listed.note).toBe(
      'folder 7: the portal sent the same page twice (from entry 3); the listing stopped there with 3 entries'
    )
    expect(asked).toEqual([0, 3])
  })

  it('ends on a full page of entries already read, shuffled', async () => {
    const pages: Record<number, Item[]> = { 0: ids(1, 2, 3), 3: ids(3, 1, 2) }
    const listed = await listing((start) => ({ items: pages[start] ?? ids(9) })).run
    expect(listed.items.map((i) => i.id)).toEqual([1, 2, 3])
    expect(listed.note).toContain('a full page held only entries already read')
  })

  it('notes a total the pages do not bear out', async () => {
    const pages: Record<number, Item[]> = { 0: ids(1, 2, 3), 3: ids(4) }
    const listed = await listing((start) => ({ items: pages[start] ?? [], total: 50 })).run
    expect(listed.items).toHaveLength(4)
    expect(listed.note).toBe('folder 7: the portal counted 50 entries but its pages ended after 4')
  })

  it('stops at the page bound, incomplete, with a note naming the listing', async () => {
    const { run, asked } = listing((start) => ({ items: ids(start, start + 1, start + 2) }), 4)
    const listed = await run
    expect(asked).toHaveLength(4)
    expect(listed.complete).toBe(false)
    expect(listed.note).toBe(
      'folder 7: the listing was stopped after 4 pages (12 entries), its bound: entries past it were not seen'
    )
  })

  it('keeps several pages in flight once the total is known, never past it, and says whether it settled', async () => {
    const all = ids(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    const { run, asked } = listing(
      (start) => ({ items: all.slice(start, start + 3), total: 10 }),
      10,
      4
    )
    const listed = await run
    expect(listed.items.map((i) => i.id)).toEqual(all.map((i) => i.id))
    expect(asked).toEqual([0, 3, 6, 9])
    expect(listed).toMatchObject({ complete: true, settled: true, pages: 4 })
  })

  it('costs at most the pages in flight when the total lies, and is not settled when the total moves', async () => {
    const { run, asked } = listing(() => ({ items: ids(1, 2, 3), total: 1000 }), 10, 4)
    const listed = await run
    expect(asked).toEqual([0, 3, 6, 9, 12])
    expect(listed.note).toContain('the portal sent the same page twice')
    const moving = listing((start) => ({
      items: ids(1, 2, 3, 4, 5).slice(start, start + 3),
      total: start === 0 ? 6 : 5
    }))
    expect(await moving.run).toMatchObject({ complete: true, settled: false })
  })
})
