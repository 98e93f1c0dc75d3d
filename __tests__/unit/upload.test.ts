import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import busboy from 'busboy'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { DocSpaceClient } from '../../src/docspace/client.js'
import {
  checkLocation,
  multipartFile,
  storedUpload,
  type LocalFile
} from '../../src/docspace/upload.js'
import type { FileDto } from '../../src/docspace/types.js'
import { gitHubRunOf, loadGitHubRun, releaseLinkTitle } from '../../src/github/event.js'
import { anchorPattern, matchFiles } from '../../src/operations/upload.js'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'upload-unit-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

interface ParsedPart {
  field: string
  filename: string
  data: Buffer
}

// Reads a multipart body the way a server would, to check what goes on the wire.
async function parseMultipart(body: Readable, contentType: string): Promise<ParsedPart[]> {
  const parts: ParsedPart[] = []
  await new Promise<void>((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' })
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () =>
        parts.push({ field, filename: info.filename ?? '', data: Buffer.concat(chunks) })
      )
    })
    parser.on('close', resolve)
    parser.on('error', reject)
    body.on('error', reject)
    body.pipe(parser)
  })
  return parts
}

async function collect(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function localFile(name: string, content: Buffer): LocalFile {
  const path = join(dir, name)
  writeFileSync(path, content)
  return { path, name, size: content.length }
}

describe('multipartFile', () => {
  const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251))

  it('sends a byte range as one file part whose length matches Content-Length', async () => {
    const file = localFile('data.bin', content)
    const part = multipartFile('file', file, { start: 1000, end: 250_000 })
    const raw = await collect(part.open())
    expect(raw.length).toBe(Number(part.headers['Content-Length']))
    const parsed = await parseMultipart(part.open(), part.headers['Content-Type'])
    expect(parsed).toHaveLength(1)
    expect(parsed[0].field).toBe('file')
    expect(parsed[0].filename).toBe('data.bin')
    expect(parsed[0].data.equals(content.subarray(1000, 250_000))).toBe(true)
  })

  it('reports the bytes read and gives a fresh copy on every open', async () => {
    const file = localFile('again.bin', content)
    const part = multipartFile('file', file)
    let counted = 0
    const first = await collect(part.open((n) => (counted += n)))
    const second = await collect(part.open())
    expect(counted).toBe(content.length)
    expect(createHash('sha256').update(first).digest('hex')).toBe(
      createHash('sha256').update(second).digest('hex')
    )
  })

  it('keeps quotes, line breaks and non-ASCII in the file name intact', async () => {
    const file = localFile('plain.txt', Buffer.from('hi'))
    const named = { ...file, name: 'Отчёт "v2"\r\n.txt' }
    const part = multipartFile('file', named)
    const [parsed] = await parseMultipart(part.open(), part.headers['Content-Type'])
    expect(parsed.filename).toBe('Отчёт %22v2%22%0D%0A.txt')
    expect(parsed.data.toString()).toBe('hi')
  })

  it('sends an empty file as an empty part', async () => {
    const file = localFile('empty.txt', Buffer.alloc(0))
    const part = multipartFile('file', file)
    const [parsed] = await parseMultipart(part.open(), part.headers['Content-Type'])
    expect(parsed.data.length).toBe(0)
  })

  it('fails instead of sending a short body when the file shrank', async () => {
    const file = localFile('shrinks.bin', content)
    const part = multipartFile('file', file)
    truncateSync(file.path, 10)
    await expect(collect(part.open())).rejects.toThrow(
      /shrinks\.bin changed while it was being uploaded/
    )
  })
})

describe('checkLocation', () => {
  const client = new DocSpaceClient({
    portalUrl: 'https://portal.example.com',
    auth: { kind: 'api-key', apiKey: 'sk-test' },
    requestTimeoutMs: 1000,
    maxRetries: 0
  })

  it('accepts the portal origin and refuses any other', () => {
    const ok = checkLocation(client, 'https://portal.example.com/ChunkedUploader.ashx?uid=1')
    expect(ok.searchParams.get('uid')).toBe('1')
    expect(() =>
      checkLocation(client, 'https://evil.example.net/ChunkedUploader.ashx?uid=1')
    ).toThrow(/evil\.example\.net.*refusing/)
    expect(() => checkLocation(client, 'http://portal.example.com/ChunkedUploader.ashx')).toThrow(
      /refusing/
    )
    expect(() => checkLocation(client, 'https://portal.example.com:8443/x')).toThrow(/refusing/)
  })
})

describe('storedUpload', () => {
  const file: LocalFile = { path: '/nowhere/app.tar.gz', name: 'app.tar.gz', size: 42 }
  const dto = (id: number, title: string, size = 42, version = 1): FileDto => ({
    id,
    title,
    pureContentLength: size,
    version
  })
  const other = dto(1, 'readme.txt', 42)

  it('finds a new file of that name and size', () => {
    const stored = dto(7, 'app.tar.gz')
    expect(storedUpload(file, [other], [other, stored], false)).toBe(stored)
    // The right name with other bytes is someone else's file.
    expect(storedUpload(file, [other], [other, dto(7, 'app.tar.gz', 41)], false)).toBeUndefined()
    expect(storedUpload(file, [other], [other], false)).toBeUndefined()
  })

  it('finds a new version of the file only when its version rose', () => {
    const before = dto(5, 'app.tar.gz', 42, 3)
    expect(storedUpload(file, [before], [before], false)).toBeUndefined()
    const after = dto(5, 'app.tar.gz', 42, 4)
    expect(storedUpload(file, [before], [after], false)).toBe(after)
  })

  it('with createNewIfExist finds only a file that was not there, named after the stem', () => {
    const kept = dto(5, 'app.tar.gz')
    const copy = dto(9, 'app.tar (1).gz')
    expect(storedUpload(file, [kept], [kept], true)).toBeUndefined()
    expect(storedUpload(file, [kept], [kept, copy], true)).toBe(copy)
    expect(storedUpload(file, [kept], [kept, dto(9, 'other (1).gz')], true)).toBeUndefined()
    // With no file of that name before, the copy keeps the name itself.
    expect(storedUpload(file, [], [dto(9, 'app.tar.gz')], true)).toMatchObject({ id: 9 })
  })

  it('takes the newest of several matches', () => {
    expect(storedUpload(file, [], [dto(8, 'app.tar.gz'), dto(12, 'app.tar.gz')], false)).toEqual(
      dto(12, 'app.tar.gz')
    )
  })
})

