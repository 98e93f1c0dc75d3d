// The audit trail: GET /api/2.0/security/audit/events/filter with the server's filter semantics, which
// are not what its parameter names suggest (as the DocSpace server's AuditEventsRepository applies them):
// - `action` given (≠ 0): only that action, and `target` must equal the stored target exactly;
//   `moduleType`/`actionType` are then ignored.
// - otherwise the actions come from `moduleType`/`actionType`/`entryType`, and `target` applies only
//   together with `entryType`, as a substring (`12` also finds `123`). `target` alone is ignored.
// - `from`/`to` inclusive; newest first; `count` 1–100; the envelope's count is the number returned.
// Only portal admins may read it (403 otherwise). Without the plan's Audit option every parameter,
// paging included, is ignored and the last 20 events come back.
import type { RequestContext } from '../context.js'
import type { Router } from '../router.js'
import type { JournalEvent } from '../state.js'
import { ApiError, ValidationError, ok } from '../http.js'
import { EMPTY_GUID, paging } from '../binding.js'
import { parseApiDate } from '../dates.js'
import { auditEventDto, auditSettings, classify, messageActionOf } from '../audit-journal.js'

/** What a portal without the Audit option answers, and what `events/last` gives. */
export const LAST_EVENTS = 20

const GUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i

const accessDenied = (): ApiError =>
  new ApiError(403, 'Access denied', 'System.Security.SecurityException', -2146233078)

interface NumberedEvent {
  id: number
  event: JournalEvent
}

interface AuditFilter {
  userId?: string
  moduleType: number
  actionType: number
  action: number
  entryType: number
  target?: string
  from?: Date
  to?: Date
}

// Enum parameters bind from a number or a member name; anything else is a validation error.
function readFilter(query: Record<string, string>): AuditFilter {
  const errors: Record<string, string[]> = {}
  const int = (name: string): number => {
    const text = query[name]
    if (text === undefined || text.trim() === '') return 0
    if (/^\s*-?\d+\s*$/.test(text)) return Number(text)
    errors[name] = [`The value '${text}' is not valid for ${name}.`]
    return 0
  }
  const date = (name: string): Date | undefined => {
    const text = query[name]
    if (text === undefined || text.trim() === '') return undefined
    const parsed = parseApiDate(text)
    if (!parsed) errors[name] = [`The value '${text}' is not valid for ${name}.`]
    return parsed
  }
  let action = 0
  if (query.action !== undefined && query.action.trim() !== '') {
    const parsed = messageActionOf(query.action)
    if (parsed === undefined)
      errors.action = [`The value '${query.action}' is not valid for action.`]
    else action = parsed
  }
  let userId: string | undefined
  if (query.userId !== undefined && query.userId.trim() !== '') {
    const m = GUID.exec(query.userId.trim())
    if (!m) errors.userId = [`The value '${query.userId}' is not valid for userId.`]
    else userId = m.slice(1).join('-').toLowerCase()
  }
  const filter: AuditFilter = {
    userId: userId === EMPTY_GUID ? undefined : userId,
    moduleType: int('moduleType'),
    actionType: int('actionType'),
    action,
    entryType: int('entryType'),
    target: query.target === undefined || query.target === '' ? undefined : query.target,
    from: date('from'),
    to: date('to')
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors)
  return filter
}

/** The journal numbered in the order events were recorded: ids never change. */
function numbered(events: readonly JournalEvent[]): NumberedEvent[] {
  return events.map((event, i) => ({ id: i + 1, event }))
}

// Seeded events may be recorded out of time order, so the order is by time, then by id.
function newestFirst(events: NumberedEvent[]): NumberedEvent[] {
  return events.sort((a, b) => b.event.at.getTime() - a.event.at.getTime() || b.id - a.id)
}

function storedTarget(event: JournalEvent): string {
  return event.target.join(',')
}

function applyFilter(events: NumberedEvent[], filter: AuditFilter): NumberedEvent[] {
  return events.filter(({ event }) => {
    if (filter.action !== 0) {
      if (event.actionId !== filter.action) return false
      if (filter.target !== undefined && storedTarget(event) !== filter.target) return false
    } else {
      const kind = classify(event)
      if (filter.moduleType !== 0 && kind.location !== filter.moduleType) return false
      if (filter.actionType !== 0 && kind.actionType !== filter.actionType) return false
      if (filter.entryType !== 0) {
        if (kind.entry !== filter.entryType) return false
        if (filter.target !== undefined && !storedTarget(event).includes(filter.target))
          return false
      }
    }
    if (filter.userId !== undefined && event.userId.toLowerCase() !== filter.userId) return false
    if (filter.from && event.at.getTime() < filter.from.getTime()) return false
    if (filter.to && event.at.getTime() > filter.to.getTime()) return false
    return true
  })
}

function requireAdmin(ctx: RequestContext): void {
  if (!ctx.user?.isAdmin) throw accessDenied()
}

function reply(ctx: RequestContext, events: NumberedEvent[]) {
  return ok(events.map(({ id, event }) => auditEventDto(id, event, ctx.state, ctx.portal)))
}

export function registerAuditRoutes(router: Router): void {
  router.route('GET', '/api/2.0/security/audit/events/filter', (ctx) => {
    requireAdmin(ctx)
    // Model binding runs before the action, so a bad count is refused in either mode.
    const { startIndex, count } = paging(ctx.query)
    const filter = readFilter(ctx.query)
    const all = numbered(ctx.state.journal)
    if (!auditSettings(ctx.state).auditOption) {
      return reply(ctx, newestFirst(all).slice(0, LAST_EVENTS))
    }
    return reply(ctx, newestFirst(applyFilter(all, filter)).slice(startIndex, startIndex + count))
  })

  router.route('GET', '/api/2.0/security/audit/events/last', (ctx) => {
    requireAdmin(ctx)
    return reply(ctx, newestFirst(numbered(ctx.state.journal)).slice(0, LAST_EVENTS))
  })
}
