// Unbounded work a hostile portal could cause, through the bundle run as the runner runs it: endless and
// huge bodies, a listing that never ends, a step that never ends, and results too large for the summary,
// the error line or an output.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { envelope, runBundle, startHostilePortal, type HostilePortal } from './portal.js'

const MiB = 1024 * 1024

let emulator: Emulator
let portal: HostilePortal
let temp: string

beforeAll(async () => {
  emulator = await startEmulator()
  portal = await startHostilePortal(emulator)
  temp = mkdtempSync(join(tmpdir(), 'hostile-bounds-'))
})
afterAll(async () => {
  await portal.close()
  await emulator.close()
  rmSync(temp, { recursive: true, force: true })
})
beforeEach(() => {
  portal.rewrite = undefined
  portal.override = undefined
  portal.exchanges.length = 0
})

function newFile() {
  const folder = emulator.addFolder({ title: `bounds-${Math.random()}` })
  return emulator.addFile({ parentId: folder.id, title: 'app.zip', size: 1 })
}

function errorsOf(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('::error::'))
}

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
  return true
}

// Writes a JSON-looking body until the client hangs up, or at most `limit` bytes.
async function endless(res: ServerResponse, limit = 256 * MiB): Promise<number> {
  res.writeHead(200, { 'content-type': 'application/json' })
  const chunk = Buffer.alloc(MiB, 0x20)
  res.write('{"response": [')
  let sent = 0
  while (!res.destroyed && sent < limit) {
    sent += chunk.length
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done)
          res.off('close', done)
          resolve()
        }
        res.on('drain', done)
        res.on('close', done)
      })
    }
  }
  res.destroy()
  return sent
}

function fakeLink(n: number) {
  return {
    access: 2,
    sharedLink: { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, title: `Link ${n}` }
  }
}

