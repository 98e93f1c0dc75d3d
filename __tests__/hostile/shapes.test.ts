// Answers of unexpected shapes, through the bundle run as the runner runs it: each is one line naming the
// endpoint and the field, never a raw JavaScript error, and the other links of the target are still
// handled (an expired link next to a broken entry is revoked).
import { describe, expect, it } from '@jest/globals'
import { recordDownloads } from '../../emulator/audit-journal.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { runBundle, useHostilePortal } from './portal.js'

const HOUR = 3_600_000

const { emulator, portal } = useHostilePortal({ audit: true })

function newFile() {
  const folder = emulator.addFolder({ title: `shapes-${Math.random()}` })
  return emulator.addFile({ parentId: folder.id, title: 'app.zip', size: 1 })
}

function errorLine(stdout: string): string {
  const lines = stdout.split('\n').filter((l) => l.startsWith('::error::'))
  expect(lines).toHaveLength(1)
  return lines[0]
}

function noRawError(text: string): void {
  expect(text).not.toMatch(/is not iterable|TypeError|RangeError|Cannot read prop|undefined is not/)
}

type Answer = { response: unknown; [key: string]: unknown }

describe('unexpected shapes', () => {
  it('leaves out a null entry, a title that is an object and a date that is none; revokes the rest', async () => {
    const file = newFile()
    const expired = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Expired', expirationDate: new Date(Date.now() - HOUR) }
    )
    const path = `/api/2.0/files/file/${file.id}/links`
    portal.rewrite = (ex, answer) => {
      if (ex.method !== 'GET' || ex.path !== path) return undefined
      const body = answer as Answer
      const [good] = body.response as Array<{ access: number; sharedLink: Record<string, unknown> }>
      const other = (n: number, change: Record<string, unknown>) => ({
        ...good,
        sharedLink: { ...good.sharedLink, id: `bad-${n}`, ...change }
      })
      return {
        ...body,
        response: [
          null,
          other(1, { title: { text: 'x' } }),
          other(2, { expirationDate: 'yesterday-ish' }),
          good
        ]
      }
    }
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'sweep',
      'file-id': file.id
    })
    // The revoke carries the link's stored settings, as every revoke does (a room may drop it otherwise).
    expect(portal.writes().map((w) => w.body)).toEqual([
      { linkId: expired.id, access: 0, internal: false, expirationDate: expect.any(String) }
    ])
    expect(emulator.state.links('file', file.id)).toEqual([])
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    for (const field of [
      'response[0]',
      'response[1].sharedLink.title',
      'response[2].sharedLink.expirationDate'
    ]) {
      expect(error).toContain(`GET ${path} answered with \`${field}\``)
      expect(run.summary).toContain(`\`${field}\``)
    }
    noRawError(run.stdout + run.summary)
    expect(run.outputs.revokedCount).toBe('1')
  })

  it('names the endpoint and the field of a list that is an object', async () => {
    const file = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    portal.rewrite = (ex, answer) =>
      ex.method === 'GET' && ex.path === path ? { ...(answer as Answer), response: {} } : undefined
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'list-links',
      'file-id': file.id
    })
    expect(run.code).toBe(1)
    expect(errorLine(run.stdout)).toBe(
      `::error::GET ${path} answered with \`response\` that is an object, not a list: is portal-url the portal's address?`
    )
    noRawError(run.stdout + run.summary)
  })

  it('keeps a limited link it cannot count, and still revokes the expired one next to it', async () => {
    const file = newFile()
    const limited = emulator.addLink(
      { kind: 'file', id: file.id },
      { title: encodeTitle('Limited', { maxDownloads: 1, createdAt: new Date(Date.now() - HOUR) }) }
    )
    emulator.addLink(
      { kind: 'file', id: file.id },
      { title: 'Expired', expirationDate: new Date(Date.now() - HOUR) }
    )
    recordDownloads(emulator, file.id, 3)
    portal.rewrite = (ex, answer) => {
      if (ex.path !== '/api/2.0/security/audit/events/filter') return undefined
      const body = answer as Answer
      const events = body.response as Array<Record<string, unknown>>
      return { ...body, response: events.map((e) => ({ ...e, target: String(file.id) })) }
    }
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'enforce-limits',
      'file-id': file.id
    })
    expect(emulator.state.links('file', file.id).map((l) => l.id)).toEqual([limited.id])
    expect(run.code).toBe(1)
    expect(errorLine(run.stdout)).toContain(
      'GET /api/2.0/security/audit/events/filter answered with `response[0].target` that is not a list of texts'
    )
    noRawError(run.stdout + run.summary)
  })
})
