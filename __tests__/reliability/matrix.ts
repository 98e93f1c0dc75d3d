// The fault matrix: every fault the emulator can inject, applied in turn to each request an operation
// makes (a "phase"), with the outcome the action must reach. Each operation's test file describes its
// phases and its state checks; this module crosses them with the faults and runs every case on its own
// emulator, so that cases can run concurrently without sharing a fault queue or a request log.
import { expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import type { FaultSpec } from '../../emulator/faults.js'
import type { Outcome } from './harness.js'

/** Inputs every matrix case runs with: fast timeouts, and 3 attempts per request. */
export const FAST = { 'max-retries': 2, 'request-timeout': 0.4 } as const
export const ATTEMPTS = 3

/**
 * How a request may be repeated. `read`: always. `idempotent`: a PUT by link id. `create`: never blindly:
 * after an ambiguous failure the operation looks for what the first try made (create-link by title).
 * `upload`: likewise, by file name (the simple upload; starting a session is retried like a read). `chunk`: a chunk of an upload
 * session, which cannot be repeated (the portal appends it) and fails the upload instead.
 */
export type PhaseKind = 'read' | 'idempotent' | 'create' | 'upload' | 'chunk'

export interface Phase {
  /** `read links`, `revoke PUT`… */
  name: string
  kind: PhaseKind
  method: string
  path: string | RegExp
  /** Matching requests let through before the faulted one. */
  skip?: number
  /** Outcomes that differ for this phase, by fault id (e.g. a 403 of the audit trail is not fatal). */
  overrides?: Record<string, Expected>
}

export type Expected =
  /** `warning`: a warning line that must have been logged (the retry, or the check before a retry). */
  | { outcome: 'recovers'; warning?: RegExp }
  /** `attempts`: requests the faulted endpoint received. */
  | { outcome: 'fails'; message: RegExp; attempts?: number }

export interface FaultCase {
  id: string
  /** What the README table calls it. */
  label: string
  spec: Omit<FaultSpec, 'method' | 'path' | 'skip'>
  expect(kind: PhaseKind): Expected
}

/** How a fault shows: in the retry warning, and in the error (or the warning quoting it). */
interface Reason {
  retry: RegExp
  error: RegExp
}

function join(...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((p) => p.source).join('.*'))
}

const SECOND_ATTEMPT = /\(attempt 2 of 3\)/
const CHECKED = /may or may not have worked/
const NOT_REPEATED = /not repeated/

// Timeouts, resets and gateway errors may have reached the portal: a read or an idempotent write is
// repeated, a creation is looked up first and then tried again, a chunk fails the upload.
function maybeDone(reason: Reason): (kind: PhaseKind) => Expected {
  return (kind) => {
    switch (kind) {
      case 'read':
      case 'idempotent':
        return { outcome: 'recovers', warning: join(reason.retry, SECOND_ATTEMPT) }
      case 'create':
        return { outcome: 'recovers', warning: join(CHECKED, reason.error) }
      case 'upload':
        return { outcome: 'recovers', warning: reason.error }
      case 'chunk':
        return { outcome: 'fails', message: join(reason.error, NOT_REPEATED), attempts: 1 }
    }
  }
}

// A 2xx whose body cannot be read: never repeated as such, but for a creation the portal may have made
// the thing, so it is looked up (and made when it is not there).
function unreadable(message: RegExp): (kind: PhaseKind) => Expected {
  return (kind) =>
    kind === 'create'
      ? { outcome: 'recovers', warning: join(CHECKED, message) }
      : kind === 'upload'
        ? { outcome: 'recovers', warning: message }
        : { outcome: 'fails', message, attempts: 1 }
}

function final(message: RegExp, attempts = 1): () => Expected {
  return () => ({ outcome: 'fails', message, attempts })
}

const TIMED_OUT: Reason = {
  retry: /timed out after 0\.4 s/,
  error: /no complete answer within 0\.4 s/
}
const RESET: Reason = { retry: /reset|closed/, error: /reset|closed/ }