describe('bounds', () => {
  it('cuts an endless body off at the size bound, at once, and does not retry it', async () => {
    const file = newFile()
    let sent = 0
    portal.override = (ex, res) => {
      if (!ex.path.endsWith(`/file/${file.id}/links`)) return false
      void endless(res).then((n) => (sent = n))
      return true
    }
    const started = Date.now()
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'list-links',
      'file-id': file.id,
      'max-retries': 3
    })
    expect(run.code).toBe(1)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(errorsOf(run.stdout)).toEqual([
      `::error::GET /api/2.0/files/file/${file.id}/links answered HTTP 200 with a body over 16 MiB, far more ` +
        'than any DocSpace answer: it was cut off and not retried; check portal-url and any proxy in front of the portal'
    ])
    expect(portal.exchanges.filter((e) => e.path.endsWith('/links'))).toHaveLength(1)
    // The server stopped well before its own bound of 256 MiB: the client hung up.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sent).toBeLessThan(128 * MiB)
  })

  it('refuses a declared 600 MiB answer before reading it, once', async () => {
    const file = newFile()
    portal.override = (ex, res) => {
      if (!ex.path.endsWith(`/file/${file.id}/links`)) return false
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 600 * MiB })
      res.write('{"response": [')
      res.on('close', () => res.destroy())
      return true
    }
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'list-links',
      'file-id': file.id,
      'max-retries': 3
    })
    expect(run.code).toBe(1)
    expect(errorsOf(run.stdout)[0]).toContain('with a body over 16 MiB')
    expect(portal.exchanges.filter((e) => e.path.endsWith('/links'))).toHaveLength(1)
  })

  it('stops a listing that never ends at its page bound, warns naming it, and caps the links output', async () => {
    const file = newFile()
    portal.override = (ex, res) => {
      if (!ex.path.endsWith(`/file/${file.id}/links`)) return false
      const start = Number(ex.query.get('startIndex') ?? 0)
      const page = Array.from({ length: 100 }, (_, i) => fakeLink(start + i))
      return json(res, 200, envelope(page, { total: 1e9 }))
    }
    const runnerTemp = mkdtempSync(join(temp, 'runner-'))
    const run = await runBundle(
      portal.url,
      emulator.adminKey,
      { operation: 'list-links', 'file-id': file.id },
      { RUNNER_TEMP: runnerTemp }
    )
    expect(portal.exchanges.filter((e) => e.path.endsWith('/links'))).toHaveLength(50)
    expect(run.stdout).toContain(
      `::warning::the links of file ${file.id}: the listing was stopped after 50 pages (5000 entries)`
    )
    expect(run.summary).toContain('the listing was stopped after 50 pages')
    expect(run.outputs.count).toBe('5000')
    const shown = JSON.parse(run.outputs.links) as unknown[]
    expect(shown.length).toBeGreaterThan(100)
    expect(shown.length).toBeLessThan(5000)
    expect(Buffer.byteLength(run.outputs.links)).toBeLessThanOrEqual(512 * 1024)
    expect(run.stdout).toContain(
      `::warning::The \`links\` output holds ${shown.length} of 5000 links`
    )
    const report = JSON.parse(readFileSync(run.outputs['report-file'], 'utf8'))
    expect(report.links).toHaveLength(5000)
    expect(run.outputs['report-file'].startsWith(runnerTemp)).toBe(true)
  })

  it('stops at max-requests with a clear failure, whatever the portal keeps offering', async () => {
    const folder = emulator.addFolder({ title: 'endless' })
    portal.override = (ex, res) => {
      if (ex.path === `/api/2.0/files/${folder.id}`) {
        const start = Number(ex.query.get('startIndex') ?? 0)
        const files = Array.from({ length: 100 }, (_, i) => ({
          id: 500_000 + start + i,
          title: `f${i}`
        }))
        return json(res, 200, envelope({ files, folders: [], total: 1e9 }))
      }
      if (/\/files\/(folder|file)\/\d+\/links$/.test(ex.path)) return json(res, 200, envelope([]))
      return false
    }
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'sweep',
      'folder-id': folder.id,
      'max-requests': 30
    })
    expect(run.code).toBe(1)
    expect(portal.exchanges.length).toBeLessThanOrEqual(30)
    expect(errorsOf(run.stdout)[0]).toContain('the step has sent 30 requests, its limit')
  })

  it('stops at the step deadline while the portal holds its answer', async () => {
    const file = newFile()
    portal.override = (ex, res) => {
      if (!ex.path.endsWith(`/file/${file.id}/links`)) return false
      setTimeout(() => res.destroy(), 20_000).unref()
      return true
    }
    const started = Date.now()
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'list-links',
      'file-id': file.id,
      'request-timeout': 30,
      'step-timeout': 2
    })
    const took = Date.now() - started
    expect(run.code).toBe(1)
    expect(took).toBeGreaterThanOrEqual(2000)
    expect(took).toBeLessThan(10_000)
    expect(errorsOf(run.stdout)[0]).toContain('the step reached its deadline of 2.0 s')
  })

  it('keeps the summary under 1 MiB and the error line short when thousands of targets fail', async () => {
    const ids = Array.from({ length: 3000 }, (_, i) => 700_000 + i)
    const reason = `Access denied to this file because ${'of a long reason '.repeat(20)}`
    portal.override = (ex, res) => {
      if (!/\/files\/file\/7\d{5}\/links$/.test(ex.path)) return false
      return json(res, 403, { error: { message: reason }, status: 1, statusCode: 403 })
    }
    const runnerTemp = mkdtempSync(join(temp, 'runner-'))
    const run = await runBundle(
      portal.url,
      emulator.adminKey,
      // The portal's pace is not what this test is about: no client-side ceiling slows it down.
      {
        operation: 'sweep',
        'file-id': ids.join(','),
        concurrency: 15,
        'requests-per-minute': 60000
      },
      { RUNNER_TEMP: runnerTemp }
    )
    expect(run.code).toBe(1)
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(MiB)
    expect(run.summary).toMatch(
      /… and \d+ more: all of them are in the file named by the `report-file` output/
    )
    const [error] = errorsOf(run.stdout)
    expect(Buffer.byteLength(error)).toBeLessThanOrEqual(4 * 1024 + 20)
    expect(error).toContain('3000 failure(s)')
    const report = JSON.parse(readFileSync(run.outputs['report-file'], 'utf8'))
    expect(report.failures).toHaveLength(3000)
  })
})
