// Runs the static checks of `npm test` side by side (typecheck, ESLint, Prettier, docs, dist) and prints
// each one's output whole, in the order given, once all have finished; exits 1 when any failed. They read
// the same files and write only their own caches, so running them at once is safe, and the developer loop
// waits for the slowest instead of the sum.
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: node scripts/checks.mjs <npm script>...')
  process.exit(2)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
// Each check's output is kept until the end; none of them prints more than a few pages.
const MAX_OUTPUT = 4 * 1024 * 1024

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(npm, ['run', '-s', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32'
    })
    let output = ''
    const keep = (chunk) => {
      if (output.length < MAX_OUTPUT) output += chunk
    }
    child.stdout.setEncoding('utf8').on('data', keep)
    child.stderr.setEncoding('utf8').on('data', keep)
    child.on('error', (error) => resolve({ script, code: 1, output: String(error), ms: 0 }))
    child.on('close', (code) =>
      resolve({ script, code: code ?? 1, output, ms: Date.now() - started })
    )
  })
}

const results = await Promise.all(scripts.map(run))
for (const { script, code, output, ms } of results) {
  console.log(`> ${script}: ${code === 0 ? 'passed' : 'FAILED'} in ${(ms / 1000).toFixed(1)} s`)
  if (output.trim() !== '') console.log(output.trimEnd())
}
if (results.some((r) => r.code !== 0)) process.exit(1)
