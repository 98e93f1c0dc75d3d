// `npm run bench:sweep-scale`: the requests and the time of a recursive `sweep` over a large tree, the
// new plan against the full walk it replaces, in one run. Both run the bundled action (dist/index.js) the
// way the runner does, against the bundled emulator (emulator/dist/index.js) with 25 ms per response,
// each on its own copy of the same tree: 20,000 files in 200 folders, 1 % of the files shared with 3
// links each (one expired, one at its download limit, one under it), and download events in the audit
// trail for the shared files and for others.
//   - new plan: a portal at 3.7.2 (listings mark shared entries) at concurrency 8;
//   - full walk: the same tree on a portal that reports 3.2.1, where the action reads the links of every
//     file and folder. It runs at concurrency 15 (the most the action allows) to keep the bench short;
//     its ideal is computed at that concurrency.
// Printed: requests against the formula of the request plan
//   1 + Σ_roots(⌈N/100⌉ + ⌈F/100⌉) + S + min(⌈D/100⌉, S) + V,
// wall time against the ideal at the concurrency (requests ÷ concurrency × 25 ms), what the same requests
// would take under the default ceiling of 1,200 a minute, and whether both revoked the same links.
// The new plan runs three times (a few seconds each, so noise on a shared machine weighs) and the median
// run is compared. Goals: requests ≤ 1.1 × the formula, wall time ≤ 1.5 × the ideal, the same links
// revoked. Exits 1 when a goal is missed. The emulator's rate limiter is off and the ceiling raised, so
// what is measured is the plan and the engine, not the portal's budget. Build first (`npm run build`); BENCH_DIST=<folder>
// measures bundles built elsewhere.
import { emulatorBundle, entry, isoSeconds, timedSweep } from './bench-bundles.mjs'

const FOLDERS = 200
const FILES_PER_FOLDER = 100
const SHARED_EVERY = 100 // 1 %
const LINKS_PER_SHARED = 3
const DOWNLOADS_PER_SHARED = 3
const OTHER_DOWNLOADS = 400
const LATENCY_MS = 25
const NEW_CONCURRENCY = 8
const OLD_CONCURRENCY = 15
const DEFAULT_CEILING = 1200
const GOAL_REQUESTS = 1.1
const GOAL_VS_IDEAL = 1.5
// The full walk is about 21,000 requests: 35 s at concurrency 15. Far beyond means something hangs.
const RUN_TIMEOUT_MS = 240_000

const { startEmulator, recordDownloads } = emulatorBundle
const linkId = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** The tree, the same on every call (link ids included), on an emulator reporting `version`. */
async function seededEmulator(version) {
  const emulator = await startEmulator({ latencyMs: 0, settings: { version } })
  const root = emulator.addFolder({ title: 'Releases' })
  const created = isoSeconds(new Date(Date.now() - 3600_000))
  let links = 0
  let shared = 0
  const others = []
  for (let f = 0; f < FOLDERS; f++) {
    const folder = emulator.addFolder({ title: `build-${f}`, parentId: root.id })
    for (let i = 0; i < FILES_PER_FOLDER; i++) {
      const file = emulator.addFile({ parentId: folder.id, title: `artifact-${i}.zip`, size: 1 })
      if ((f * FILES_PER_FOLDER + i) % SHARED_EVERY !== 0) {
        if (others.length < OTHER_DOWNLOADS) others.push(file.id)
        continue
      }
      shared++
      const target = { kind: 'file', id: file.id }
      emulator.addLink(target, {
        id: linkId(++links),
        title: `Old [created=${created}]`,
        expirationDate: new Date(Date.now() - 60_000)
      })
      emulator.addLink(target, {
        id: linkId(++links),
        title: `Release [max-downloads=3 created=${created}]`
      })
      emulator.addLink(target, {
        id: linkId(++links),
        title: `Mirror [max-downloads=5 created=${created}]`
      })
      recordDownloads(emulator, file.id, DOWNLOADS_PER_SHARED)
    }
  }
  for (const id of others) recordDownloads(emulator, id, 1)
  emulator.setLatency(LATENCY_MS)
  const downloads = shared * DOWNLOADS_PER_SHARED + others.length
  return { emulator, root, shared, downloads }
}

