// The maintainers' contract script, tested the only way it can be here: against the emulator itself (all
// calls the same), against an emulator with one rule changed (that call differs), and through a recording
// replayed against a fresh emulator. Each run must leave nothing behind and touch nothing it did not make.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { ok } from '../../emulator/http.js'
import { fileShareDto } from '../../emulator/dto.js'
import { silentLogger } from '../../src/log.js'
import { CALLS, LINK_PASSWORD } from '../../contract/calls.js'
import {
  compareRuns,
  formatComparison,
  readFixture,
  runCalls,
  runReference,
  toFixture,
  writeFixture
} from '../../contract/run.js'

let portal: Emulator
let home: number
let bystander: { folder: number; file: number; link: string }

/** Everything outside the scratch folder that a stray write could change. */
function untouched() {
  const links = portal.state.links('file', bystander.file)
  return JSON.stringify({
    home: portal.state.children(home).folders.map((f) => f.id),
    file: portal.state.file(bystander.file),
    links,
    folderLinks: portal.state.links('folder', bystander.folder)
  })
}

beforeAll(async () => {
  portal = await startEmulator()
  home = portal.addFolder({ title: 'Maintainer home' }).id
  const folder = portal.addFolder({ title: 'Not the contract’s', parentId: home })
  const file = portal.addFile({ parentId: folder.id, title: 'keep.zip', content: 'x' })
  const link = portal.addLink({ kind: 'file', id: file.id }, { title: 'keep me' })
  bystander = { folder: folder.id, file: file.id, link: link.id }
})
afterAll(async () => {
  await portal.close()
})

const start = () => startEmulator()

