// `npm run bench:upload`: uploads a 512 MiB file to the bundled emulator through the bundled action
// (`node dist/index.js`, operation upload: the chunked session, 10 MiB chunks) and, in the same run, the
// same bytes with curl (one multipart request to the simple upload endpoint), then prints the time,
// throughput and peak RSS of each next to the goals. The emulator runs in its own process, so its memory
// is not counted. Not part of `npm test`.
//
// Options (environment): BENCH_SIZE_MIB (default 512), BENCH_ROUNDS (default 2: the fastest round of each
// tool is reported, and the highest peak RSS).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  openSync,
  closeSync,
  writeSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { clearInterval, setInterval } from 'node:timers'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inputEnv } from './run-action.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = join(root, 'dist', 'index.js')
const EMULATOR = join(root, 'emulator', 'dist', 'index.js')
const MiB = 1024 * 1024
const SIZE_MIB = Number(process.env.BENCH_SIZE_MIB ?? 512)
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2))
const GOAL_RSS_MB = 150
const GOAL_RATIO = 0.5
const TIME = '/usr/bin/time'

for (const path of [ACTION, EMULATOR]) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: run \`npm run build\` first`)
    process.exit(1)
  }
}
if (!Number.isInteger(SIZE_MIB) || SIZE_MIB < 1) {
  console.error('BENCH_SIZE_MIB must be a positive whole number')
  process.exit(1)
}

// Real bytes (not a sparse file): 1 MiB of random data, each copy stamped with its index.
function makeFile(path, mib) {
  const block = randomBytes(MiB)
  const fd = openSync(path, 'w')
  try {
    for (let i = 0; i < mib; i++) {
      block.writeUInt32BE(i, 0)
      writeSync(fd, block)
    }
  } finally {
    closeSync(fd)
  }
}

function startEmulatorProcess() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EMULATOR], {
      env: { PATH: process.env.PATH, EMULATOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`the emulator exited early (code ${code})`)))
    child.stdout.on('data', (data) => {
      out += data
      const newline = out.indexOf('\n')
      if (newline >= 0) resolve({ child, info: JSON.parse(out.slice(0, newline)) })
    })
  })
}

// Peak RSS from /usr/bin/time -v when it is there, else from polling VmHWM in /proc (Linux).
function measure(command, args, env) {
  const useTime = existsSync(TIME)
  const [cmd, argv] = useTime ? [TIME, ['-v', command, ...args]] : [command, args]
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let polledKb = 0
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
            const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
            polledKb = Math.max(polledKb, kb)
          } catch {
            // The process has just exited.
          }
        }, 10)
    child.on('error', reject)
    child.on('close', (code) => {
      if (poll) clearInterval(poll)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
      const peakKb = timed ? Number(timed[1]) : polledKb
      resolve({ code, seconds, peakBytes: peakKb * 1024, stdout, stderr })
    })
  })
}

async function folderFiles(info, folderId) {
  const res = await globalThis.fetch(`${info.url}/api/2.0/files/${folderId}?count=100`, {
    headers: { Authorization: `Bearer ${info.apiKey}` }
  })
  return (await res.json()).response.files
}

