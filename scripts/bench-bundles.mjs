// What the sweep benchmarks run: the action bundle (this checkout's dist/, or BENCH_DIST=<folder> for one
// built elsewhere) against this checkout's emulator bundle, whichever action bundle is measured.
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { ACTION_ENTRY, runAction } from './run-action.mjs'

export const entry = process.env.BENCH_DIST
  ? join(resolve(process.env.BENCH_DIST), 'index.js')
  : ACTION_ENTRY

const emulatorModule = join(ACTION_ENTRY, '..', '..', 'emulator', 'dist', 'index.js')
export const emulatorBundle = await import(pathToFileURL(emulatorModule).href)

/** `2026-12-07T13:00:00Z`: the seconds the action's title tags carry. */
export const isoSeconds = (date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * One `sweep` step against the emulator, timed from start to exit, with the emulator's limiter off and the
 * ceiling raised so that the pool itself is measured: the run and the requests the emulator served for it.
 */
export async function timedSweep(emulator, inputs, timeoutMs) {
  const mark = emulator.requests.length
  const started = performance.now()
  const run = await runAction({
    entry,
    timeoutMs,
    inputs: {
      operation: 'sweep',
      'portal-url': emulator.url,
      'api-key': emulator.adminKey,
      'requests-per-minute': 60000,
      ...inputs
    }
  })
  return { run, wallMs: performance.now() - started, served: emulator.requests.slice(mark) }
}
