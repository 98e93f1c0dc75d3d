// Entry of the bundled emulator. Run directly, it starts an emulator configured from the environment
// and prints one JSON line; imported, it only re-exports the programmatic API.
import { readFileSync, realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import type { Emulator } from './server.js'
import { startEmulator } from './server.js'
import type { SeedData } from './seed.js'
import { defaultSeed } from './seed.js'
import { parseFaults } from './faults.js'
import type { PortalSettings } from './state.js'
import { SERVER_RATE_LIMITS } from './rate-limits.js'

export * from './server.js'
export { EmulatorState } from './state.js'
export type * from './state.js'
export { defaultSeed, applySeed } from './seed.js'
export type { SeedIds } from './seed.js'
export { parseFaults, FAULT_KINDS } from './faults.js'
export type * from './faults.js'
export { ADMIN_EMAIL, ADMIN_PASSWORD, USER_EMAIL, USER_PASSWORD } from './users.js'
export { recordDownloads, configureAudit } from './audit-journal.js'
export { RateLimiter, SERVER_RATE_LIMITS } from './rate-limits.js'
export type { RateLimitOptions } from './rate-limits.js'
export { setDocSpaceVersion } from './routes/settings.js'
export { setShareRights } from './listing.js'
export { RoomType, FileShare, SubjectType, LinkType, EntryType, LinkActions } from './enums.js'
export {
  ok,
  ApiError,
  ValidationError,
  Unauthorized,
  badRequest,
  forbidden,
  notFound
} from './http.js'

function intFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name]
  if (text === undefined || text.trim() === '') return undefined
  if (!/^-?\d+$/.test(text.trim())) throw new Error(`${name} must be an integer, not "${text}"`)
  return Number(text)
}

/** Portal settings from `EMULATOR_VERSION`, `EMULATOR_CHUNK_SIZE` and `EMULATOR_INTERNAL_LINKS` (true/false). */
function settingsFromEnv(env: NodeJS.ProcessEnv): Partial<PortalSettings> {
  const settings: Partial<PortalSettings> = {}
  if (env.EMULATOR_VERSION?.trim()) settings.version = env.EMULATOR_VERSION.trim()
  const chunk = intFromEnv(env, 'EMULATOR_CHUNK_SIZE')
  if (chunk !== undefined) settings.chunkUploadSize = chunk
  const internal = env.EMULATOR_INTERNAL_LINKS?.trim().toLowerCase()
  if (internal) settings.internalLinksByDefault = internal === 'true'
  return settings
}

/**
 * Starts an emulator from `EMULATOR_PORT`, `EMULATOR_LATENCY_MS`, `EMULATOR_SEED` (a JSON seed file;
 * the default seed without it), `EMULATOR_TIMEZONE_OFFSET_MINUTES`, the portal settings above,
 * `EMULATOR_RATE_LIMITS` (`server`: the server's three limiters at its own figures) and `EMULATOR_FAULTS`
 * (faults to inject, as JSON: see parseFaults), then writes the JSON line
 * `{url, apiKey, userKey, authToken, seed}`.
 */
export async function runCli(
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stdout.write(line)
): Promise<Emulator> {
  const seedPath = env.EMULATOR_SEED
  const seed: SeedData = seedPath
    ? (JSON.parse(readFileSync(seedPath, 'utf8')) as SeedData)
    : defaultSeed
  const faults = env.EMULATOR_FAULTS?.trim() ? parseFaults(env.EMULATOR_FAULTS) : []
  const emulator = await startEmulator({
    port: intFromEnv(env, 'EMULATOR_PORT') ?? 0,
    latencyMs: intFromEnv(env, 'EMULATOR_LATENCY_MS') ?? 0,
    timeZoneOffsetMinutes: intFromEnv(env, 'EMULATOR_TIMEZONE_OFFSET_MINUTES') ?? 0,
    seed,
    settings: settingsFromEnv(env),
    rateLimits: env.EMULATOR_RATE_LIMITS?.trim() === 'server' ? SERVER_RATE_LIMITS : undefined
  })
  emulator.faults.add(...faults)
  write(
    JSON.stringify({
      url: emulator.url,
      apiKey: emulator.adminKey,
      userKey: emulator.userKey,
      authToken: emulator.authToken,
      seed: emulator.seed
    }) + '\n'
  )
  return emulator
}

function isMainModule(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href
  } catch {
    return false
  }
}

if (isMainModule()) {
  runCli().then(
    (emulator) => {
      const stop = () => void emulator.close().then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    },
    (error: unknown) => {
      process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    }
  )
}