export const FAULTS: FaultCase[] = [
  {
    id: '429',
    label: '429 with `Retry-After: 0` (once)',
    spec: { kind: 'status', status: 429, retryAfter: 0 },
    expect: () => ({
      outcome: 'recovers',
      warning: join(/HTTP 429, retrying in 0\.0 s/, SECOND_ATTEMPT)
    })
  },
  {
    id: '503',
    label: '503 with `Retry-After: 0` (once)',
    spec: { kind: 'status', status: 503, retryAfter: 0 },
    expect: () => ({
      outcome: 'recovers',
      warning: join(/HTTP 503, retrying in 0\.0 s/, SECOND_ATTEMPT)
    })
  },
  {
    id: '503-backoff',
    label: '503 without `Retry-After` (once)',
    spec: { kind: 'status', status: 503 },
    expect: () => ({
      outcome: 'recovers',
      warning: join(/HTTP 503, retrying in 0\.\d s/, SECOND_ATTEMPT)
    })
  },
  {
    id: '502',
    label: '502 (once)',
    spec: { kind: 'status', status: 502 },
    expect: maybeDone({ retry: /HTTP 502, retrying in/, error: /HTTP 502/ })
  },
  {
    id: '504-handled',
    label: '504 after the portal carried the request out (once)',
    spec: { kind: 'status', status: 504, handled: true },
    expect: maybeDone({ retry: /HTTP 504, retrying in/, error: /HTTP 504/ })
  },
  {
    id: 'reset-before',
    label: 'connection reset before the request is handled',
    spec: { kind: 'reset-before' },
    expect: maybeDone(RESET)
  },
  {
    id: 'reset-after',
    label: 'connection reset after the request took effect (answer lost)',
    spec: { kind: 'reset-after' },
    expect: maybeDone(RESET)
  },
  {
    id: 'hang-up',
    label: 'socket hang-up after the request took effect',
    spec: { kind: 'reset-after', hangUp: true },
    expect: maybeDone(RESET)
  },
  {
    id: 'stall',
    label: 'body stalls mid-way after the request took effect',
    spec: { kind: 'stall' },
    expect: maybeDone(TIMED_OUT)
  },
  {
    id: 'stall-headers',
    label: 'no answer at all',
    spec: { kind: 'stall-headers' },
    expect: maybeDone(TIMED_OUT)
  },
  {
    id: '503x3',
    label: '503 on every attempt',
    spec: { kind: 'status', status: 503, retryAfter: 0, count: ATTEMPTS },
    expect: final(/HTTP 503.*gave up after 3 attempts/, ATTEMPTS)
  },
  {
    id: 'html',
    label: '200 with an HTML sign-in page',
    spec: { kind: 'html' },
    expect: unreadable(/answered HTTP 200 with an HTML page/)
  },
  {
    id: 'truncated-json',
    label: '200 with truncated JSON',
    spec: { kind: 'truncated-json' },
    expect: unreadable(/answered HTTP 200 with malformed or truncated JSON/)
  },
  {
    id: 'envelope-error',
    label: '200 with an error envelope (`status: 1`, `error`)',
    spec: { kind: 'envelope-error', message: 'Injected failure' },
    expect: final(/answered HTTP 200 but reported an error: Injected failure/)
  },
  {
    id: 'redirect',
    label: '302 to another origin',
    spec: { kind: 'redirect' },
    expect: final(
      /redirected \(HTTP 302\) to another origin, http:\/\/127\.0\.0\.1:\d+, and the credentials are not sent there/
    )
  },
  {
    id: '500',
    label: '500',
    spec: { kind: 'status', status: 500 },
    expect: final(/failed with HTTP 500/)
  },
  ...[400, 401, 402, 403, 404, 415].map((status): FaultCase => ({
    id: String(status),
    label: String(status),
    spec: { kind: 'status', status },
    expect: final(status === 404 ? /HTTP 404|was not found/ : new RegExp(`HTTP ${status}`))
  }))
]

