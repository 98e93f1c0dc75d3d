// A smaller set of faults end to end: the built bundle run as the runner runs it, against an emulator in
// this process or against the bundled emulator started with EMULATOR_FAULTS, the way a workflow would.
// What is checked is what a workflow sees: the exit code, the `::warning::`/`::error::` commands, the
// outputs and the job summary, and what the portal ended up holding.
import { describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { displayTitle } from '../../src/links/title-tag.js'
import { runAction } from '../../scripts/run-action.mjs'
import { useEmulator } from '../helpers/fixtures.js'

const EMULATOR_BUNDLE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'emulator',
  'dist',
  'index.js'
)

const emulator = useEmulator()

function newFile() {
  const folder = emulator.addFolder({ title: `e2e-faults-${Math.random()}` })
  return emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
}

function connection(url = emulator.url, key = emulator.adminKey) {
  return { 'portal-url': url, 'api-key': key, 'max-retries': 2, 'request-timeout': 0.5 }
}

function commands(stdout: string, name: 'warning' | 'error'): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((l) => l.startsWith(`::${name}`))
    .map((l) => l.replace(/^::\w+[^:]*::/, ''))
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)
}

describe('the bundle under faults, emulator in process', () => {
  it('waits out a 429 with Retry-After: 1 and says so in a warning', async () => {
    const file = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'status', status: 429, retryAfter: 1, method: 'GET', path })
    const started = Date.now()
    const run = await runAction({
      inputs: { ...connection(), operation: 'list-links', 'file-id': file.id }
    })
    expect(run.code).toBe(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(commands(run.stdout, 'warning')).toEqual([
      `GET ${path}: HTTP 429, retrying in 1.0 s (attempt 2 of 3)`
    ])
    expect(run.outputs.count).toBe('0')
  })

  it('leaves exactly one link when the answer to the create is lost', async () => {
    const file = newFile()
    emulator.faults.add({
      kind: 'reset-after',
      method: 'PUT',
      path: `/api/2.0/files/file/${file.id}/links`
    })
    const run = await runAction({
      inputs: { ...connection(), operation: 'create-link', 'file-id': file.id, title: 'Nightly' }
    })
    expect(run.code).toBe(0)
    const links = emulator.state.links('file', file.id)
    expect(links.map((l) => displayTitle(l.title))).toEqual(['Nightly'])
    expect(run.outputs.linkId).toBe(links[0].id)
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/may or may not have worked/)
  })

  it('fails with one clear error on an HTML page, and writes it to the summary', async () => {
    const file = newFile()
    const path = `/api/2.0/files/file/${file.id}/links`
    emulator.faults.add({ kind: 'html', method: 'GET', path })
    const run = await runAction({
      inputs: { ...connection(), operation: 'list-links', 'file-id': file.id }
    })
    expect(run.code).toBe(1)
    const [error, ...more] = commands(run.stdout, 'error')
    expect(more).toEqual([])
    expect(error).toMatch(new RegExp(`^GET ${path} answered HTTP 200 with an HTML page`))
    expect(run.summary).toContain(`GET ${path} answered HTTP 200 with an HTML page`)
    expect(run.summary).not.toContain('<form')
    noStackTrace(run.stdout + run.stderr)
  })

  it('ends a step whose portal stops answering within the bound the inputs set', async () => {
    const file = newFile()
    emulator.faults.add({ kind: 'stall', path: `/files/file/${file.id}/`, count: 20 })
    const started = Date.now()
    const run = await runAction({
      inputs: { ...connection(), operation: 'create-link', 'file-id': file.id, title: 'Nightly' }
    })
    const took = Date.now() - started
    emulator.faults.clear()
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error')).toEqual([
      expect.stringMatching(/no complete answer within 0\.5 s.*gave up after 3 attempts/)
    ])
    expect(commands(run.stdout, 'warning')).toHaveLength(2)
    // Three attempts of 0.5 s, two backoffs of at most 1.5 s together, and the start of node.
    expect(took).toBeLessThan(3 * 500 + 1500 + 3000)
    expect(emulator.state.links('file', file.id)).toHaveLength(0)
  })

  it('never follows a redirect to another origin with the credentials', async () => {
    const file = newFile()
    emulator.faults.add({ kind: 'redirect', status: 307, path: `/files/file/${file.id}/links` })
    const run = await runAction({
      inputs: { ...connection(), operation: 'list-links', 'file-id': file.id }
    })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error')[0]).toMatch(
      /redirected \(HTTP 307\) to another origin, http:\/\/127\.0\.0\.1:\d+, and the credentials are not sent there/
    )
    expect(emulator.faults.recorder.requests).toEqual([])
  })

  it('refuses a plain http:// portal that is not loopback before any request', async () => {
    const before = emulator.requests.length
    const run = await runAction({
      inputs: {
        ...connection('http://portal.example.com'),
        operation: 'list-links',
        'file-id': 1
      }
    })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error')[0]).toMatch(/portal-url/)
    expect(emulator.requests.length).toBe(before)
  })

  it('treats a summary that cannot be written as a warning, not a failed step', async () => {
    const file = newFile()
    const run = await runAction({
      inputs: { ...connection(), operation: 'list-links', 'file-id': file.id },
      env: { GITHUB_STEP_SUMMARY: join(EMULATOR_BUNDLE, 'not-a-directory', 'summary.md') }
    })
    expect(run.code).toBe(0)
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/job summary/)
    expect(run.outputs.count).toBe('0')
  })

  it('escapes titles from the portal in the summary', async () => {
    const file = newFile()
    emulator.addLink(
      { kind: 'file', id: file.id },
      { title: '<img src=x onerror=alert(1)> & "quotes"' }
    )
    const run = await runAction({
      inputs: { ...connection(), operation: 'list-links', 'file-id': file.id }
    })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;')
    expect(run.summary).not.toContain('<img')
  })
})

