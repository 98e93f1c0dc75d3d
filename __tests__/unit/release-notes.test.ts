import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  formatSize,
  renderReleaseSection,
  replaceSection,
  SECTION_END,
  SECTION_START,
  updateReleaseNotes
} from '../../src/github/release-notes.js'
import { startFakeGitHub, type FakeGitHub } from '../integration/upload-fake-github.js'

const entry = {
  file: 'app-1.0.zip',
  size: 3 * 1024 * 1024,
  shareUrl: 'https://portal.example.com/s/AbCd',
  expiresAt: '2030-01-31T23:59:59Z'
}

describe('renderReleaseSection', () => {
  it('lists every file with its link, size and expiry between the markers', () => {
    const section = renderReleaseSection([
      entry,
      { file: 'notes.txt', size: 12, shareUrl: 'https://portal.example.com/s/Q', expiresAt: '' }
    ])
    const lines = section.split('\n')
    expect(lines[0]).toBe(SECTION_START)
    expect(lines.at(-1)).toBe(SECTION_END)
    expect(section).toContain(
      '| [app\\-1\\.0\\.zip](https://portal.example.com/s/AbCd) | 3.0 MiB | 2030-01-31T23:59:59Z |'
    )
    expect(section).toContain('| [notes\\.txt](https://portal.example.com/s/Q) | 12 B | never |')
  })

  it('keeps a hostile file name and URL from breaking out of the table', () => {
    const section = renderReleaseSection([
      { file: 'a|b](x)<img src=y>\nz', size: 1, shareUrl: 'javascript:alert(1)', expiresAt: '' },
      { file: 'c', size: 1, shareUrl: 'https://p.example/s/(x)', expiresAt: '', hasPassword: true }
    ])
    // Outside the two markers no `<` stays unescaped.
    const inner = section.split('\n').slice(1, -1).join('\n')
    expect(inner).not.toMatch(/(^|[^\\])</)
    expect(section).not.toContain('javascript:')
    expect(section).toContain('a\\|b\\]\\(x\\)\\<img src\\=y\\> z')
    expect(section).toContain('[c](https://p.example/s/%28x%29) (password required)')
    // Every row has exactly the four unescaped pipes of three cells.
    for (const row of section.split('\n').filter((l) => l.startsWith('| '))) {
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(5)
    }
  })

  it('formats sizes in binary units', () => {
    expect(formatSize(0)).toBe('0 B')
    expect(formatSize(1536)).toBe('1.5 KiB')
    expect(formatSize(512 * 1024 * 1024)).toBe('512.0 MiB')
  })
})

describe('replaceSection', () => {
  const section = renderReleaseSection([entry])

  it('appends the section after a blank line, or makes it the whole body', () => {
    expect(replaceSection('Changes:\n- fix\n\n', section)).toBe(`Changes:\n- fix\n\n${section}`)
    expect(replaceSection(null, section)).toBe(section)
    expect(replaceSection('', section)).toBe(section)
  })

  it('replaces the section it added before, keeping the text around it', () => {
    const old = `Intro\r\n\r\n${SECTION_START}\nold links\n${SECTION_END}\r\nFooter`
    expect(replaceSection(old, section)).toBe(`Intro\r\n\r\n${section}\r\nFooter`)
  })

  it('removes extra copies and leaves text after a lone start marker alone', () => {
    const body = `A ${SECTION_START} x ${SECTION_END} B ${SECTION_START} y ${SECTION_END} C`
    expect(replaceSection(body, section)).toBe(`A ${section} B  C`)
    const lone = `${SECTION_START} user text kept\n\n${SECTION_START}\nold\n${SECTION_END}`
    expect(replaceSection(lone, section)).toBe(`${SECTION_START} user text kept\n\n${section}`)
  })

  it('is idempotent for any body', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), fc.boolean(), (body, marked) => {
        const start = marked ? `${body ?? ''}\n${SECTION_START}\nold\n${SECTION_END}\n` : body
        const once = replaceSection(start, section)
        expect(replaceSection(once, section)).toBe(once)
        expect(once.split(SECTION_END).length - 1).toBeGreaterThanOrEqual(1)
      })
    )
  })
})

describe('updateReleaseNotes against a fake GitHub API', () => {
  let github: FakeGitHub
  const repository = { owner: 'octo', repo: 'app' }

  beforeAll(async () => {
    github = await startFakeGitHub()
  })
  afterAll(async () => {
    await github.close()
  })

  function update(releaseId: number, section: string, token = github.token) {
    return updateReleaseNotes({
      apiUrl: github.url,
      token,
      repository,
      releaseId,
      section,
      attempts: 2
    })
  }

  it('reads the current body by id and writes it back once', async () => {
    github.releases.set('octo/app#7', { id: 7, tag_name: 'v1', body: 'Fixes.' })
    github.requests.length = 0
    const section = renderReleaseSection([entry])
    expect(await update(7, section)).toBe(true)
    expect(github.releases.get('octo/app#7')?.body).toBe(`Fixes.\n\n${section}`)
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo/app/releases/7',
      'PATCH /repos/octo/app/releases/7'
    ])
    expect(github.requests.every((r) => r.authorization === `Bearer ${github.token}`)).toBe(true)

    // A second run with new links replaces the section instead of adding one.
    const next = renderReleaseSection([{ ...entry, shareUrl: 'https://portal.example.com/s/New' }])
    expect(await update(7, next)).toBe(true)
    expect(github.releases.get('octo/app#7')?.body).toBe(`Fixes.\n\n${next}`)
    // Nothing to change: no PATCH.
    github.requests.length = 0
    expect(await update(7, next)).toBe(false)
    expect(github.requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('keeps an edit the author made after the run started', async () => {
    github.releases.set('octo/app#8', { id: 8, tag_name: 'v2', body: 'Edited by hand' })
    await update(8, renderReleaseSection([entry]))
    expect(github.releases.get('octo/app#8')?.body?.startsWith('Edited by hand\n\n')).toBe(true)
  })

  it('waits out a 429 for its Retry-After and never repeats another 4xx', async () => {
    github.releases.set('octo/app#10', { id: 10, tag_name: 'v4', body: '' })
    github.requests.length = 0
    github.failNext.push(429)
    const started = Date.now()
    expect(await update(10, renderReleaseSection([entry]))).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PATCH'])

    github.requests.length = 0
    github.failNext.push(422)
    await expect(update(10, 'x')).rejects.toThrow(
      /GET .*releases\/10 on the GitHub API answered HTTP 422/
    )
    expect(github.requests).toHaveLength(1)
  })

  it('retries a 502 and names the permission on a 404, never the token', async () => {
    github.releases.set('octo/app#9', { id: 9, tag_name: 'v3', body: '' })
    github.failNext.push(502)
    expect(await update(9, renderReleaseSection([entry]))).toBe(true)

    const failure = update(404404, 'x')
    await expect(failure).rejects.toThrow(/HTTP 404.*contents: write/)
    const refused = update(9, 'x', 'wrong-token-value')
    await expect(refused).rejects.toThrow(/HTTP 401.*not accepted/)
    await refused.catch((error: Error) => {
      expect(error.message).not.toContain('wrong-token-value')
      expect(error.message).not.toContain(github.token)
    })
  })
})
