import { describe, expect, it } from '@jest/globals'
import {
  EXPIRY_WARNED_OPERATIONS,
  expiringSoon,
  formatTimeLeft,
  warnExpiringSoon
} from '../../src/links/expiry-warnings.js'
import type { LinkAction } from '../../src/result.js'
import { runWith } from '../helpers/operation.js'
import { useEmulator } from '../helpers/fixtures.js'

const NOW = new Date('2026-11-23T10:00:00Z')
const HOUR = 60 * 60 * 1000

function link(
  id: string,
  expiresAt: string,
  extra: { expired?: boolean; action?: LinkAction } = {}
) {
  return {
    id,
    title: `Link ${id}`,
    expiresAt,
    expired: extra.expired ?? false,
    action: extra.action
  }
}

function capture() {
  const warnings: string[] = []
  return { warnings, log: { warning: (m: string) => void warnings.push(m) } }
}

describe('expiringSoon', () => {
  it('keeps live links that expire within a day, soonest first', () => {
    const links = [
      link('a', '2026-11-24T09:00:00Z'), // 23 h
      link('b', '2026-11-23T10:30:00Z'), // 30 min
      link('c', '2026-11-24T10:00:01Z'), // a second over a day
      link('d', ''), // never expires
      link('e', '2026-11-23T09:00:00Z', { expired: true }),
      link('f', '2026-11-23T11:00:00Z', { action: 'revoked' }),
      link('g', '2026-11-23T11:00:00Z', { action: 'would-create' }),
      link('h', '2026-11-24T10:00:00Z', { action: 'updated' }) // exactly a day
    ]
    expect(expiringSoon(links, NOW).map((l) => l.id)).toEqual(['b', 'a', 'h'])
  })

  it('does not take a date in the past for one in the future when `expired` was not set', () => {
    expect(expiringSoon([link('x', '2026-11-23T09:59:59Z')], NOW)).toEqual([])
  })
})

describe('warnExpiringSoon', () => {
  it('warns once per link, naming it and when it expires, and nothing else', () => {
    const { warnings, log } = capture()
    const count = warnExpiringSoon(
      [link('a', '2026-11-23T13:20:00Z'), link('b', '2026-12-01T00:00:00Z')],
      NOW,
      log
    )
    expect(count).toBe(1)
    expect(warnings).toEqual(['Link "Link a" (a) expires in 3 h 20 min, at 2026-11-23T13:20:00Z.'])
  })

  it('formats the time left', () => {
    expect(formatTimeLeft(30 * 1000)).toBe('1 min')
    expect(formatTimeLeft(45 * 60 * 1000)).toBe('45 min')
    expect(formatTimeLeft(23 * HOUR)).toBe('23 h')
    expect(formatTimeLeft(HOUR + 5 * 60 * 1000)).toBe('1 h 5 min')
  })

  it('applies to the single-link operations and list-links only', () => {
    expect([...EXPIRY_WARNED_OPERATIONS].sort()).toEqual([
      'create-link',
      'list-links',
      'update-link'
    ])
  })
})

describe('expiry warnings on links read from a portal', () => {
  const emulator = useEmulator()

  it('warn about the link that expires in hours and not the others', async () => {
    const folder = emulator.addFolder({ title: 'Warnings' })
    const file = emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'bytes' })
    const now = new Date()
    const soon = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Closing', expirationDate: new Date(now.getTime() + 5 * HOUR) }
    )
    emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Later', expirationDate: new Date(now.getTime() + 72 * HOUR) }
    )
    emulator.addLink({ kind: 'file', id: file.id }, { title: 'Forever' })

    const result = await runWith(
      emulator,
      { operation: 'list-links', 'file-id': file.id },
      { now: () => now }
    )
    expect(result.links).toHaveLength(3)
    const { warnings, log } = capture()
    warnExpiringSoon(result.links, now, log)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      new RegExp(`^Link "Closing" \\(${soon.id}\\) expires in (5 h|4 h 59 min), at `)
    )
    // The share URL carries the link's token: it stays out of the annotation.
    for (const l of result.links) expect(warnings[0]).not.toContain(l.shareUrl)
  })
})
