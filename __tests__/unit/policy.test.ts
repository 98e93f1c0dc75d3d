import { blankShareLink } from '../../src/links/share-link.js'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  decideLink,
  downloadLimit,
  matchesGlob,
  needsDownloadCount,
  titleSelected,
  type LimitPolicy
} from '../../src/links/policy.js'
import type { ShareLink } from '../../src/links/share-link.js'

const now = new Date('2026-11-23T10:00:00Z')

const policy: LimitPolicy = {
  revokeExpired: true,
  enforceMaxDownloads: true,
  includePrimary: false
}

function link(fields: Partial<ShareLink> = {}): ShareLink {
  return {
    ...blankShareLink('Release v1'),
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    shareUrl: 'https://portal.example.com/s/abc',
    access: 'read',
    ...fields
  }
}

describe('decideLink', () => {
  it('revokes an expired link', () => {
    const d = decideLink(
      link({ expired: true, expiresAt: '2026-11-01T00:00:00Z' }),
      undefined,
      policy,
      now
    )
    expect(d).toMatchObject({ revoke: true, reason: 'expired' })
  })

  it('keeps an expired link when revoke-expired is false', () => {
    const d = decideLink(
      link({ expired: true }),
      undefined,
      { ...policy, revokeExpired: false },
      now
    )
    expect(d.revoke).toBe(false)
    expect(d.reason).toContain('revoke-expired is false')
  })

  it('revokes a link whose limit is reached, and says by how much', () => {
    expect(decideLink(link({ maxDownloads: 3 }), 3, policy, now)).toMatchObject({
      revoke: true,
      reason: 'download limit reached (3/3)',
      maxDownloads: 3
    })
    expect(decideLink(link({ maxDownloads: 3 }), 5, policy, now).reason).toBe(
      'download limit reached (5/3)'
    )
  })

  it('keeps a link under its limit', () => {
    const d = decideLink(link({ maxDownloads: 3 }), 2, policy, now)
    expect(d).toMatchObject({ revoke: false, reason: '2/3 downloads', maxDownloads: 3 })
  })

  it('keeps a link without a limit whatever the count', () => {
    const d = decideLink(link(), 1000, policy, now)
    expect(d).toMatchObject({ revoke: false, reason: 'within limits', maxDownloads: null })
  })

  it('never revokes on the download rule when the count is unknown', () => {
    const d = decideLink(link({ maxDownloads: 1 }), null, policy, now)
    expect(d.revoke).toBe(false)
    expect(d.reason).toBe('downloads could not be counted')
  })

  it('still revokes an uncounted link on expiry and age', () => {
    const d = decideLink(link({ maxDownloads: 1, expired: true }), null, policy, now)
    expect(d).toMatchObject({ revoke: true, reason: 'expired' })
  })

  it('ignores the limit when enforce-max-downloads is false', () => {
    const d = decideLink(
      link({ maxDownloads: 1 }),
      9,
      { ...policy, enforceMaxDownloads: false },
      now
    )
    expect(d.revoke).toBe(false)
  })

  it('lets max-downloads override the tag', () => {
    const l = link({ maxDownloads: 10 })
    const p = { ...policy, maxDownloads: 2 }
    expect(downloadLimit(l, p)).toBe(2)
    expect(decideLink(l, 2, p, now)).toMatchObject({
      revoke: true,
      reason: 'download limit reached (2/2)',
      maxDownloads: 2
    })
    expect(needsDownloadCount(link(), p)).toBe(true)
  })

  it('revokes links the action created longer ago than max-age', () => {
    const p = { ...policy, maxAgeMs: 30 * 24 * 3600_000 }
    expect(
      decideLink(link({ createdAt: '2026-10-01T00:00:00Z' }), undefined, p, now)
    ).toMatchObject({
      revoke: true,
      reason: 'older than 30d'
    })
    expect(decideLink(link({ createdAt: '2026-11-20T00:00:00Z' }), undefined, p, now).revoke).toBe(
      false
    )
  })

  it('leaves max-age alone for links the action did not create', () => {
    const p = { ...policy, maxAgeMs: 60_000 }
    expect(decideLink(link({ createdAt: '' }), undefined, p, now).revoke).toBe(false)
  })

  it('lists every rule that applies', () => {
    const p = { ...policy, maxAgeMs: 24 * 3600_000 }
    const l = link({ expired: true, maxDownloads: 1, createdAt: '2026-01-01T00:00:00Z' })
    expect(decideLink(l, 4, p, now).reason).toBe(
      'expired; download limit reached (4/1); older than 1d'
    )
  })

  it('keeps a primary link unless include-primary', () => {
    const primary = link({ primary: true, expired: true, maxDownloads: 1 })
    const kept = decideLink(primary, 5, policy, now)
    expect(kept.revoke).toBe(false)
    expect(kept.reason).toContain('primary link')
    expect(kept.reason).toContain('expired')
    expect(decideLink(primary, 5, { ...policy, includePrimary: true }, now).revoke).toBe(true)
  })

  it('warns about links that expire within a day, not later or already', () => {
    const soon = link({ expiresAt: '2026-11-24T09:00:00Z' })
    const later = link({ expiresAt: '2026-11-25T09:00:00Z' })
    const gone = link({ expiresAt: '2026-11-22T09:00:00Z', expired: true })
    expect(decideLink(soon, undefined, policy, now).expiresSoon).toBe(true)
    expect(decideLink(later, undefined, policy, now).expiresSoon).toBe(false)
    expect(decideLink(gone, undefined, policy, now).expiresSoon).toBe(false)
  })

  it('asks for a count only when the limit is enforced and exists', () => {
    expect(needsDownloadCount(link({ maxDownloads: 2 }), policy)).toBe(true)
    expect(needsDownloadCount(link(), policy)).toBe(false)
    expect(
      needsDownloadCount(link({ maxDownloads: 2 }), { ...policy, enforceMaxDownloads: false })
    ).toBe(false)
  })
})

describe('matchesGlob', () => {
  it.each([
    ['Release *', 'Release v1.2', true],
    ['Release *', 'Release ', true],
    ['Release *', 'Pre-Release v1', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['v?.?', 'v1.2', true],
    ['v?.?', 'v10.2', false],
    ['*.zip', 'build.zip', true],
    ['*.zip', 'build.zip.sig', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXcYYb', false],
    ['[x]', '[x]', true],
    ['a.c', 'abc', false],
    ['Ünïcode ?', 'Ünïcode ✓', true]
  ])('%j against %j is %s', (pattern, text, expected) => {
    expect(matchesGlob(pattern, text)).toBe(expected)
  })

  it('agrees with a regular-expression translation on random input', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?', '.')
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', '.'), { maxLength: 10 }),
        (p, t) => {
          const pattern = p.join('')
          const text = t.join('')
          const source = pattern
            .split('')
            .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.]/g, '\\.')))
            .join('')
          expect(matchesGlob(pattern, text)).toBe(new RegExp(`^${source}$`, 's').test(text))
        }
      )
    )
  })

  it('stays fast on a pattern built to backtrack', () => {
    const started = Date.now()
    expect(matchesGlob('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('selects every link without a pattern', () => {
    expect(titleSelected(link(), undefined)).toBe(true)
    expect(titleSelected(link({ title: 'Nightly' }), 'Release *')).toBe(false)
  })
})
