// `upload` against a workspace a pull request may have shaped: symbolic links out of it, absolute and
// climbing patterns. The bundle runs as the runner runs it; nothing may reach the portal.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { runBundle } from './portal.js'

let emulator: Emulator
let workspace: string
let outside: string

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'hostile-ws-'))
  outside = mkdtempSync(join(tmpdir(), 'hostile-outside-'))
  writeFileSync(join(outside, 'secret.txt'), 'not for the portal')
  mkdirSync(join(workspace, 'dist'))
  mkdirSync(join(workspace, 'real'))
  writeFileSync(join(workspace, 'real', 'app.zip'), 'artifact')
  emulator.requests.length = 0
})
afterEach(() => {
  rmSync(workspace, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

async function upload(files: string, extra: Record<string, string> = {}) {
  const folder = emulator.addFolder({ title: `ws-${Math.random()}` })
  const run = await runBundle(
    emulator.url,
    emulator.adminKey,
    { operation: 'upload', 'folder-id': folder.id, files, ...extra },
    { GITHUB_WORKSPACE: workspace }
  )
  const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
  return { run, errors, uploaded: emulator.state.children(folder.id).files }
}

function nothingSent(): void {
  expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([])
}

describe('upload stays inside the workspace', () => {
  it('refuses a directory symlink out of it, even with follow-symlinks', async () => {
    symlinkSync(outside, join(workspace, 'dist', 'etc'))
    for (const follow of ['false', 'true']) {
      const { run, errors, uploaded } = await upload('dist/**', { 'follow-symlinks': follow })
      expect(run.code).toBe(1)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/Input `files` matches `dist\/etc.*outside the workspace/)
      expect(uploaded).toEqual([])
    }
    nothingSent()
  })

  it('refuses a file symlink out of it', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'dist', 'notes.txt'))
    const { run, errors, uploaded } = await upload('dist/*')
    expect(run.code).toBe(1)
    expect(errors[0]).toContain('`dist/notes.txt`, a symbolic link')
    expect(errors[0]).toContain('outside the workspace')
    expect(uploaded).toEqual([])
    nothingSent()
  })

  it('refuses absolute and climbing patterns that point outside, naming them', async () => {
    for (const pattern of [join(outside, '*'), `../${outside.split('/').pop()}/*`, '~/*']) {
      const { run, errors, uploaded } = await upload(pattern)
      expect(run.code).toBe(1)
      expect(errors).toEqual([
        expect.stringContaining(
          `Input \`files\` pattern \`${pattern}\` points outside the workspace`
        )
      ])
      expect(uploaded).toEqual([])
    }
    nothingSent()
  })

  it('takes an absolute pattern inside the workspace', async () => {
    const { run, uploaded } = await upload(join(workspace, 'real', '*.zip'))
    expect(run.code).toBe(0)
    expect(uploaded.map((f) => f.title)).toEqual(['app.zip'])
  })

  it('follows a symlink inside the workspace only with follow-symlinks: true', async () => {
    symlinkSync(join(workspace, 'real', 'app.zip'), join(workspace, 'dist', 'app.zip'))
    const refused = await upload('dist/*')
    expect(refused.run.code).toBe(1)
    expect(refused.errors[0]).toContain('set `follow-symlinks: true`')
    expect(refused.uploaded).toEqual([])
    const followed = await upload('dist/*', { 'follow-symlinks': 'true' })
    expect(followed.run.code).toBe(0)
    expect(followed.uploaded.map((f) => f.title)).toEqual(['app.zip'])
  })
})
