// Runs the contract's calls against one portal, compares two runs call by call, and reads and writes the
// recordings (fixtures) that a test replays against the emulator.
import { readFileSync, writeFileSync } from 'node:fs'
import { DocSpaceError } from '../src/docspace/errors.js'
import type { Logger } from '../src/log.js'
import {
  CALLS,
  LINK_PASSWORD,
  cleanUp,
  removeRooms,
  scratchFiles,
  type CallRecord,
  type Vars
} from './calls.js'
import { Session, type PortalUnderTest } from './session.js'

/**
 * Every call in order against `portal`, then the clean-up, which runs whatever happened before it. A call
 * that throws is recorded as failed and the next ones go on (those that need what it made are skipped).
 */
export async function runCalls(portal: PortalUnderTest, log: Logger): Promise<CallRecord[]> {
  const session = new Session(portal, log)
  const files = scratchFiles()
  const vars: Vars = { files: files.dir, rooms: {} }
  const records: CallRecord[] = []
  try {
    for (const call of CALLS) {
      try {
        const { observation, answer } = await call.run(session, vars)
        records.push({ name: call.name, observation, answer })
      } catch (error) {
        const failed =
          error instanceof DocSpaceError
            ? `HTTP ${error.status ?? error.kind}`
            : error instanceof Error && /refusing to change/.test(error.message)
              ? error.message
              : 'failed'
        log.warning(`${call.name}: ${error instanceof Error ? error.message : String(error)}`)
        records.push({ name: call.name, observation: { failed } })
      }
    }
  } finally {
    try {
      records.push(await removeRooms(session, vars))
    } catch (error) {
      log.warning(
        `Removing the rooms failed: delete rooms ${Object.values(vars.rooms).join(', ')} by hand (${error instanceof Error ? error.message : String(error)})`
      )
      records.push({ name: 'DELETE rooms', observation: { failed: 'failed' } })
    }
    try {
      records.push(await cleanUp(session, vars))
    } catch (error) {
      const where = vars.scratchId === undefined ? '' : ` folder ${vars.scratchId}`
      log.warning(
        `The clean-up failed: delete the scratch${where} by hand (${error instanceof Error ? error.message : String(error)})`
      )
      records.push({ name: 'DELETE scratch folder', observation: { failed: 'failed' } })
    }
    files.remove()
  }
  return records
}

export interface ComparedCall {
  name: string
  same: boolean
  /** `field: portal value vs emulator value`, for each field that differs. */
  differences: string[]
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else {
    // A field the answer left out and one that came back undefined are the same absence.
    out.set(prefix, JSON.stringify(value) ?? 'absent')
  }
}

/** Compares two runs of the same list: `portal` is the one under test, `reference` the emulator. */
export function compareRuns(portal: CallRecord[], reference: CallRecord[]): ComparedCall[] {
  const names = [...new Set([...portal, ...reference].map((r) => r.name))]
  return names.map((name) => {
    const a = new Map<string, string>()
    const b = new Map<string, string>()
    flatten(portal.find((r) => r.name === name)?.observation ?? { missing: true }, '', a)
    flatten(reference.find((r) => r.name === name)?.observation ?? { missing: true }, '', b)
    const differences = [...new Set([...a.keys(), ...b.keys()])]
      .filter((k) => (a.get(k) ?? 'absent') !== (b.get(k) ?? 'absent'))
      .map((k) => `${k}: ${a.get(k) ?? 'absent'} vs ${b.get(k) ?? 'absent'}`)
    return { name, same: differences.length === 0, differences }
  })
}

/** One line per call: `same  NAME` or `differs  NAME (field: portal vs emulator; …)`. */
export function formatComparison(compared: ComparedCall[]): string[] {
  return compared.map((c) =>
    c.same ? `same     ${c.name}` : `differs  ${c.name} (${c.differences.join('; ')})`
  )
}

// ---- recordings ----

export interface Fixture {
  /** What answered: a maintainer records a real portal; the tests record an emulator. */
  source: string
  recordedAt: string
  version?: string
  /** Whether the key's user was a portal admin: the replay uses an emulator key of the same kind. */
  admin: boolean
  calls: CallRecord[]
}

const SECRET_KEYS =
  /^(password|requestToken|shareLink|token|key|email|displayName|firstName|lastName|userName|webUrl|location|href|avatar.*|profileUrl|mobilePhone|ip)$/i
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/**
 * The answers with every secret, share token, personal detail and the portal's address taken out: what
 * may be committed. Values under the keys above are replaced, uuids (link ids, user ids) blanked, and the
 * portal's origin and the credentials replaced wherever they occur.
 */
export function sanitise(value: unknown, portalUrl: string, secrets: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => sanitise(v, portalUrl, secrets))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) && v !== undefined && v !== null
          ? '[removed]'
          : sanitise(v, portalUrl, secrets)
      ])
    )
  }
  if (typeof value !== 'string') return value
  let text = value.split(portalUrl).join('https://portal.example')
  for (const secret of [...secrets, LINK_PASSWORD])
    if (secret) text = text.split(secret).join('[removed]')
  return text.replace(UUID, '00000000-0000-0000-0000-000000000000')
}

export function toFixture(
  records: CallRecord[],
  meta: { source: string; portalUrl: string; apiKey: string; now?: Date }
): Fixture {
  const self = records.find((r) => r.name === 'GET people/@self')?.answer as
    { isAdmin?: boolean } | undefined
  const build = records.find((r) => r.name === 'GET settings/version/build')?.answer as
    { docSpace?: string } | undefined
  return {
    source: meta.source,
    recordedAt: (meta.now ?? new Date()).toISOString(),
    ...(typeof build?.docSpace === 'string' ? { version: build.docSpace } : {}),
    admin: self?.isAdmin === true,
    calls: records.map((r) => ({
      name: r.name,
      // Observations hold kinds, flags and the titles the contract sent, never a value from the portal.
      observation: r.observation,
      ...(r.answer === undefined
        ? {}
        : { answer: sanitise(r.answer, meta.portalUrl, [meta.apiKey]) })
    }))
  }
}

export function writeFixture(path: string, fixture: Fixture): void {
  writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`)
}

export function readFixture(path: string): Fixture {
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as Fixture
  if (!Array.isArray(fixture.calls)) throw new Error(`${path} is not a contract recording`)
  return fixture
}

// ---- the emulator side ----

/** The part of the emulator's programmatic API the contract uses. */
export interface ReferenceEmulator {
  url: string
  adminKey: string
  userKey: string
  addFolder(input: { title: string }): { id: number }
  close(): Promise<void>
}

/** The same list against a fresh emulator, with a key of the same kind (admin or not) as the portal's. */
export async function runReference(
  start: () => Promise<ReferenceEmulator>,
  admin: boolean,
  log: Logger
): Promise<CallRecord[]> {
  const emulator = await start()
  try {
    const home = emulator.addFolder({ title: 'contract home' })
    return await runCalls(
      {
        url: emulator.url,
        apiKey: admin ? emulator.adminKey : emulator.userKey,
        folderId: home.id
      },
      log
    )
  } finally {
    await emulator.close()
  }
}
