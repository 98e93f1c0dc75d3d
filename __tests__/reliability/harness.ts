// Runs one operation in-process against an emulator, the way main.ts does, and keeps what it logged, what
// it returned and the message it failed with: the outcome a fault-matrix case is judged on.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import { DocSpaceClient } from '../../src/docspace/client.js'
import type { GitHubRun } from '../../src/github/event.js'
import { getInputs } from '../../src/inputs.js'
import type { Logger } from '../../src/log.js'
import type { OperationResult } from '../../src/result.js'
import { runUpload } from '../../src/operations/upload.js'
import { inputEnv } from '../../scripts/run-action.mjs'
import { testClock, type TestClock } from '../helpers/clock.js'
import { runWith } from '../helpers/operation.js'

export type Inputs = Record<string, string | number | boolean | undefined>

export interface LogLine {
  level: 'debug' | 'info' | 'warning' | 'notice'
  message: string
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = []
  const keep = (level: LogLine['level']) => (message: string) => void lines.push({ level, message })
  return {
    lines,
    debug: keep('debug'),
    info: keep('info'),
    warning: keep('warning'),
    notice: keep('notice'),
    startGroup: () => undefined,
    endGroup: () => undefined
  }
}

export interface Outcome {
  /** The operation returned without failures. */
  ok: boolean
  result?: OperationResult
  /** What the step would fail with: the thrown message, or the failures the result carries. */
  message: string
  thrown?: unknown
  log: LogLine[]
  /** The waits the client asked for between attempts (they passed at once). */
  waits: number[]
}

/** Where `upload` runs: a workspace and the run's GitHub context, with small sizes for the chunked path. */
export interface UploadSite {
  workspace: string
  chunkSize?: number
  simpleLimit?: number
}

const NO_RELEASE: GitHubRun = { apiUrl: 'http://127.0.0.1:9', eventName: 'push' }

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Runs the operation; never throws: a failure is part of the outcome. */
export async function attempt(
  emulator: Emulator,
  inputs: Inputs,
  upload?: UploadSite,
  clock: TestClock = testClock()
): Promise<Outcome> {
  const log = recordingLogger()
  try {
    let result: OperationResult
    if (upload) {
      const env = inputEnv({ 'portal-url': emulator.url, 'api-key': emulator.adminKey, ...inputs })
      const request = getInputs(env)
      const client = new DocSpaceClient(request.connection, log, {
        sleep: clock.sleep,
        now: clock.now
      })
      result = await runUpload(
        request,
        { client, log, now: () => new Date() },
        { github: NO_RELEASE, ...upload }
      )
    } else {
      result = await runWith(emulator, inputs, { log, clock })
    }
    const failures = result.failures ?? []
    return {
      ok: failures.length === 0,
      result,
      message: failures.join('; '),
      log: log.lines,
      waits: clock.waits
    }
  } catch (error) {
    return {
      ok: false,
      message: messageOf(error),
      thrown: error,
      log: log.lines,
      waits: clock.waits
    }
  }
}

/** A scratch workspace for uploads, removed by the returned function. */
export function scratchWorkspace(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'reliability-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** Writes `files` (name → content) into a fresh directory of the workspace; returns its name. */
export function workspaceFiles(workspace: string, files: Record<string, string | Buffer>): string {
  const dir = `case-${Math.random().toString(36).slice(2, 10)}`
  mkdirSync(join(workspace, dir))
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(workspace, dir, name), content)
  return dir
}

/** Requests the emulator saw for one method and path (query ignored). */
export function requestsTo(emulator: Emulator, method: string, path: string | RegExp): number {
  return emulator.requests.filter(
    (r) =>
      r.method === method && (typeof path === 'string' ? r.path.includes(path) : path.test(r.path))
  ).length
}
