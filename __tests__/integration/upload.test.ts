import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { uploadStore } from '../../emulator/upload-store.js'
import { getInputs } from '../../src/inputs.js'
import { DocSpaceClient } from '../../src/docspace/client.js'
import { gitHubRunOf, type GitHubRun } from '../../src/github/event.js'
import { SECTION_START } from '../../src/github/release-notes.js'
import type { Logger } from '../../src/log.js'
import { decodeTitle } from '../../src/links/title-tag.js'
import { runUpload, type UploadedLink } from '../../src/operations/upload.js'
import type { OperationResult } from '../../src/result.js'
import { inputEnv } from '../../scripts/run-action.mjs'
import { startFakeGitHub, type FakeGitHub } from './upload-fake-github.js'

const MiB = 1024 * 1024
let emulator: Emulator
let github: FakeGitHub
let workspace: string

beforeAll(async () => {
  emulator = await startEmulator()
  github = await startFakeGitHub()
  workspace = mkdtempSync(join(tmpdir(), 'upload-int-'))
})
afterAll(async () => {
  await emulator.close()
  await github.close()
  rmSync(workspace, { recursive: true, force: true })
})

const noEvent: GitHubRun = { apiUrl: 'http://127.0.0.1:9', eventName: 'push' }

function capture(): Logger & { lines: string[] } {
  const lines: string[] = []
  const push = (level: string) => (m: string) => void lines.push(`${level}: ${m}`)
  return {
    lines,
    debug: () => undefined,
    info: push('info'),
    warning: push('warning'),
    notice: push('notice'),
    startGroup: () => undefined,
    endGroup: () => undefined
  }
}

/** A fresh directory in the workspace with these files (name → content or size for sparse files). */
function files(dir: string, entries: Record<string, string | Buffer | number>): string {
  const root = join(workspace, dir)
  for (const [name, content] of Object.entries(entries)) {
    const path = join(root, name)
    mkdirSync(join(path, '..'), { recursive: true })
    if (typeof content === 'number') {
      writeFileSync(path, '')
      truncateSync(path, content)
    } else writeFileSync(path, content)
  }
  return root
}

