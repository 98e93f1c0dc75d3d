// Builds the committed bundles with ncc: the action (dist/, entry dist/index.js, with the licences of the
// third-party code it holds in dist/licenses.txt) and, outside the action's folder, the emulator that the
// demo, the benchmarks and the end-to-end tests start (emulator/dist/index.js) and the maintainers'
// contract script (contract/dist/index.js). With --check it builds into a temporary folder and fails when a
// committed bundle differs from what the source builds now, or when the action's files under dist/ exceed
// the size budget. A check of a tree that a successful build or check has seen before (the same source,
// lockfile and committed bundles, by content) is not repeated: the developer loop runs it on every
// `npm test`. A clean clone has no record and always builds.
import { createHash } from 'node:crypto'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  existsSync,
  mkdirSync,
  writeFileSync
} from 'node:fs'
import { join, relative } from 'node:path'
import { tmpdir } from 'node:os'

const bundles = [
  { entry: 'src/index.ts', out: 'dist', extra: ['--license', 'licenses.txt'] },
  { entry: 'emulator/cli.ts', out: join('emulator', 'dist'), extra: [] },
  { entry: 'contract/cli.ts', out: join('contract', 'dist'), extra: [] }
]
// What a run loads from disk is kept small: the action's files under dist/ stay under 1 MiB in total. The
// release-notes chunks (octokit, loaded only with `release-notes: true`) are left out of that figure and
// reported on a line of their own.
const ACTION_BUDGET_BYTES = 1024 * 1024
const check = process.argv.includes('--check')
const RECORD = join('node_modules', '.cache', 'check-dist', 'record.json')

/** A digest of the files a build reads (or, with `outputs`, the bundles it wrote), by path and content. */
function digest(outputs) {
  const hash = createHash('sha256')
  const bundleDirs = bundles.map(({ out }) => out)
  const inputs = () =>
    [
      ...['src', 'emulator', 'contract'].flatMap((dir) =>
        files(dir).filter((f) => !bundleDirs.some((out) => f.startsWith(out + '/')))
      ),
      ...['package.json', 'package-lock.json', 'tsconfig.json', join('scripts', 'build.mjs')]
    ].filter((f) => existsSync(f))
  const list = outputs ? bundleDirs.flatMap((dir) => files(dir)) : inputs()
  for (const file of list.sort()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(file))
  }
  return hash.digest('hex')
}

function readRecord() {
  try {
    return JSON.parse(readFileSync(RECORD, 'utf8'))
  } catch {
    return undefined
  }
}

// The source as the build reads it, taken before it starts.
const inputsDigest = digest(false)

function writeRecord(lines) {
  mkdirSync(join('node_modules', '.cache', 'check-dist'), { recursive: true })
  writeFileSync(RECORD, JSON.stringify({ inputs: inputsDigest, outputs: digest(true), lines }))
}

if (check) {
  const record = readRecord()
  if (record && record.inputs === inputsDigest && record.outputs === digest(true)) {
    console.log(
      'dist/, emulator/dist/ and contract/dist/ match the source (unchanged since the last build or check)'
    )
    for (const line of record.lines) console.log(line)
    process.exit(0)
  }
}
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

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`
}

/** The chunk files that `import(/* webpackChunkName: "github" *\/ ...)` loads, as webpack names them. */
function gitHubChunks() {
  const chunks = new Set()
  for (const file of files(join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
    for (const [, list] of readFileSync(file, 'utf8').matchAll(
      /\/\* import\(\) \| github \*\/\[([^\]]*)\]/g
    )) {
      for (const [, id] of list.matchAll(/\.e\((\d+)\)/g))
        chunks.add(join(root, 'dist', `${id}.index.js`))
    }
  }
  return chunks
}

/** The action's files under dist/ and their total size, from the folder just built, without the release-notes chunks. */
function actionSize() {
  const github = gitHubChunks()
  const sizeOf = (list) => list.reduce((sum, file) => sum + statSync(file).size, 0)
  const built = files(join(root, 'dist'))
  const counted = built.filter((f) => !github.has(f))
  const apart = built.filter((f) => github.has(f))
  return {
    count: counted.length,
    total: sizeOf(counted),
    github: { count: apart.length, total: sizeOf(apart) }
  }
}

/** Modules that more than one file of the action's bundle carries: shared code belongs in one chunk. */
function duplicatedModules() {
  const holders = new Map()
  for (const file of files(join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
    for (const [, id] of readFileSync(file, 'utf8').matchAll(/^\/\*{3}\/ (\d+):$/gm)) {
      holders.set(id, [...(holders.get(id) ?? []), relative(join(root, 'dist'), file)])
    }
  }
  return [...holders].filter(([, where]) => where.length > 1)
}

const size = actionSize()
const duplicated = duplicatedModules()
const sizeLine = `dist/: ${size.count} files, ${kib(size.total)} (budget ${kib(ACTION_BUDGET_BYTES)})`
const gitHubLine = `dist/ release-notes chunks (octokit, outside the budget): ${size.github.count} files, ${kib(size.github.total)}`

/** What is wrong with the action's bundle, whatever the source: code bundled twice, or over the budget. */
function bundleProblems() {
  const problems = duplicated.map(
    ([id, where]) =>
      `module ${id} is bundled in ${where.join(', ')}: load shared code through one chunk`
  )
  if (size.total > ACTION_BUDGET_BYTES) {
    problems.push(`the action's files under dist/ take ${kib(size.total)}, over the budget`)
  }
  return problems
}

let failed = false
const problems = bundleProblems()
if (!check) {
  for (const { out } of bundles) {
    rmSync(out, { recursive: true, force: true })
    cpSync(join(root, out), out, { recursive: true })
  }
  rmSync(root, { recursive: true, force: true })
  if (problems.length === 0) writeRecord([sizeLine, gitHubLine])
} else {
  const differ = bundles.flatMap(({ out }) => {
    const built = files(join(root, out)).map((f) => relative(root, f))
    const committed = files(out)
    return [...new Set([...built, ...committed])]
      .filter(
        (f) =>
          !built.includes(f) ||
          !committed.includes(f) ||
          !readFileSync(join(root, f)).equals(readFileSync(f))
      )
      .sort()
  })
  rmSync(root, { recursive: true, force: true })
  if (differ.length > 0) {
    console.error(
      `The committed bundles do not match the source; run \`npm run build\`. Differs: ${differ.join(', ')}`
    )
    failed = true
  } else {
    console.log('dist/, emulator/dist/ and contract/dist/ match the source')
    if (problems.length === 0) writeRecord([sizeLine, gitHubLine])
  }
}
console.log(sizeLine)
console.log(gitHubLine)
for (const problem of problems) {
  console.error(`The bundle is not as it should be: ${problem}`)
  failed = true
}
if (failed) process.exit(1)
