// The release flow through the committed bundle, run as the runner runs it: files matched in the
// workspace, uploaded into a subfolder, shared, and the links written to the outputs, the job summary and
// the notes of the release that triggered the run (a local fake of the GitHub API).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { uploadStore } from '../../emulator/upload-store.js'
import { SECTION_START } from '../../src/github/release-notes.js'
import { decodeTitle } from '../../src/links/title-tag.js'
import { runAction } from '../../scripts/run-action.mjs'
import { startFakeGitHub, type FakeGitHub } from '../integration/upload-fake-github.js'

const MiB = 1024 * 1024
let emulator: Emulator
let github: FakeGitHub
let workspace: string
let eventPath: string

beforeAll(async () => {
  emulator = await startEmulator()
  github = await startFakeGitHub()
  workspace = mkdtempSync(join(tmpdir(), 'upload-e2e-'))
  mkdirSync(join(workspace, 'dist'))
  writeFileSync(join(workspace, 'dist', 'app-1.2.0.zip'), 'zip archive')
  writeFileSync(join(workspace, 'dist', 'app-1.2.0.tar.gz'), 'tar archive')
  writeFileSync(join(workspace, 'dist', 'build.log'), 'not an artifact')
  eventPath = join(workspace, 'event.json')
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'published',
      release: { id: 501, tag_name: 'v1.2.0', name: 'v1.2.0', body: 'as it was at the start' },
      repository: { name: 'app', owner: { login: 'octo' } }
    })
  )
})
afterAll(async () => {
  await emulator.close()
  await github.close()
  rmSync(workspace, { recursive: true, force: true })
})

function releaseEnv(): Record<string, string> {
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'release',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_API_URL: github.url
  }
}

interface LinkOutput {
  file: string
  fileId: number
  linkId: string
  shareUrl: string
  expiresAt: string
  size: number
}

describe('upload through the bundle', () => {
  it('runs the release flow and reuses everything on a re-run', async () => {
    const folder = emulator.addFolder({ title: 'Releases' })
    github.releases.set('octo/app#501', { id: 501, tag_name: 'v1.2.0', body: 'Changes in 1.2.0' })
    const inputs = {
      operation: 'upload',
      'portal-url': emulator.url,
      'api-key': emulator.userKey,
      'folder-id': folder.id,
      files: 'dist/*.zip\ndist/*.tar.gz',
      subfolder: 'v1.2.0',
      expiration: '30d',
      'release-notes': 'true',
      'github-token': github.token
    }
    const run = await runAction({ inputs, env: releaseEnv() })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)

    const [sub] = emulator.state.children(folder.id).folders
    expect(sub.title).toBe('v1.2.0')
    const stored = emulator.state.children(sub.id).files
    expect(stored.map((f) => f.title)).toEqual(['app-1.2.0.tar.gz', 'app-1.2.0.zip'])

    const links = JSON.parse(run.outputs.links) as LinkOutput[]
    expect(links.map((l) => [l.file, l.fileId, l.size])).toEqual([
      ['app-1.2.0.tar.gz', stored[0].id, 11],
      ['app-1.2.0.zip', stored[1].id, 11]
    ])
    for (const entry of links) {
      const [link] = emulator.state.links('file', entry.fileId)
      expect(entry.linkId).toBe(link.id)
      expect(entry.shareUrl).toBe(`${emulator.url}/s/${link.key}`)
      expect(entry.expiresAt).toBe(link.expirationDate!.toISOString().replace('.000Z', 'Z'))
      expect(decodeTitle(link.title).display).toBe('app v1.2.0')
      expect(run.summary).toContain(entry.file)
      expect(run.summary).toContain(entry.shareUrl)
    }
    expect(run.outputs.linkId).toBe(links[0].linkId)
    expect(run.outputs.shareUrl).toBe(links[0].shareUrl)

    const body = github.releases.get('octo/app#501')!.body!
    expect(body.startsWith(`Changes in 1.2.0\n\n${SECTION_START}`)).toBe(true)
    for (const entry of links) expect(body).toContain(entry.shareUrl)

    const again = await runAction({ inputs, env: releaseEnv() })
    expect(again.code).toBe(0)
    const relinked = JSON.parse(again.outputs.links) as LinkOutput[]
    expect(relinked.map((l) => [l.fileId, l.linkId, l.shareUrl])).toEqual(
      links.map((l) => [l.fileId, l.linkId, l.shareUrl])
    )
    expect(emulator.state.children(folder.id).folders).toHaveLength(1)
    expect(emulator.state.children(sub.id).files.map((f) => f.version)).toEqual([2, 2])
    for (const entry of links) expect(emulator.state.links('file', entry.fileId)).toHaveLength(1)
    expect(github.releases.get('octo/app#501')!.body!.split(SECTION_START)).toHaveLength(2)

    for (const output of [run, again]) {
      // `::add-mask::` hands the secrets to the runner's masker: the one place they may appear.
      const logged = (output.stdout + output.stderr)
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
      expect(output.stdout).toContain(`::add-mask::${github.token}`)
      const everything = logged.join('\n') + output.summary + JSON.stringify(output.outputs)
      expect(everything).not.toContain(emulator.userKey)
      expect(everything).not.toContain(github.token)
    }
  })

  it('streams a 25 MiB file through the chunked session', async () => {
    const folder = emulator.addFolder({ title: 'Large' })
    const data = randomBytes(25 * MiB)
    writeFileSync(join(workspace, 'large.bin'), data)
    const before = uploadStore(emulator.state).chunkLog.length
    const run = await runAction({
      inputs: {
        operation: 'upload',
        'portal-url': emulator.url,
        'api-key': emulator.userKey,
        'folder-id': folder.id,
        files: 'large.bin',
        'create-links': 'false'
      },
      env: { GITHUB_WORKSPACE: workspace }
    })
    expect(run.code).toBe(0)
    const chunks = uploadStore(emulator.state).chunkLog.slice(before)
    expect(chunks.map((c) => c.size)).toEqual([10 * MiB, 10 * MiB, 5 * MiB])
    const [file] = emulator.state.children(folder.id).files
    const [version] = uploadStore(emulator.state).history(file)
    expect(version.sha256).toBe(createHash('sha256').update(data).digest('hex'))
    expect(run.outputs.linkId).toBeUndefined()
  })

  it('fails the step on a chunk the portal refuses, naming the file and the reason', async () => {
    const folder = emulator.addFolder({ title: 'Failing' })
    writeFileSync(join(workspace, 'refused.bin'), randomBytes(11 * MiB))
    uploadStore(emulator.state).failNextChunk('The file exceeds the room quota')
    const run = await runAction({
      inputs: {
        operation: 'upload',
        'portal-url': emulator.url,
        'api-key': emulator.userKey,
        'folder-id': folder.id,
        files: 'refused.bin'
      },
      env: { GITHUB_WORKSPACE: workspace }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::.*Uploading refused\.bin failed: POST \/ChunkedUploader\.ashx: HTTP 200 with success: false for chunk 1 of 2 \(the portal said: The file exceeds the room quota\)/
    )
    expect(emulator.state.children(folder.id).files).toEqual([])
  })
})