async function measure(label, version, concurrency) {
  const { emulator, root, shared, downloads } = await seededEmulator(version)
  try {
    const { run, wallMs, served } = await timedSweep(
      emulator,
      { 'folder-id': root.id, recursive: true, concurrency },
      RUN_TIMEOUT_MS
    )
    if (run.code !== 0) throw new Error(`${label} failed (exit ${run.code}):\n${run.stdout}`)
    const revoked = JSON.parse(run.outputs.links).map((l) => l.id)
    return {
      label,
      concurrency,
      requests: served.length,
      reported: Number(run.outputs.requestCount),
      wallMs,
      revoked,
      shared,
      downloads
    }
  } finally {
    await emulator.close()
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const minutes = (ms) =>
  ms >= 3600_000 ? `${(ms / 3600_000).toFixed(1)} h` : `${(ms / 60_000).toFixed(1)} min`

const files = FOLDERS * FILES_PER_FOLDER
console.log(
  `recursive sweep of ${files} files in ${FOLDERS} folders, 1 % shared with ${LINKS_PER_SHARED} links ` +
    `each, ${LATENCY_MS} ms per response, bundle ${entry}\n`
)
// The new plan takes a few seconds, so a moment of noise on a shared machine moves its ratio by a tenth:
// it runs RUNS times, each on a fresh copy of the tree, and the median run is the one compared.
const RUNS = 3
const runs = []
for (let i = 0; i < RUNS; i++) runs.push(await measure('new plan', '3.7.2.0', NEW_CONCURRENCY))
const fresh = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(RUNS / 2)]
const walk = await measure('full walk (3.2.1)', '3.2.1.0', OLD_CONCURRENCY)

const S = fresh.shared
const V = S * 2 // the expired link and the one at its limit
const formula =
  1 +
  Math.ceil(files / 100) +
  Math.ceil(FOLDERS / 100) +
  S +
  Math.min(Math.ceil(fresh.downloads / 100), S) +
  V
const ideal = (run) => (run.requests / run.concurrency) * LATENCY_MS
const rows = [
  ['', 'requests', 'formula', 'wall time', 'ideal', 'wall ÷ ideal', `at ${DEFAULT_CEILING}/min`],
  ...[...runs, walk].map((run) => [
    `${run.label}${run === walk ? '' : ` (run ${runs.indexOf(run) + 1}${run === fresh ? ', median' : ''})`}, concurrency ${run.concurrency}`,
    String(run.requests),
    run === fresh ? String(formula) : '',
    seconds(run.wallMs),
    seconds(ideal(run)),
    `${(run.wallMs / ideal(run)).toFixed(2)}×`,
    minutes((run.requests / DEFAULT_CEILING) * 60_000)
  ])
]
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '))

const sameAs = (run) =>
  run.revoked.length === walk.revoked.length &&
  [...run.revoked].sort().every((id, i) => id === [...walk.revoked].sort()[i])
const same = runs.every(sameAs)
const requestsMet = runs.every((run) => run.requests <= GOAL_REQUESTS * formula)
const idealMet = fresh.wallMs / ideal(fresh) <= GOAL_VS_IDEAL
console.log(
  `\nrequests: ${fresh.requests} (the action counted ${fresh.reported}) vs formula ${formula}: ` +
    `${(fresh.requests / formula).toFixed(3)}× (goal ≤ ${GOAL_REQUESTS}×) ${requestsMet ? 'met' : 'MISSED'}`
)
console.log(
  `wall vs ideal, median of ${RUNS} runs: ${(fresh.wallMs / ideal(fresh)).toFixed(2)}× (goal ≤ ${GOAL_VS_IDEAL}×) ${idealMet ? 'met' : 'MISSED'}`
)
console.log(
  `revoked: ${fresh.revoked.length} by the new plan (each run), ${walk.revoked.length} by the full walk: ` +
    `${same ? 'the same links' : 'DIFFERENT links'}`
)
console.log(
  `the full walk made ${(walk.requests / fresh.requests).toFixed(1)}× the requests ` +
    '(wall times include starting node and loading the action: the whole step, as a runner sees it)'
)
if (!requestsMet || !idealMet || !same) process.exitCode = 1