describe('matchFiles', () => {
  let workspace: string

  beforeAll(() => {
    workspace = join(dir, 'work [1]')
    mkdirSync(join(workspace, 'dist', 'nested'), { recursive: true })
    mkdirSync(join(workspace, 'other'), { recursive: true })
    writeFileSync(join(workspace, 'dist', 'app.zip'), 'zip')
    writeFileSync(join(workspace, 'dist', 'app.tar.gz'), 'tgz!')
    writeFileSync(join(workspace, 'dist', 'nested', 'debug.log'), 'log')
    writeFileSync(join(workspace, 'other', 'app.zip'), 'other zip')
  })

  it('matches relative patterns from the workspace, files only, sorted', async () => {
    const files = await matchFiles(['dist/*', '', '# a comment'], workspace)
    expect(files.map((f) => f.name)).toEqual(['app.tar.gz', 'app.zip'])
    expect(files[1]).toEqual({ path: join(workspace, 'dist', 'app.zip'), name: 'app.zip', size: 3 })
  })

  it('honours negation and recursive patterns', async () => {
    const files = await matchFiles(['dist/**', '!dist/**/*.log'], workspace)
    expect(files.map((f) => f.name)).toEqual(['app.tar.gz', 'app.zip'])
    const all = await matchFiles(['dist/**'], workspace)
    expect(all.map((f) => f.name).sort()).toEqual(['app.tar.gz', 'app.zip', 'debug.log'])
    // A folder alone matches nothing: its files would be flattened into one DocSpace folder.
    expect(await matchFiles(['dist'], workspace)).toEqual([])
  })

  it('returns nothing when nothing matches', async () => {
    expect(await matchFiles(['build/*.zip'], workspace)).toEqual([])
  })

  it('refuses two files that would get the same name', async () => {
    await expect(matchFiles(['**/*.zip'], workspace)).rejects.toThrow(
      /matches 2 files named app\.zip \(dist\/app\.zip, other\/app\.zip\)/
    )
  })

  it('roots relative patterns at the escaped workspace and leaves absolute ones', () => {
    expect(anchorPattern('dist/*.zip', '/w/a*b/')).toBe('/w/a[*]b/dist/*.zip')
    expect(anchorPattern('!dist/*.log', '/w')).toBe('!/w/dist/*.log')
    expect(anchorPattern('/abs/*.zip', '/w')).toBe('/abs/*.zip')
  })
})

describe('the GitHub run', () => {
  const payload = {
    action: 'published',
    release: {
      id: 42,
      tag_name: 'v1.2.0',
      name: 'Version 1.2',
      html_url: 'https://github.com/o/r/r'
    },
    repository: { name: 'from-payload', owner: { login: 'owner-from-payload' } }
  }

  it('reads the release and the repository of a release event', () => {
    const run = gitHubRunOf(
      {
        GITHUB_EVENT_NAME: 'release',
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_API_URL: 'http://h/api/'
      },
      payload
    )
    expect(run).toEqual({
      eventName: 'release',
      repository: { owner: 'octo', repo: 'app' },
      release: {
        id: 42,
        tagName: 'v1.2.0',
        name: 'Version 1.2',
        htmlUrl: 'https://github.com/o/r/r'
      },
      apiUrl: 'http://h/api'
    })
    expect(releaseLinkTitle(run)).toBe('app v1.2.0')
  })

  it('has no release on other events and falls back to the payload repository', () => {
    const run = gitHubRunOf({ GITHUB_EVENT_NAME: 'push' }, payload)
    expect(run.release).toBeUndefined()
    expect(run.repository).toEqual({ owner: 'owner-from-payload', repo: 'from-payload' })
    expect(run.apiUrl).toBe('https://api.github.com')
    expect(releaseLinkTitle(run)).toBeUndefined()
  })

  it('loads the payload file named by GITHUB_EVENT_PATH', async () => {
    const path = join(dir, 'event.json')
    writeFileSync(path, JSON.stringify(payload))
    // On a release event the payload is read through @actions/github's context, which reads the
    // process's own variables, as on a runner.
    const before = process.env.GITHUB_EVENT_PATH
    process.env.GITHUB_EVENT_PATH = path
    try {
      const run = await loadGitHubRun({ GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: path })
      expect(run.release?.id).toBe(42)
      const missing = await loadGitHubRun({ GITHUB_EVENT_PATH: join(dir, 'nope.json') })
      expect(missing.release).toBeUndefined()
      writeFileSync(path, '{broken')
      await expect(
        loadGitHubRun({ GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: path })
      ).rejects.toThrow(/not valid JSON/)
    } finally {
      if (before === undefined) delete process.env.GITHUB_EVENT_PATH
      else process.env.GITHUB_EVENT_PATH = before
    }
  })
})
