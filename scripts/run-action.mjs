// Runs the bundled action the way the GitHub runner does: inputs as INPUT_<NAME> environment variables
// (upper-cased, hyphens kept), outputs read back from the GITHUB_OUTPUT file, the job summary from
// GITHUB_STEP_SUMMARY. Used by the demo, the end-to-end tests and the benchmarks; needs no installed package.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ACTION_ENTRY = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js')

/** Parses the GITHUB_OUTPUT file: `name<<DELIMITER` … `DELIMITER` blocks and `name=value` lines. */
export function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line) continue
    const heredoc = line.match(/^([^=<]+)<<(.+)$/)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else {
      const eq = line.indexOf('=')
      outputs[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  return outputs
}

export function inputEnv(inputs) {
  const env = {}
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value)
  }
  return env
}

/**
 * @param {{ inputs: Record<string, string|number|boolean|undefined>, env?: Record<string,string>,
 *   node?: string, entry?: string, timeoutMs?: number }} options
 */
export async function runAction({
  inputs,
  env = {},
  node = process.execPath,
  entry = ACTION_ENTRY,
  timeoutMs = 60000
}) {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const childEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: process.cwd(),
    RUNNER_TEMP: dir,
    ...inputEnv(inputs),
    ...env
  }
  try {
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
      const child = spawn(node, [entry], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      child.on('error', reject)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, stdout, stderr })
      })
    })
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
