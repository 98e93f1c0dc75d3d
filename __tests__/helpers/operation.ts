// Runs one operation in-process against an emulator, the way main.ts does, from runner-style inputs.
import { getInputs } from '../../src/inputs.js'
import { DocSpaceClient } from '../../src/docspace/client.js'
import { silentLogger, type Logger } from '../../src/log.js'
import { runOperation } from '../../src/operations/index.js'
import type { OperationResult } from '../../src/result.js'
import type { OperationContext } from '../../src/context.js'
import { inputEnv } from '../../scripts/run-action.mjs'
import { testClock, type TestClock } from './clock.js'

export interface EmulatorLike {
  url: string
  adminKey: string
}

export async function runWith(
  emulator: EmulatorLike,
  inputs: Record<string, string | number | boolean | undefined>,
  options: {
    log?: Logger
    now?: () => Date
    clock?: TestClock
    pacing?: OperationContext['pacing']
  } = {}
): Promise<OperationResult> {
  const env = inputEnv({ 'portal-url': emulator.url, 'api-key': emulator.adminKey, ...inputs })
  const request = getInputs(env, options.now ? options.now() : new Date())
  const log = options.log ?? silentLogger
  const clock = options.clock ?? testClock()
  const client = new DocSpaceClient(request.connection, log, { sleep: clock.sleep, now: clock.now })
  return runOperation(request, {
    client,
    log,
    now: options.now ?? (() => new Date()),
    pacing: options.pacing
  })
}

/** A Logger that keeps what it is told, one `level: message` line each, for assertions. */
export function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: () => undefined,
    info: (m) => void lines.push(`info: ${m}`),
    warning: (m) => void lines.push(`warning: ${m}`),
    notice: (m) => void lines.push(`notice: ${m}`),
    startGroup: (n) => void lines.push(`group: ${n}`),
    endGroup: () => void lines.push('endgroup')
  }
}
