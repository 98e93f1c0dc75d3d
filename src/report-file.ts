import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { OperationResult } from './result.js'
import { scrubSecrets } from './secrets.js'

// The step's full report as a JSON file: every link, note and failure, whatever the caps on outputs, the
// summary and the error line left out. A workflow uploads it as an artifact when it needs all of it. It
// lies in the runner's temporary folder (emptied after each job), never in the workspace.

export interface StepReport {
  operation?: string
  headline?: string
  failure?: string
  failures: string[]
  notes: string[]
  links: unknown[]
}

function reportDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.RUNNER_TEMP || tmpdir(), 'docspace-share-links')
}

/** Writes the report and returns its path; undefined (with the reason) when it cannot be written. */
export function writeReportFile(
  result: OperationResult | undefined,
  failure: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): { path?: string; error?: string } {
  const report: StepReport = {
    operation: result?.operation,
    headline: result?.headline,
    failure,
    failures: result?.failures ?? [],
    notes: result?.notes ?? [],
    links: result?.links ?? []
  }
  try {
    const dir = reportDir(env)
    mkdirSync(dir, { recursive: true })
    const step = (env.GITHUB_ACTION || 'step').replace(/[^A-Za-z0-9_.-]/g, '_')
    const file = path.join(dir, `report-${step}-${process.pid}-${Date.now()}.json`)
    writeFileSync(file, scrubSecrets(JSON.stringify(report, null, 2)) + '\n', { mode: 0o600 })
    return { path: file }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