export interface Fixture {
  /** Runs the operation. */
  run(): Promise<Outcome>
  /** The state once the operation succeeded. */
  done(outcome: Outcome): void
  /** The state after the operation failed in this phase (nothing beyond what was asked). */
  failed(outcome: Outcome): void
  /** What holds after every case: no duplicate, nothing outside the policy lost, no file deleted. */
  invariants(): void
  /** Called once the case is over. */
  cleanup?(): void
}

export interface Scenario {
  operation: string
  phases: Phase[]
  setup(emulator: Emulator): Promise<Fixture> | Fixture
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function settled(emulator: Emulator): Promise<void> {
  for (let waited = 0; emulator.openRequests > 0 && waited < 5_000; waited += 10) await pause(10)
}

// Requests the fault's match caught, from the one it was meant for on: method, path and query.
function requestsMatching(emulator: Emulator, phase: Phase): number {
  const matching = emulator.requests.filter((r) => {
    if (r.method !== phase.method) return false
    const search = new URLSearchParams(r.query).toString()
    const target = search === '' ? r.path : `${r.path}?${search}`
    if (typeof phase.path === 'string') return target.includes(phase.path)
    phase.path.lastIndex = 0
    return phase.path.test(target)
  })
  return matching.length - (phase.skip ?? 0)
}

export async function runCase(scenario: Scenario, phase: Phase, fault: FaultCase): Promise<void> {
  const emulator = await startEmulator()
  let fixture: Fixture | undefined
  try {
    fixture = await scenario.setup(emulator)
    const [queued] = emulator.faults.add({
      ...fault.spec,
      method: phase.method,
      path: phase.path,
      skip: phase.skip
    })
    const outcome = await fixture.run()
    // The emulator logs a request when its connection closes, which can trail the client's view (by
    // more than a moment on a busy machine): wait for the last one, within a bound.
    await settled(emulator)
    const expected = phase.overrides?.[fault.id] ?? fault.expect(phase.kind)
    const context = `${scenario.operation} / ${phase.name} / ${fault.id}: ${outcome.message}`
    // Every case really met its fault: a phase that never happens would prove nothing.
    expect({ context, hits: queued.hits }).toEqual({ context, hits: fault.spec.count ?? 1 })
    // Never a crash: whatever failed is an Error with a message, not a TypeError from a bad body.
    if (outcome.thrown !== undefined) {
      expect(outcome.thrown).toBeInstanceOf(Error)
      expect((outcome.thrown as Error).name).not.toMatch(/^(TypeError|SyntaxError|RangeError)$/)
    }
    if (expected.outcome === 'recovers') {
      expect({ context, ok: outcome.ok }).toEqual({ context, ok: true })
      fixture.done(outcome)
      if (expected.warning) {
        const warnings = outcome.log.filter((l) => l.level === 'warning').map((l) => l.message)
        const logged = warnings.some((w) => expected.warning!.test(w))
        expect({ context, warnings, logged }).toMatchObject({ logged: true })
      }
    } else {
      expect({ context, ok: outcome.ok }).toEqual({ context, ok: false })
      expect(outcome.message).toMatch(expected.message)
      // The message is one clear line: no stack trace, no HTML.
      expect(outcome.message).not.toMatch(/\n\s+at |<html|<!DOCTYPE/i)
      if (expected.attempts !== undefined) {
        expect({ context, attempts: requestsMatching(emulator, phase) }).toEqual({
          context,
          attempts: expected.attempts
        })
      }
      fixture.failed(outcome)
    }
    // A redirect is never followed to another origin, so the recorder never sees the credentials.
    expect(emulator.faults.recorder.requests).toEqual([])
    // Nothing in the action deletes: DocSpace's delete endpoints are never called.
    expect(emulator.requests.filter((r) => r.method === 'DELETE')).toEqual([])
    fixture.invariants()
  } finally {
    fixture?.cleanup?.()
    await emulator.close()
  }
}

/** Registers every phase × fault case of a scenario (concurrent: each has its own emulator). */
export function defineMatrix(scenario: Scenario): void {
  for (const phase of scenario.phases) {
    for (const fault of FAULTS) {
      it.concurrent(`${phase.name} × ${fault.label}`, () => runCase(scenario, phase, fault))
    }
  }
}
