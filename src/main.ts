import * as core from '@actions/core'
import { getInputs } from './inputs.js'
import { portalUrlCredentials } from './inputs/portal-url.js'
import { DocSpaceClient } from './docspace/client.js'
import { EXPIRY_WARNED_OPERATIONS, warnExpiringSoon } from './links/expiry-warnings.js'
import { actionsLogger } from './log.js'
import { runOperation } from './operations/index.js'
import type { OperationResult } from './result.js'
import { setOutputs } from './outputs.js'
import { writeReportFile } from './report-file.js'
import { capBytes, forAnnotation } from './safe-text.js'
import { maskSecret, scrubSecrets } from './secrets.js'
import { writeSummary } from './summary.js'
import { messageOf } from './text.js'

// Inputs that hold secrets, masked before anything else runs so no log line can show them.
const SECRET_INPUTS = ['API-KEY', 'AUTH-TOKEN', 'LINK-PASSWORD', 'GITHUB-TOKEN']

/** The error line of a failed step: one annotation, never megabytes. */
export const MAX_ERROR_BYTES = 4 * 1024
// Failures quoted in the error line; the rest are in the summary and the report file.
const FAILURES_IN_ERROR = 10

export function maskSecretInputs(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_INPUTS) maskSecret(env[`INPUT_${name}`]?.trim())
  maskSecret(env.DOCSPACE_API_KEY?.trim())
  // A key pasted into the portal URL (refused by the input check) must not show in that very message.
  for (const url of [env['INPUT_PORTAL-URL'], env.DOCSPACE_PORTAL_URL]) {
    for (const credential of portalUrlCredentials(url?.trim() ?? '')) maskSecret(credential)
  }
}

function failureLine(failures: string[]): string {
  const shown = failures.slice(0, FAILURES_IN_ERROR).join('; ')
  const more =
    failures.length > FAILURES_IN_ERROR
      ? `; and ${failures.length - FAILURES_IN_ERROR} more in the job summary and the report file`
      : ''
  return scrubSecrets(`${failures.length} failure(s): ${shown}${more}`)
}

// What the portal layer found wrong (listings cut short, entries of the wrong shape) joins the result:
// notes go to the summary, entries left alone are failures, unless a sweep was told to go on regardless.
function withFindings(
  result: OperationResult,
  client: DocSpaceClient,
  lenient: boolean
): OperationResult {
  const { notes, problems, overflow } = client.findings
  if (notes.length === 0 && problems.length === 0) return result
  const extra =
    overflow > 0 ? [`${overflow} more findings about the portal's answers were logged only`] : []
  const merged = { ...result, notes: [...(result.notes ?? []), ...notes, ...extra] }
  if (problems.length === 0) return merged
  if (lenient) merged.notes.push(...problems.map((p) => `Left alone: ${p}`))
  else merged.failures = [...(result.failures ?? []), ...problems]
  return merged
}

/** The whole run: the only place that sets outputs and marks the step failed. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let result: OperationResult | undefined
  let failure: string | undefined
  try {
    maskSecretInputs(env)
    const request = getInputs(env)
    const client = new DocSpaceClient(request.connection, actionsLogger)
    result = await runOperation(request, { client, log: actionsLogger, now: () => new Date() })
    const lenient = request.operation === 'sweep' && !request.policy.failOnError
    result = withFindings(result, client, lenient)
    actionsLogger.info(result.headline)
    if (EXPIRY_WARNED_OPERATIONS.has(result.operation)) {
      warnExpiringSoon(result.links, new Date(), actionsLogger)
    }
    if (result.failures?.length) failure = failureLine(result.failures)
  } catch (error) {
    failure = scrubSecrets(messageOf(error))
  } finally {
    const report = writeReportFile(result, failure, env)
    if (report.path) core.setOutput('report-file', report.path)
    else core.warning(`Could not write the report file: ${report.error}`)
    if (result) setOutputs(result, report.path)
    await writeSummary(result, failure)
  }
  if (failure) core.setFailed(capBytes(forAnnotation(failure), MAX_ERROR_BYTES))
}
