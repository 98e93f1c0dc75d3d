// What the sweep benchmarks run: the action bundle (this checkout's dist/, or BENCH_DIST=<folder> for one
// built elsewhere) against this checkout's emulator bundle, whichever action bundle is measured.
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ACTION_ENTRY } from './run-action.mjs'

export const entry = process.env.BENCH_DIST
  ? join(resolve(process.env.BENCH_DIST), 'index.js')
  : ACTION_ENTRY

const emulatorModule = join(ACTION_ENTRY, '..', '..', 'emulator', 'dist', 'index.js')
export const emulatorBundle = await import(pathToFileURL(emulatorModule).href)

/** `2026-12-07T13:00:00Z`: the seconds the action's title tags carry. */
export const isoSeconds = (date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')
