// Builds the committed bundles with ncc: the action (dist/index.js) and the emulator that the demo and the
// end-to-end tests start (dist/emulator/index.js). With --check it builds into a temporary folder and fails
// when the committed dist/ differs from what the source builds now.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { tmpdir } from 'node:os'

const bundles = [
  { entry: 'src/index.ts', out: '' },
  { entry: 'emulator/cli.ts', out: 'emulator' }
]
const check = process.argv.includes('--check')
const root = check ? mkdtempSync(join(tmpdir(), 'dist-check-')) : 'dist'
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

if (!check) rmSync('dist', { recursive: true, force: true })
for (const { entry, out } of bundles) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', join(root, out), '--quiet', '--transpile-only'], {
    stdio: 'inherit'
  })
}

function files(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

if (check) {
  const built = files(root).map((f) => relative(root, f)).sort()
  const committed = files('dist').map((f) => relative('dist', f)).sort()
  const differ = [...new Set([...built, ...committed])].filter(
    (f) =>
      !built.includes(f) ||
      !committed.includes(f) ||
      !readFileSync(join(root, f)).equals(readFileSync(join('dist', f)))
  )
  rmSync(root, { recursive: true, force: true })
  if (differ.length > 0) {
    console.error(`dist/ does not match the source; run \`npm run build\`. Differs: ${differ.join(', ')}`)
    process.exit(1)
  }
  console.log('dist/ matches the source')
}