const fmtMb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`
const fmtRate = (bytes, s) => `${(bytes / MiB / s).toFixed(1)} MiB/s`

const dir = mkdtempSync(join(tmpdir(), 'bench-upload-'))
let emulator
try {
  const file = join(dir, 'bench.bin')
  const bytes = SIZE_MIB * MiB
  process.stdout.write(`Writing a ${SIZE_MIB} MiB test file… `)
  makeFile(file, SIZE_MIB)
  console.log('done')

  const started = await startEmulatorProcess()
  emulator = started.child
  const info = started.info
  const folderId = info.seed.releaseFolder
  console.log(`Emulator (separate process) on ${info.url}, uploading into folder ${folderId}`)
  console.log(`Peak RSS from ${existsSync(TIME) ? '/usr/bin/time -v' : 'VmHWM in /proc'}\n`)

  const results = { curl: [], action: [] }
  for (let round = 1; round <= ROUNDS; round++) {
    const curl = await measure(
      'curl',
      [
        '--silent',
        '--show-error',
        '--fail',
        '--output',
        '/dev/null',
        '--header',
        `Authorization: Bearer ${info.apiKey}`,
        '--form',
        `file=@${file};filename=curl-${round}.bin`,
        `${info.url}/api/2.0/files/${folderId}/upload?createNewIfExist=true`
      ],
      { PATH: process.env.PATH }
    )
    if (curl.code !== 0) throw new Error(`curl failed (${curl.code}): ${curl.stderr.trim()}`)
    results.curl.push(curl)
    console.log(
      `round ${round}: curl   ${curl.seconds.toFixed(2)} s, ${fmtRate(bytes, curl.seconds)}, peak RSS ${fmtMb(curl.peakBytes)}`
    )

    const outputDir = mkdtempSync(join(dir, 'run-'))
    writeFileSync(join(outputDir, 'output'), '')
    writeFileSync(join(outputDir, 'summary'), '')
    const action = await measure(process.execPath, [ACTION], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(outputDir, 'output'),
      GITHUB_STEP_SUMMARY: join(outputDir, 'summary'),
      RUNNER_TEMP: outputDir,
      ...inputEnv({
        operation: 'upload',
        'portal-url': info.url,
        'api-key': info.apiKey,
        'folder-id': folderId,
        files: 'bench.bin',
        'request-timeout': 120
      })
    })
    if (action.code !== 0) {
      throw new Error(`the action failed (${action.code}):\n${action.stdout}\n${action.stderr}`)
    }
    results.action.push(action)
    console.log(
      `round ${round}: action ${action.seconds.toFixed(2)} s, ${fmtRate(bytes, action.seconds)}, peak RSS ${fmtMb(action.peakBytes)}`
    )
  }

  // Both tools' uploads must have arrived whole.
  const stored = await folderFiles(info, folderId)
  for (const name of ['bench.bin', ...results.curl.map((_, i) => `curl-${i + 1}.bin`)]) {
    const entry = stored.find((f) => f.title === name)
    if (!entry || entry.pureContentLength !== bytes) {
      throw new Error(`${name} did not arrive whole on the emulator`)
    }
  }

  const fastest = (list) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a))
  const peak = (list) => Math.max(...list.map((r) => r.peakBytes))
  const curlBest = fastest(results.curl)
  const actionBest = fastest(results.action)
  const ratio = curlBest.seconds / actionBest.seconds
  const actionPeak = peak(results.action)
  const rows = [
    ['', 'time', 'throughput', 'peak RSS'],
    [
      'curl (1 multipart request)',
      `${curlBest.seconds.toFixed(2)} s`,
      fmtRate(bytes, curlBest.seconds),
      fmtMb(peak(results.curl))
    ],
    [
      'action (chunked, 10 MiB)',
      `${actionBest.seconds.toFixed(2)} s`,
      fmtRate(bytes, actionBest.seconds),
      fmtMb(actionPeak)
    ]
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  console.log(`\n${SIZE_MIB} MiB, best of ${ROUNDS} round(s), node ${process.version}`)
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i])).join('   '))
  const rssOk = actionPeak < GOAL_RSS_MB * 1e6
  const rateOk = ratio >= GOAL_RATIO
  console.log(
    `\nGoal: action peak RSS under ${GOAL_RSS_MB} MB: ${fmtMb(actionPeak)} ${rssOk ? 'PASS' : 'FAIL'}` +
      `\nGoal: action throughput at least ${GOAL_RATIO * 100} % of curl's: ${(ratio * 100).toFixed(0)} % ${rateOk ? 'PASS' : 'FAIL'}`
  )
  process.exitCode = rssOk && rateOk ? 0 : 1
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
} finally {
  emulator?.removeAllListeners('exit')
  emulator?.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
