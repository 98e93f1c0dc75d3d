// `npm run typecheck`: one type-check of everything (tsconfig.test.json) with `tsc -b`, which records what
// it checked under node_modules/.cache and skips the check while nothing it reads has changed. tsc leaves
// that record as it was when a check finds nothing new, so a tsconfig file touched without a change (a
// checkout does that) would make every later run check again: the record's time is brought forward
// after each successful check.
import { spawnSync } from 'node:child_process'
import { existsSync, utimesSync } from 'node:fs'
import { join } from 'node:path'

const RECORD = join('node_modules', '.cache', 'tsc', 'tsbuildinfo')
const tsc = join('node_modules', 'typescript', 'bin', 'tsc')
const { status } = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.test.json'], {
  stdio: 'inherit'
})
if (status === 0 && existsSync(RECORD)) {
  const now = new Date()
  utimesSync(RECORD, now, now)
}
process.exit(status ?? 1)
