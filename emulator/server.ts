// The DocSpace emulator: a loopback HTTP server over the in-memory portal.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Portal, RequestContext } from './context.js'
import { createContext, makePortal } from './context.js'
import type { Handler, Middleware, RouteArea, RouteOptions } from './router.js'
import { Router } from './router.js'
import { DEFAULT_BODY_LIMIT } from './http.js'
import { identify } from './auth.js'
import type {
  EntryKind,
  FileRecord,
  FolderRecord,
  LinkRecord,
  LinkSeed,
  PortalSettings,
  RoomRecord
} from './state.js'
import { EmulatorState } from './state.js'
import { checkSettings } from './routes/settings.js'
import type { SeedData, SeedIds } from './seed.js'
import { applySeed } from './seed.js'
import { defaultAreas } from './routes/index.js'
import { createFaults, type FaultController } from './faults.js'
import { RateLimiter, type RateLimitOptions } from './rate-limits.js'

export interface EmulatorOptions {
  /** Delay added before every response. */
  latencyMs?: number
  /** Only loopback is served. */
  host?: '127.0.0.1'
  /** 0 (default): any free port. */
  port?: number
  /** The portal's zone for output dates; 0 (default) writes `Z`. */
  timeZoneOffsetMinutes?: number
  seed?: SeedData
  /** JSON bodies above this many bytes get 413 (default 1 MiB). */
  bodyLimitBytes?: number
  /** Route areas to register instead of the default ones. */
  areas?: RouteArea[]
  /** Portal settings (build version, chunk size, internal links by default, the session endpoint). */
  settings?: Partial<PortalSettings>
  /** The server's rate limiters to turn on (off by default, as on a stock install); see rate-limits.ts. */
  rateLimits?: RateLimitOptions
}

/** One served request. Headers and bodies are never kept: they carry credentials. */
export interface RequestLogEntry {
  method: string
  path: string
  query: Record<string, string>
  /** 0 when the connection ended without a response. */
  status: number
  startedAt: Date
  endedAt: Date
}

export interface Emulator {
  /** e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  /** `sk-…` API key of the portal admin. */
  readonly adminKey: string
  /** `sk-…` API key of a regular user (the seeded entries are the admin's). */
  readonly userKey: string
  /** Session token of the admin, as POST /api/2.0/authentication gives. */
  readonly authToken: string
  readonly state: EmulatorState
  readonly requests: RequestLogEntry[]
  /** Requests received and not yet logged: their connection has not closed yet. */
  readonly openRequests: number
  /** Seed key → id of the seeded entries. */
  readonly seed: SeedIds
  readonly router: Router
  /** Registers a route (see Router.route). */
  route(method: string, pattern: string, handler: Handler, options?: RouteOptions): void
  /** Adds a middleware that runs, in order of addition, before routing. */
  use(middleware: Middleware): void
  setLatency(ms: number): void
  readonly latencyMs: number
  /** Fault injection (see faults.ts); its middleware runs before any added with `use`. */
  readonly faults: FaultController
  /** The server's rate limiters: `configure()` turns them on; `rejected` counts the 429s of each. */
  readonly rateLimiter: RateLimiter
  addFolder(input: { title: string; parentId?: number; createdBy?: string }): FolderRecord
  addRoom(input: { title: string; roomType?: number }): RoomRecord
  addFile(input: {
    parentId: number
    title: string
    content?: Buffer | string
    size?: number
    isForm?: boolean
  }): FileRecord
  addLink(entry: { kind: EntryKind; id: number }, link?: LinkSeed): LinkRecord
  /** Stops listening and destroys open connections. */
  close(): Promise<void>
}

export type { RequestContext, Portal, Handler, Middleware, RouteArea, RouteOptions, SeedData }

function checkLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`Latency must be a number ≥ 0, not ${ms}`)
  return ms
}

function delay(ms: number): Promise<void> {
  // Unref'd: a request still waiting must not keep a closed emulator's process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState()
  Object.assign(state.settings, checkSettings(options.settings ?? {}))
  const seedIds = options.seed ? applySeed(state, options.seed) : {}
  const rateLimiter = new RateLimiter()
  rateLimiter.configure(options.rateLimits)
  const router = new Router()
  for (const area of options.areas ?? defaultAreas) area(router)
  const faults = await createFaults()
  const middlewares: Middleware[] = [faults.middleware]
  const requests: RequestLogEntry[] = []
  let openRequests = 0
  const sockets = new Set<Socket>()
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT
  let latencyMs = checkLatency(options.latencyMs ?? 0)
  // Known once listening; no request arrives before that.
  const site: { portal?: Portal } = {}

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const user = identify(req, state.directory)
    const ctx = createContext({
      req,
      res,
      user: user && { id: user.id, isAdmin: user.isAdmin },
      state,
      portal: site.portal as Portal,
      bodyLimit
    })
    openRequests++
    res.on('close', () => {
      openRequests--
      requests.push({
        method: ctx.method,
        path: ctx.path,
        query: ctx.query,
        status: res.headersSent ? res.statusCode : 0,
        startedAt: ctx.startedAt,
        endedAt: new Date()
      })
    })
    try {
      // The limiter runs first in the server's pipeline and holds a request's slot while it is served.
      if (!rateLimiter.admit(ctx)) return
      if (latencyMs > 0) await delay(latencyMs)
      const run = async (i: number): Promise<void> => {
        const middleware = middlewares[i]
        if (middleware) await middleware(ctx, () => run(i + 1))
        else await router.dispatch(ctx)
      }
      await run(0)
    } catch (error) {
      ctx.fail(error)
    }
  }

  const server = createServer((req, res) => void handle(req, res))
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('clientError', (_err, socket) => socket.destroy())

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('No TCP address')
  const url = `http://127.0.0.1:${address.port}`
  site.portal = makePortal(url, options.timeZoneOffsetMinutes ?? 0)

  const { directory } = state
  let closing: Promise<void> | undefined

  return {
    url,
    adminKey: directory.createApiKey(directory.admin.id),
    userKey: directory.createApiKey(directory.user.id),
    authToken: directory.issueToken(directory.admin.id).token,
    state,
    requests,
    get openRequests() {
      return openRequests
    },
    seed: seedIds,
    router,
    route: (method, pattern, handler, routeOptions) =>
      router.route(method, pattern, handler, routeOptions),
    use: (middleware) => void middlewares.push(middleware),
    setLatency: (ms) => void (latencyMs = checkLatency(ms)),
    get latencyMs() {
      return latencyMs
    },
    faults,
    rateLimiter,
    addFolder: (input) => state.addFolder(input),
    addRoom: (input) => state.addRoom(input),
    addFile: (input) => state.addFile(input),
    addLink: (entry, link) => state.addLink(entry, link),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }).then(() => faults.close())
      return closing
    }
  }
}
