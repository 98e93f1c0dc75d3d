// `npm run bench:startup`: how long a whole `list-links` step takes, start-up included, next to the
// least a Node process can take to send the same request.
//
// A workflow step is a fresh Node process, so loading the bundle is paid on every run. This starts the
// bundled emulator with one file and one link, then times, as whole processes, on Node 24 (the runtime
// action.yml declares, which the goal is judged on) and Node 20:
//   action   node dist/index.js, operation list-links, inputs as INPUT_* variables as the runner sets them
//   minimal  scripts/bench-startup-minimal.mjs, the same single GET with node:http, body read, in two forms:
//            `import` (a plain ES module script, the baseline the goal was set against) and `require`
//            (node:http loaded as the bundle loads built-ins: the floor, printed beside it)
// The commands take turns, round after round, after a warm-up, and the medians are compared.
//
// Options: --runs N (timed rounds, default 30), --warmup N (default 5).
// Node 24 comes from `npx -y node@24` when the machine's node is another major; so does Node 20.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, URLSearchParams } from 'node:url'
import { startEmulator } from '../emulator/dist/index.js'
import { ACTION_ENTRY, inputEnv, parseOutputFile } from './run-action.mjs'

const MINIMAL_ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'bench-startup-minimal.mjs')
const GOAL_RATIO = 1.3
const GOAL_BYTES = 1024 * 1024
const JUDGED_MAJOR = 24
const MAJORS = [24, 20]
const MAX_RUNS = 1000

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`)
  if (at === -1) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isInteger(value) || value < 1 || value > MAX_RUNS) {
    throw new Error(`--${name} takes a whole number from 1 to ${MAX_RUNS}`)
  }
  return value
}

const runs = option('runs', 30)
const warmup = option('warmup', 5)

/** A node binary of that major: this one, or one npx fetches from the registry. */
function nodeOfMajor(major) {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath
  try {
    const path = execFileSync(
      'npx',
      ['-y', `node@${major}`, '-e', 'process.stdout.write(process.execPath)'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 300_000 }
    )
    return path.trim() || undefined
  } catch {
    return undefined
  }
}

function versionOf(node) {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
}

/** Wall time of one whole process, spawn to exit, in milliseconds. */
function timeProcess(node, entry, env, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(node, [entry], {
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      const elapsed = performance.now() - started
      clearTimeout(timer)
      if (code !== 0) reject(new Error(`${entry} exited with ${code}: ${stderr.trim()}`))
      else resolve(elapsed)
    })
  })
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const ms = (value) => `${value.toFixed(1)} ms`

const emulator = await startEmulator()
const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'))
try {
  const folder = emulator.addFolder({ title: 'Release artifacts' })
  const file = emulator.addFile({ parentId: folder.id, title: 'app-1.0.0.zip', content: 'bytes' })
  emulator.addLink(
    { kind: 'file', id: file.id },
    { title: 'Release 1.0.0', expirationDate: new Date(Date.now() + 30 * 24 * 3600 * 1000) }
  )

  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const actionEnv = {
    ...base,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ...inputEnv({
      operation: 'list-links',
      'portal-url': emulator.url,
      'api-key': emulator.adminKey,
      'file-id': file.id
    })
  }

  // One checked run first: the action must succeed with one request, whose address the minimal script
  // then asks for too.
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const before = emulator.requests.length
  await timeProcess(process.execPath, ACTION_ENTRY, actionEnv)
  const sent = emulator.requests.slice(before)
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  if (sent.length !== 1 || sent[0].status !== 200 || outputs.count !== '1') {
    throw new Error(
      `expected list-links to send one request and list one link, got ${sent.length} request(s) ` +
        `and count=${outputs.count}`
    )
  }
  const query = new URLSearchParams(sent[0].query ?? {}).toString()
  const minimalEnv = {
    ...base,
    BENCH_URL: `${emulator.url}${sent[0].path}${query ? `?${query}` : ''}`,
    BENCH_AUTHORIZATION: `Bearer ${emulator.adminKey}`
  }

  const runtimes = []
  for (const major of MAJORS) {
    const node = nodeOfMajor(major)
    if (node) {
      runtimes.push({ major, node, version: versionOf(node), minimal: [], floor: [], action: [] })
    } else console.warn(`Node ${major} is not available here; it is left out.`)
  }
  if (runtimes.length === 0) throw new Error('no Node runtime to measure')

  const round = async (record) => {
    for (const runtime of runtimes) {
      const minimal = await timeProcess(runtime.node, MINIMAL_ENTRY, minimalEnv)
      const floor = await timeProcess(runtime.node, MINIMAL_ENTRY, minimalEnv, {
        BENCH_LOAD: 'require'
      })
      const action = await timeProcess(runtime.node, ACTION_ENTRY, actionEnv)
      if (record) {
        runtime.minimal.push(minimal)
        runtime.floor.push(floor)
        runtime.action.push(action)
      }
    }
  }
  console.log(`Both send: GET ${sent[0].path}${query ? `?${query}` : ''} (Authorization: Bearer …)`)
  console.log(
    `Timing ${runs} rounds after ${warmup} warm-up rounds: ` +
      `minimal script (import, require) and action, taking turns, medians, on ${runtimes.map((r) => r.version).join(' and ')}`
  )
  for (let i = 0; i < warmup; i++) await round(false)
  for (let i = 0; i < runs; i++) {
    // The output file would otherwise grow by a few kilobytes each run.
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    await round(true)
  }

  const rows = runtimes.map((r) => {
    const minimal = median(r.minimal)
    const floor = median(r.floor)
    const action = median(r.action)
    const ratio = action / minimal
    const judged = r.major === JUDGED_MAJOR
    const verdict = judged
      ? `${ratio <= GOAL_RATIO ? 'met' : 'MISSED'} (goal ≤ ${GOAL_RATIO}×)`
      : 'for comparison'
    return [
      r.version,
      ms(minimal),
      ms(floor),
      ms(action),
      `${ratio.toFixed(2)}×`,
      `${(action / floor).toFixed(2)}×`,
      verdict
    ]
  })
  const head = [
    'runtime',
    'minimal, import',
    'minimal, require',
    'action',
    'action ÷ import',
    'action ÷ require',
    'goal (÷ import)'
  ]
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  console.log()
  console.log(line(head))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) console.log(line(row))

  const bytes = statSync(ACTION_ENTRY).size
  const size = `${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes)`
  console.log(`\ndist/index.js: ${size}, ${bytes < GOAL_BYTES ? 'met' : 'MISSED'} (goal < 1 MiB)`)
  if (!runtimes.some((r) => r.major === JUDGED_MAJOR)) {
    console.log(`Node ${JUDGED_MAJOR} was not available: the start-up goal was not judged.`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
  await emulator.close()
}