async function upload(
  inputs: Record<string, string | number | boolean | undefined>,
  options: { github?: GitHubRun; log?: Logger; chunkSize?: number; simpleLimit?: number } = {}
): Promise<UploadResult> {
  const env = inputEnv({
    'portal-url': emulator.url,
    'api-key': emulator.userKey,
    operation: 'upload',
    ...inputs
  })
  const request = getInputs(env)
  const log = options.log ?? capture()
  const client = new DocSpaceClient(request.connection, log)
  const result = await runUpload(
    request,
    { client, log, now: () => new Date() },
    {
      workspace,
      github: options.github ?? noEvent,
      chunkSize: options.chunkSize,
      simpleLimit: options.simpleLimit
    }
  )
  return result as UploadResult
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function storedSha(fileId: number): string {
  const file = emulator.state.file(fileId)!
  return uploadStore(emulator.state).history(file).at(-1)!.sha256
}

type UploadResult = Omit<OperationResult, 'links'> & { links: UploadedLink[] }

let folderId: number
beforeEach(() => {
  folderId = emulator.addFolder({ title: `Releases ${Math.random()}` }).id
})

describe('upload', () => {
  it('uploads the files the globs match and shares each through its own link', async () => {
    files('glob', {
      'dist/app.zip': 'zip bytes',
      'dist/readme.txt': 'hello',
      'dist/debug.log': 'x'
    })
    const result = await upload({ 'folder-id': folderId, files: 'glob/dist/*\n!glob/dist/*.log' })

    const stored = emulator.state.children(folderId).files
    expect(stored.map((f) => f.title)).toEqual(['app.zip', 'readme.txt'])
    expect(stored[0].content?.toString()).toBe('zip bytes')
    expect(result.failures).toBeUndefined()
    expect(result.links.map((l) => [l.file, l.fileId, l.size])).toEqual([
      ['app.zip', stored[0].id, 9],
      ['readme.txt', stored[1].id, 5]
    ])
    for (const [i, entry] of result.links.entries()) {
      const [link] = emulator.state.links('file', stored[i].id)
      expect(entry.linkId).toBe(link.id)
      expect(entry.id).toBe(link.id)
      expect(entry.shareUrl).toBe(`${emulator.url}/s/${link.key}`)
      // Without a release, each link is titled after its file.
      expect(decodeTitle(link.title).display).toBe(entry.file)
    }
    expect(result.link?.id).toBe(result.links[0].linkId)
    expect(JSON.stringify(result)).not.toContain(emulator.userKey)
  })

  it('applies the link settings to every link', async () => {
    files('settings', { 'a.zip': 'a' })
    const result = await upload({
      'folder-id': folderId,
      files: 'settings/a.zip',
      expiration: '7d',
      'max-downloads': 4,
      'link-password': 'secret-pass-123',
      'deny-download': true,
      title: 'Nightly'
    })
    const [link] = emulator.state.links('file', result.links[0].fileId)
    expect(link.password).toBe('secret-pass-123')
    expect(link.denyDownload).toBe(true)
    expect(link.expirationDate!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000)
    expect(decodeTitle(link.title)).toMatchObject({ display: 'Nightly', tag: { maxDownloads: 4 } })
    expect(result.links[0]).toMatchObject({ hasPassword: true, maxDownloads: 4 })
    expect(JSON.stringify(result.links)).not.toContain('secret-pass-123')
  })

  it('creates the subfolder once and adds versions to the same file on a re-run', async () => {
    files('rerun', { 'app.zip': 'version one' })
    const inputs = { 'folder-id': folderId, files: 'rerun/app.zip', subfolder: 'v1.0' }
    const first = await upload(inputs)
    writeFileSync(join(workspace, 'rerun', 'app.zip'), 'version two!')
    const second = await upload(inputs)

    const subfolders = emulator.state.children(folderId).folders
    expect(subfolders.map((f) => f.title)).toEqual(['v1.0'])
    const inside = emulator.state.children(subfolders[0].id).files
    expect(inside).toHaveLength(1)
    const file = inside[0]
    expect(second.links[0].fileId).toBe(first.links[0].fileId)
    expect(file.id).toBe(first.links[0].fileId)
    expect(file.version).toBe(2)
    expect(file.content?.toString()).toBe('version two!')
    // The link survives the new version and is reused, not duplicated.
    expect(emulator.state.links('file', file.id)).toHaveLength(1)
    expect(second.links[0]).toMatchObject({
      linkId: first.links[0].linkId,
      shareUrl: first.links[0].shareUrl,
      action: 'reused',
      version: 2
    })
    expect(first.links[0].action).toBe('created')
    const actions = emulator.state.journal
      .filter((e) => e.target.includes(String(file.id)))
      .map((e) => e.actionId)
    expect(actions.filter((a) => a === 5011 || a === 5099)).toEqual([5011, 5099])
  })

  it('keeps both files with overwrite: false', async () => {
    files('keep', { 'app.zip': 'one' })
    const first = await upload({ 'folder-id': folderId, files: 'keep/app.zip' })
    const second = await upload({ 'folder-id': folderId, files: 'keep/app.zip', overwrite: false })
    const titles = emulator.state.children(folderId).files.map((f) => f.title)
    expect(titles).toEqual(['app (1).zip', 'app.zip'])
    expect(second.links[0].fileId).not.toBe(first.links[0].fileId)
    expect(second.links[0].linkId).not.toBe(first.links[0].linkId)
    expect(second.notes?.join(' ')).toContain('stored as "app (1).zip"')
  })

  it('sends a 25 MiB file through the chunked session, in chunks of at most 10 MiB', async () => {
    const data = randomBytes(25 * MiB)
    files('large', { 'big.bin': data })
    const before = uploadStore(emulator.state).chunkLog.length
    const result = await upload({ 'folder-id': folderId, files: 'large/big.bin' })
    expect(result.failures).toBeUndefined()
    const chunks = uploadStore(emulator.state).chunkLog.slice(before)
    expect(chunks.map((c) => [c.size, c.status])).toEqual([
      [10 * MiB, 200],
      [10 * MiB, 200],
      [5 * MiB, 201]
    ])
    const fileId = result.links[0].fileId
    expect(emulator.state.file(fileId)?.size).toBe(data.length)
    expect(storedSha(fileId)).toBe(createHash('sha256').update(data).digest('hex'))
    // The current session endpoint, not the obsolete create_session.
    expect(emulator.requests.some((r) => /\/files\/\d+\/session$/.test(r.path))).toBe(true)
    expect(emulator.requests.some((r) => r.path.endsWith('/upload/create_session'))).toBe(false)
  })

  it('logs the progress of a large file at least every 10 %', async () => {
    const root = files('progress', { 'huge.iso': 51 * MiB })
    const log = capture()
    const result = await upload({ 'folder-id': folderId, files: 'progress/huge.iso' }, { log })
    const percents = log.lines
      .map((l) => /huge\.iso: (\d+)%/.exec(l)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(Number)
    expect(percents).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    expect(storedSha(result.links[0].fileId)).toBe(await sha256File(join(root, 'huge.iso')))
  })

  it('reports a chunk refused with success: false, naming the file, the endpoint, the status and the server message', async () => {
    files('failing', { 'broken.bin': randomBytes(3 * MiB), 'after.txt': 'never sent' })
    uploadStore(emulator.state).failNextChunk('Disk quota exceeded')
    const result = await upload(
      { 'folder-id': folderId, files: 'failing/*' },
      { chunkSize: MiB, simpleLimit: MiB }
    )
    expect(result.failures).toHaveLength(1)
    expect(result.failures![0]).toMatch(
      /^Uploading broken\.bin failed: POST \/ChunkedUploader\.ashx: HTTP 200 with success: false for chunk 1 of 3 \(the portal said: Disk quota exceeded\)$/
    )
    // The endpoint is named by its path: the query holds the upload id.
    const uid = emulator.requests.filter((r) => r.path.endsWith('ChunkedUploader.ashx')).at(-1)
      ?.query.uid
    expect(uid).toBeTruthy()
    expect(result.failures![0]).not.toContain(uid)
    // Files are uploaded in name order: after.txt went first, broken.bin failed, nothing else followed.
    expect(emulator.state.children(folderId).files.map((f) => f.title)).toEqual(['after.txt'])
    expect(result.links.map((l) => l.file)).toEqual(['after.txt'])
  })

  it('refuses an upload session located on another origin', async () => {
    files('origin', { 'x.bin': randomBytes(2 * MiB) })
    // One answer only: the emulator is shared by the other tests.
    let armed = true
    emulator.use(async (ctx, next) => {
      if (!armed || !/\/files\/\d+\/session$/.test(ctx.path)) return next()
      armed = false
      ctx.send({
        kind: 'envelope',
        statusCode: 200,
        response: { id: 'u1', location: 'http://attacker.example/ChunkedUploader.ashx?uid=u1' }
      })
    })
    const before = emulator.requests.length
    const result = await upload(
      { 'folder-id': folderId, files: 'origin/x.bin' },
      { simpleLimit: MiB }
    )
    expect(result.failures?.[0]).toMatch(/x\.bin.*attacker\.example.*refusing/)
    expect(emulator.requests.slice(before).some((r) => r.path.includes('ChunkedUploader'))).toBe(
      false
    )
  })

  it('uploads into a room', async () => {
    const room = emulator.addRoom({ title: 'Public releases' })
    files('room', { 'r.txt': 'room file' })
    const result = await upload({ 'room-id': room.id, files: 'room/r.txt', 'create-links': false })
    expect(emulator.state.children(room.id).files.map((f) => f.title)).toEqual(['r.txt'])
    expect(result.links[0]).toMatchObject({ file: 'r.txt', linkId: '', shareUrl: '' })
    expect(result.link).toBeUndefined()
    expect(emulator.state.links('file', result.links[0].fileId)).toHaveLength(0)
  })

  it('treats no match as an error unless told to warn or ignore', async () => {
    await expect(upload({ 'folder-id': folderId, files: 'nothing/*.zip' })).rejects.toThrow(
      /No files match .*if-no-files-found/
    )
    const log = capture()
    const warned = await upload(
      { 'folder-id': folderId, files: 'nothing/*.zip', 'if-no-files-found': 'warn' },
      { log }
    )
    expect(warned.links).toEqual([])
    expect(log.lines.some((l) => l.startsWith('warning: No files match'))).toBe(true)
    const ignored = await upload({
      'folder-id': folderId,
      files: 'nothing/*.zip',
      'if-no-files-found': 'ignore'
    })
    expect(ignored.headline).toBe('No files to upload')
    files('folderonly', { 'dist/a.zip': 'a' })
    await expect(upload({ 'folder-id': folderId, files: 'folderonly/dist' })).rejects.toThrow(
      /is a folder: use `folderonly\/dist\/\*`/
    )
  })

  it('changes nothing in a dry run', async () => {
    files('dry', { 'app.zip': 'dry' })
    const journal = emulator.state.journal.length
    const result = await upload({
      'folder-id': folderId,
      files: 'dry/app.zip',
      subfolder: 'v9',
      'dry-run': true
    })
    expect(result.dryRun).toBe(true)
    expect(emulator.state.children(folderId)).toEqual({ folders: [], files: [] })
    expect(emulator.state.journal.length).toBe(journal)
    expect(result.links[0]).toMatchObject({ file: 'app.zip', action: 'would-create' })
    expect(result.notes?.join(' ')).toMatch(/Would create the folder "v9".*Would upload app\.zip/)
  })

  it('says in a dry run which file would get a new version and which link it would reuse', async () => {
    files('dry-again', { 'app.zip': 'first' })
    const inputs = { 'folder-id': folderId, files: 'dry-again/app.zip', title: 'Stable' }
    const real = await upload(inputs)
    const fileId = real.links[0].fileId
    const journal = emulator.state.journal.length
    const dry = await upload({ ...inputs, 'dry-run': true })
    expect(dry.links[0]).toMatchObject({
      fileId,
      linkId: real.links[0].linkId,
      action: 'would-update'
    })
    expect(dry.notes?.join(' ')).toContain(`as a new version of file ${fileId}`)
    expect(emulator.state.file(fileId)?.version).toBe(1)
    expect(emulator.state.journal.length).toBe(journal)
  })

  it('fails early for a folder that does not exist', async () => {
    files('nofolder', { 'a.txt': 'a' })
    await expect(upload({ 'folder-id': 987654, files: 'nofolder/a.txt' })).rejects.toThrow(
      /folder 987654 to upload into was not found/
    )
  })
})

describe('upload on a release', () => {
  const payload = {
    action: 'published',
    release: { id: 77, tag_name: 'v1.2.0', name: 'v1.2.0', body: 'stale body from the event' }
  }

  function releaseRun(): GitHubRun {
    return gitHubRunOf(
      { GITHUB_EVENT_NAME: 'release', GITHUB_REPOSITORY: 'octo/app', GITHUB_API_URL: github.url },
      payload
    )
  }

  it('titles the links `<repo> <tag>` and keeps one section of links in the release notes', async () => {
    github.releases.set('octo/app#77', { id: 77, tag_name: 'v1.2.0', body: 'What changed.' })
    files('release', { 'app-1.2.0.zip': 'release zip', 'app-1.2.0.tar.gz': 'release tgz' })
    const inputs = {
      'folder-id': folderId,
      files: 'release/*',
      subfolder: 'v1.2.0',
      'release-notes': true,
      'github-token': github.token
    }
    const first = await upload(inputs, { github: releaseRun() })
    expect(first.failures).toBeUndefined()
    for (const entry of first.links) {
      const [link] = emulator.state.links('file', entry.fileId)
      expect(decodeTitle(link.title).display).toBe('app v1.2.0')
    }
    const body = github.releases.get('octo/app#77')!.body!
    expect(body.startsWith('What changed.\n\n' + SECTION_START)).toBe(true)
    for (const entry of first.links) expect(body).toContain(`(${entry.shareUrl})`)

    // The author edits the notes; a re-run of the job reuses the links and replaces the section.
    github.releases.get('octo/app#77')!.body = body.replace(
      'What changed.',
      'What changed, edited.'
    )
    const second = await upload(inputs, { github: releaseRun() })
    expect(second.links.map((l) => l.linkId)).toEqual(first.links.map((l) => l.linkId))
    expect(second.links.every((l) => l.action === 'reused')).toBe(true)
    const after = github.releases.get('octo/app#77')!.body!
    expect(after.split(SECTION_START)).toHaveLength(2)
    expect(after.startsWith('What changed, edited.\n\n')).toBe(true)
    expect(after).not.toContain('stale body')
    expect(github.requests.every((r) => r.authorization === `Bearer ${github.token}`)).toBe(true)
  })

  it('reports a release-notes failure after uploading, and never shows the token', async () => {
    files('release-fail', { 'x.zip': 'x' })
    const result = await upload(
      {
        'folder-id': folderId,
        files: 'release-fail/x.zip',
        'release-notes': true,
        'github-token': 'wrong-token-abcdef'
      },
      { github: releaseRun() }
    )
    expect(emulator.state.children(folderId).files).toHaveLength(1)
    expect(result.failures?.[0]).toMatch(/release v1\.2\.0 failed: .*HTTP 401/)
    expect(JSON.stringify(result)).not.toContain('wrong-token-abcdef')
  })

  it('leaves release notes alone with a warning when the run is not a release', async () => {
    files('norelease', { 'y.zip': 'y' })
    const requests = github.requests.length
    const log = capture()
    const result = await upload(
      {
        'folder-id': folderId,
        files: 'norelease/y.zip',
        'release-notes': true,
        'github-token': github.token
      },
      { log }
    )
    expect(result.failures).toBeUndefined()
    expect(github.requests.length).toBe(requests)
    expect(log.lines.some((l) => /warning: .*not by a release/.test(l))).toBe(true)
  })
})