describe('npm run contract', () => {
  it('finds the emulator the same as itself, and removes everything it created', async () => {
    const before = untouched()
    const roomsBefore = portal.state.children(portal.state.roomsFolderId).folders.length
    const entriesBefore = portal.state.children(home).folders.length
    const records = await runCalls(
      { url: portal.url, apiKey: portal.adminKey, folderId: home },
      silentLogger
    )
    expect(records.map((r) => r.name)).toEqual([
      ...CALLS.map((c) => c.name),
      'DELETE rooms',
      'DELETE scratch folder'
    ])
    expect(records.filter((r) => 'skipped' in r.observation || 'failed' in r.observation)).toEqual(
      []
    )
    expect(records.at(-1)?.observation).toMatchObject({ status: 200, gone: true })
    expect(records.at(-2)?.observation).toMatchObject({
      type5: { status: 200, gone: true },
      type2: { status: 200, gone: true }
    })
    expect(portal.state.children(portal.state.roomsFolderId).folders.length).toBe(roomsBefore)
    const seen = Object.fromEntries(records.map((r) => [r.name, r.observation]))
    expect(seen['PUT file link (create: read, expiry, password)']).toMatchObject({
      status: 200,
      access: 2,
      password: 'present',
      expirationDate: 'date-with-offset',
      shareLinkOnPortal: true
    })
    expect(seen['POST file primary link (get or create, twice)']).toMatchObject({
      primary: true,
      secondIsSame: true
    })
    expect(seen['POST upload session and chunks']).toMatchObject({ sizeMatches: true, version: 1 })
    expect(seen['PUT file link (revoke)']).toMatchObject({ status: 200, linksAfter: 0 })
    expect(seen['POST rooms (a Custom and a Collaboration room)']).toMatchObject({
      type5: { status: 200, roomType: 5, canShare: true },
      type2: { status: 200, roomType: 2, canShare: false }
    })
    expect(seen['PUT room link (external, in each room)']).toMatchObject({
      type5: { status: 200, linkType: 1, access: 2 }
    })
    expect(seen['GET audit filter (downloads of the zip)']).toMatchObject({
      status: 200,
      filterApplied: true,
      events: 0
    })
    // The scratch folder and its files are gone; what was there before is as it was.
    expect(portal.state.children(home).folders.length).toBe(entriesBefore)
    expect(untouched()).toBe(before)

    const reference = await runReference(start, true, silentLogger)
    const compared = compareRuns(records, reference)
    expect(formatComparison(compared).filter((line) => !line.startsWith('same'))).toEqual([])
    expect(compared).toHaveLength(CALLS.length + 2)
  })

  it('reports the call whose rule the emulator changed, and only that one', async () => {
    // The rule changed: this emulator applies a non-read access on an archive, as the first emulator did;
    // the real portal (and the emulator) skip it and keep the link as it was.
    const changed = async () => {
      const emulator = await startEmulator()
      emulator.use(async (ctx, next) => {
        const m = /^\/api\/2\.0\/files\/file\/(\d+)\/links$/.exec(ctx.path)
        const file = m ? emulator.state.file(Number(m[1])) : undefined
        if (ctx.method === 'PUT' && file?.title.endsWith('.zip')) {
          const body = (await ctx.json()) as { linkId?: string; access?: number }
          const link = body.linkId ? emulator.state.link(file.id, body.linkId) : undefined
          if (link && body.access === 10) {
            link.access = 10
            ctx.send(ok(fileShareDto(link, emulator.state, ctx.portal)))
            return
          }
        }
        await next()
      })
      return emulator
    }
    const records = await runCalls(
      { url: portal.url, apiKey: portal.adminKey, folderId: home },
      silentLogger
    )
    const compared = compareRuns(records, await runReference(changed, true, silentLogger))
    const differing = compared.filter((c) => !c.same)
    expect(differing.map((c) => c.name)).toEqual(['PUT file link (edit access on a zip)'])
    expect(differing[0].differences).toEqual(['answeredAccess: 2 vs 10', 'storedAccess: 2 vs 10'])
    expect(formatComparison(differing)[0]).toBe(
      'differs  PUT file link (edit access on a zip) (answeredAccess: 2 vs 10; storedAccess: 2 vs 10)'
    )
  })

  it('records answers without secrets, and the recording replays against the emulator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-test-'))
    try {
      const records = await runCalls(
        { url: portal.url, apiKey: portal.userKey, folderId: home },
        silentLogger
      )
      const path = join(dir, 'fixture.json')
      writeFixture(
        path,
        toFixture(records, {
          source: 'the emulator',
          portalUrl: portal.url,
          apiKey: portal.userKey
        })
      )
      const text = readFileSync(path, 'utf8')
      expect(text).not.toContain(portal.userKey)
      expect(text).not.toContain(LINK_PASSWORD)
      expect(text).not.toContain(portal.url)
      // Observations keep the kind of a token only; answers have it removed.
      expect(text).not.toMatch(/"requestToken": "(?!\[removed\]"|string"|absent")/)
      expect(text).toContain('"shareLink": "[removed]"')

      const fixture = readFixture(path)
      expect(fixture.admin).toBe(false)
      // A non-admin key: the audit trail and the plan are refused alike on both sides.
      expect(fixture.calls.find((c) => c.name === 'GET portal/quota')?.observation.status).toBe(403)
      expect(
        fixture.calls.find((c) => c.name === 'POST rooms (a Custom and a Collaboration room)')
          ?.observation
      ).toEqual({ skipped: 'the key cannot create rooms' })
      const replayed = compareRuns(
        fixture.calls,
        await runReference(start, fixture.admin, silentLogger)
      )
      expect(replayed.filter((c) => !c.same)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('replays every committed recording against the emulator', async () => {
    const folder = join('contract', 'fixtures')
    const recordings = existsSync(folder)
      ? readdirSync(folder).filter((f) => f.endsWith('.json'))
      : []
    for (const name of recordings) {
      const fixture = readFixture(join(folder, name))
      const compared = compareRuns(
        fixture.calls,
        await runReference(start, fixture.admin, silentLogger)
      )
      expect({ name, differs: formatComparison(compared.filter((c) => !c.same)) }).toEqual({
        name,
        differs: []
      })
    }
  })

  it('runs through the bundle: records, compares, replays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-cli-'))
    const fixture = join(dir, 'portal.json')
    const env = { PATH: process.env.PATH, DOCSPACE_API_KEY: portal.adminKey }
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['contract/dist/index.js', ...args], {
        env,
        encoding: 'utf8',
        timeout: 60_000
      })
    try {
      const before = untouched()
      const live = await run([
        '--portal-url',
        portal.url,
        '--folder-id',
        String(home),
        '--i-own-this-folder',
        '--record',
        fixture
      ])
      const lines = live.stdout.trim().split('\n')
      expect(lines[0]).toBe(`recorded ${CALLS.length + 2} calls in ${fixture}`)
      expect(lines.slice(1)).toHaveLength(CALLS.length + 2)
      expect(lines.slice(1).every((line) => line.startsWith('same     '))).toBe(true)
      expect(live.stdout + live.stderr).not.toContain(portal.adminKey)
      expect(untouched()).toBe(before)
      expect(readFixture(fixture).source).toBe('a DocSpace portal')

      const replay = await run(['--replay', fixture])
      expect(
        replay.stdout
          .trim()
          .split('\n')
          .every((line) => line.startsWith('same     '))
      ).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses to run without the confirmation flag, before any request', async () => {
    const seen = portal.requests.length
    const run = await promisify(execFile)(
      process.execPath,
      ['contract/dist/index.js', '--portal-url', portal.url, '--folder-id', String(home)],
      {
        env: { PATH: process.env.PATH, DOCSPACE_API_KEY: portal.adminKey },
        encoding: 'utf8',
        timeout: 20_000
      }
    ).then(
      (r) => ({ status: 0, stdout: r.stdout }),
      (e: { code?: number; stdout?: string }) => ({ status: e.code, stdout: e.stdout ?? '' })
    )
    expect(run.status).toBe(2)
    expect(run.stdout).toContain('--i-own-this-folder is required')
    expect(run.stdout).not.toContain(portal.adminKey)
    expect(portal.requests.length).toBe(seen)
  })
})
