import { blankShareLink } from '../../src/links/share-link.js'
import { describe, expect, it } from '@jest/globals'
import { escapeHtml, MAX_SUMMARY_BYTES, renderSummary } from '../../src/summary.js'
import { outputsOf } from '../../src/outputs.js'
import type { OperationResult, OutputLink } from '../../src/result.js'

function link(overrides: Partial<OutputLink> = {}): OutputLink {
  return {
    ...blankShareLink('Release'),
    id: 'id-1',
    shareUrl: 'https://portal.example.com/s/abc',
    access: 'read',
    ...overrides
  }
}

function result(links: OutputLink[], extra: Partial<OperationResult> = {}): OperationResult {
  return {
    operation: 'list-links',
    dryRun: false,
    headline: 'done',
    links,
    revoked: false,
    ...extra
  }
}

describe('summary', () => {
  it('escapes everything that comes from the server', () => {
    const html = renderSummary(
      result([link({ title: '<img src=x onerror=alert(1)>', shareUrl: 'javascript:alert(1)' })])
    )
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('href="javascript:')
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;')
  })

  it('stays under the size cap however many links there are', () => {
    const many = Array.from({ length: 20000 }, (_, i) =>
      link({ id: String(i), title: 'x'.repeat(100) })
    )
    const html = renderSummary(result(many))
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    expect(html).toMatch(/and \d+ more/)
  })

  it('shows downloads against the limit and marks dry runs', () => {
    const html = renderSummary(result([link({ downloads: 2, maxDownloads: 3 })], { dryRun: true }))
    expect(html).toContain('<td>2 / 3</td>')
    expect(html).toContain('dry run')
  })
})

describe('outputs', () => {
  it('sets the single-link outputs from the result link and counts the links', () => {
    const out = outputsOf(result([link()], { link: link({ expiresAt: '2026-12-31T23:59:59Z' }) }))
    expect(out).toMatchObject({
      linkId: 'id-1',
      shareUrl: 'https://portal.example.com/s/abc',
      expiresAt: '2026-12-31T23:59:59Z',
      revoked: 'false',
      count: '1'
    })
    expect(JSON.parse(out.links)).toHaveLength(1)
    expect(out).not.toHaveProperty('revokedCount')
  })
})
