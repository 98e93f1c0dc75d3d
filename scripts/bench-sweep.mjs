// `npm run bench:sweep`: how fast `sweep` is against a portal that takes 25 ms per response.
// Runs the bundled action (dist/index.js) the way the runner does, against the bundled emulator
// (emulator/dist/index.js), twice on the same data: at concurrency 8 and at concurrency 1 (sequential).
// Prints both wall times next to the ideal for that concurrency (requests ÷ concurrency × latency).
// Goal: within 1.5× of the ideal, and at least 5× faster than sequential. Exits 1 when a goal is missed.
// Build first (`npm run build`); BENCH_DIST=<folder> measures bundles built elsewhere.
import { emulatorBundle, entry, isoSeconds, timedSweep } from './bench-bundles.mjs'

const FILES = 200
const LATENCY_MS = 25
const CONCURRENCY = 8
const GOAL_VS_IDEAL = 1.5
const GOAL_VS_SEQUENTIAL = 5
// Sequential is about FILES × 4 × 25 ms = 20 s; anything far beyond means something hangs.
const RUN_TIMEOUT_MS = 180_000

const { startEmulator } = emulatorBundle

/**
 * 200 files, each with 3 links: one expired (revoked), one whose limit of 3 downloads is reached
 * (revoked after an audit query), one with a limit of 5 (kept). Every file is downloaded 3 times through
 * the emulator's download handler, so the audit trail holds real download events.
 */
async function seededEmulator() {
  const emulator = await startEmulator({ latencyMs: 0 })
  const folder = emulator.addFolder({ title: 'Bench' })
  const created = isoSeconds(new Date(Date.now() - 3600_000))
  const ids = []
  for (let i = 0; i < FILES; i++) {
    const file = emulator.addFile({
      parentId: folder.id,
      title: `artifact-${i}.zip`,
      content: `bytes ${i}`
    })
    ids.push(file.id)
    const target = { kind: 'file', id: file.id }
    emulator.addLink(target, {
      title: `Old [created=${created}]`,
      expirationDate: new Date(Date.now() - 60_000)
    })
    emulator.addLink(target, { title: `Release [max-downloads=3 created=${created}]` })
    emulator.addLink(target, { title: `Mirror [max-downloads=5 created=${created}]` })
  }
  const downloads = ids.flatMap((id) => [id, id, id])
  for (let i = 0; i < downloads.length; i += 50) {
    await Promise.all(
      downloads.slice(i, i + 50).map(async (id) => {
        const res = await globalThis.fetch(
          `${emulator.url}/filehandler.ashx?action=download&fileid=${id}`,
          {
            headers: { Authorization: `Bearer ${emulator.adminKey}` }
          }
        )
        await res.arrayBuffer()
        if (res.status !== 200)
          throw new Error(`download of file ${id} answered HTTP ${res.status}`)
      })
    )
  }
  emulator.setLatency(LATENCY_MS)
  return { emulator, ids }
}

async function measure(concurrency) {
  const { emulator, ids } = await seededEmulator()
  try {
    const { run, wallMs, served } = await timedSweep(
      emulator,
      { 'file-id': ids.join(','), concurrency },
      RUN_TIMEOUT_MS
    )
    if (run.code !== 0) {
      throw new Error(
        `the sweep at concurrency ${concurrency} failed (exit ${run.code}):\n${run.stdout}`
      )
    }
    const revoked = Number(run.outputs.revokedCount)
    const kept = Number(run.outputs.keptCount)
    if (revoked !== 2 * FILES || kept !== FILES) {
      throw new Error(
        `concurrency ${concurrency}: revoked ${revoked} and kept ${kept}, expected ${2 * FILES} and ${FILES}`
      )
    }
    const first = Math.min(...served.map((r) => r.startedAt.getTime()))
    const last = Math.max(...served.map((r) => r.endedAt.getTime()))
    return { concurrency, requests: served.length, wallMs, requestSpanMs: last - first }
  } finally {
    await emulator.close()
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`

console.log(`sweep of ${FILES} files × 3 links, ${LATENCY_MS} ms per response, bundle ${entry}\n`)
const parallel = await measure(CONCURRENCY)
const sequential = await measure(1)
const ideal = (parallel.requests / CONCURRENCY) * LATENCY_MS
const sequentialIdeal = sequential.requests * LATENCY_MS
const vsIdeal = parallel.wallMs / ideal
const speedup = sequential.wallMs / parallel.wallMs

const rows = [
  ['', 'requests', 'wall time', 'requests span', 'ideal', 'wall ÷ ideal'],
  [
    `concurrency ${CONCURRENCY}`,
    String(parallel.requests),
    seconds(parallel.wallMs),
    seconds(parallel.requestSpanMs),
    seconds(ideal),
    `${vsIdeal.toFixed(2)}×`
  ],
  [
    'sequential (concurrency 1)',
    String(sequential.requests),
    seconds(sequential.wallMs),
    seconds(sequential.requestSpanMs),
    seconds(sequentialIdeal),
    `${(sequential.wallMs / sequentialIdeal).toFixed(2)}×`
  ]
]
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '))

const idealMet = vsIdeal <= GOAL_VS_IDEAL
const speedupMet = speedup >= GOAL_VS_SEQUENTIAL
console.log(
  `\nconcurrency ${CONCURRENCY} vs ideal: ${vsIdeal.toFixed(2)}× (goal ≤ ${GOAL_VS_IDEAL}×) ${idealMet ? 'met' : 'MISSED'}`
)
console.log(
  `speed-up vs sequential: ${speedup.toFixed(1)}× (goal ≥ ${GOAL_VS_SEQUENTIAL}×) ${speedupMet ? 'met' : 'MISSED'}`
)
console.log(
  '(wall time includes starting node and loading the action: the whole step, as a runner sees it)'
)
if (!idealMet || !speedupMet) process.exitCode = 1
