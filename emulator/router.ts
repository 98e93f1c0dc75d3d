// A small router: area modules register their routes from their own files; middlewares run before
// routing and may answer (or drop) a request instead of passing it on.
import type { RequestContext } from './context.js'
import type { Reply } from './http.js'
import { ApiError, Unauthorized } from './http.js'

/** Returns the reply to write, or nothing when it wrote the response itself through `ctx.res`. */
export type Handler = (ctx: RequestContext) => Promise<Reply | void> | Reply | void

/** Calls `next()` to go on to routing (and later middlewares); answers via `ctx.send` otherwise. */
export type Middleware = (ctx: RequestContext, next: () => Promise<void>) => Promise<void> | void

export interface RouteOptions {
  /** Served without credentials (the server's [AllowAnonymous]). */
  anonymous?: boolean
}

/** A module that adds the routes of one API area. */
export type RouteArea = (router: Router) => void

type Segment = { literal: string } | { param: string; int: boolean }

interface Route {
  method: string
  pattern: string
  segments: Segment[]
  handler: Handler
  options: RouteOptions
}

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const m = /^\{(\w+)(:int)?\}$/.exec(part)
      return m ? { param: m[1], int: m[2] !== undefined } : { literal: part.toLowerCase() }
    })
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const seg = segments[i]
    const part = parts[i]
    if ('literal' in seg) {
      // ASP.NET routes ignore case.
      if (seg.literal !== part.toLowerCase()) return undefined
    } else {
      if (seg.int && !/^-?\d{1,10}$/.test(part)) return undefined
      params[seg.param] = part
    }
  }
  return params
}

export class Router {
  private readonly routes: Route[] = []

  /**
   * Registers `handler` for `method` and a path pattern such as `/api/2.0/files/file/{id:int}/links`
   * (`{name}` matches one segment, `{name:int}` only an integer). The first registered match wins.
   */
  route(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): void {
    this.routes.push({
      method: method.toUpperCase(),
      pattern,
      segments: parsePattern(pattern),
      handler,
      options
    })
  }

  /** Routes served, for diagnostics. */
  list(): { method: string; pattern: string }[] {
    return this.routes.map(({ method, pattern }) => ({ method, pattern }))
  }

  /** Runs the matching route: 404 for an unknown path, 405 for a known path with another method. */
  async dispatch(ctx: RequestContext): Promise<void> {
    const parts = ctx.path
      .split('/')
      .filter(Boolean)
      .map((p) => safeDecode(p))
    let pathKnown = false
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts)
      if (!params) continue
      pathKnown = true
      if (route.method !== ctx.method) continue
      ctx.params = params
      if (!route.options.anonymous && !ctx.user) throw new Unauthorized()
      const reply = await route.handler(ctx)
      if (reply) ctx.send(reply)
      return
    }
    if (pathKnown) {
      ctx.send({ kind: 'raw', statusCode: 405 })
      return
    }
    throw new ApiError(404, `No route for ${ctx.method} ${ctx.path}`, null, 0)
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
