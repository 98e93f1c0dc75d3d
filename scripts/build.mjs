// Builds the committed bundles with ncc: the action (dist/index.js) and the emulator that the demo and the
// end-to-end tests start (dist/emulator/index.js). With --check it builds into a temporary folder and fails
// when the committed dist/ differs from what the source builds now.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  existsSync
} from 'node:fs'
import { join, relative } from 'node:path'
import { tmpdir } from 'node:os'

// The action's bundle carries the licences of the third-party code it holds (dist/licenses.txt).
const bundles = [
  { entry: 'src/index.ts', out: '', extra: ['--license', 'licenses.txt'] },
  { entry: 'emulator/cli.ts', out: 'emulator', extra: [] }
]
const check = process.argv.includes('--check')
// Built aside and swapped in only when every bundle built, so a failed build leaves dist/ as it was.
const root = mkdtempSync(join(tmpdir(), 'dist-build-'))
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

try {
  await Promise.all(
    bundles.map(({ entry, out, extra }) =>
      promisify(execFile)(
        process.execPath,
        [ncc, 'build', entry, '-o', join(root, out), '--quiet', ...extra],
        {
          maxBuffer: 64 * 1024 * 1024
        }
      )
    )
  )
} catch (error) {
  rmSync(root, { recursive: true, force: true })
  console.error(`The build failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`)
  process.exit(1)
}

function files(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

if (!check) {
  rmSync('dist', { recursive: true, force: true })
  cpSync(root, 'dist', { recursive: true })
  rmSync(root, { recursive: true, force: true })
} else {
  const built = files(root)
    .map((f) => relative(root, f))
    .sort()
  const committed = files('dist')
    .map((f) => relative('dist', f))
    .sort()
  const differ = [...new Set([...built, ...committed])].filter(
    (f) =>
      !built.includes(f) ||
      !committed.includes(f) ||
      !readFileSync(join(root, f)).equals(readFileSync(join('dist', f)))
  )
  rmSync(root, { recursive: true, force: true })
  if (differ.length > 0) {
    console.error(
      `dist/ does not match the source; run \`npm run build\`. Differs: ${differ.join(', ')}`
    )
    process.exit(1)
  }
  console.log('dist/ matches the source')
}