interface CliEmulator {
  url: string
  apiKey: string
  seed: Record<string, number>
  child: ChildProcess
}

/** The bundled emulator as a workflow starts it: configured by environment variables. */
function startCli(env: Record<string, string>): Promise<CliEmulator> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EMULATOR_BUNDLE], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the emulator did not start: ${err}`))
    }, 10_000)
    child.stderr.on('data', (d) => (err += d))
    child.stdout.on('data', (d) => {
      out += d
      const line = out.split('\n')[0]
      if (out.includes('\n')) {
        clearTimeout(timer)
        resolve({ ...(JSON.parse(line) as Omit<CliEmulator, 'child'>), child })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited with ${code}: ${err}`))
    })
  })
}

function stop(cli: CliEmulator): Promise<void> {
  return new Promise((resolve) => {
    if (cli.child.exitCode !== null) return resolve()
    cli.child.once('exit', () => resolve())
    cli.child.kill('SIGTERM')
  })
}

describe('the bundle against the bundled emulator, faults from EMULATOR_FAULTS', () => {
  it('recovers from the faults a workflow configured, and leaves one link', async () => {
    const cli = await startCli({
      EMULATOR_FAULTS: JSON.stringify([
        { kind: 'status', status: 503, count: 2, method: 'GET', path: '/links' },
        { kind: 'reset-after', method: 'PUT', pathRegExp: '^/api/2\\.0/files/file/\\d+/links$' }
      ])
    })
    try {
      const fileId = cli.seed.appZip
      expect(fileId).toBeGreaterThan(0)
      const created = await runAction({
        inputs: {
          ...connection(cli.url, cli.apiKey),
          operation: 'create-link',
          'file-id': fileId,
          title: 'Release'
        }
      })
      expect(created.code).toBe(0)
      const warnings = commands(created.stdout, 'warning')
      expect(warnings.filter((w) => /HTTP 503, retrying in/.test(w))).toHaveLength(2)
      expect(warnings.some((w) => /may or may not have worked/.test(w))).toBe(true)

      const listed = await runAction({
        inputs: { ...connection(cli.url, cli.apiKey), operation: 'list-links', 'file-id': fileId }
      })
      expect(listed.code).toBe(0)
      const links = JSON.parse(listed.outputs.links) as Array<{ id: string; title: string }>
      expect(links.filter((l) => l.title === 'Release')).toEqual([
        expect.objectContaining({ id: created.outputs.linkId })
      ])
    } finally {
      await stop(cli)
    }
  })
})
