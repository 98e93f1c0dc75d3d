import * as core from '@actions/core'
import { getInputs } from './inputs.js'
import { DocSpaceClient } from './docspace/client.js'
import { EXPIRY_WARNED_OPERATIONS, warnExpiringSoon } from './links/expiry-warnings.js'
import { actionsLogger } from './log.js'
import { runOperation } from './operations/index.js'
import type { OperationResult } from './result.js'
import { setOutputs } from './outputs.js'
import { maskSecret, scrubSecrets } from './secrets.js'
import { writeSummary } from './summary.js'
import { messageOf } from './text.js'

// Inputs that hold secrets, masked before anything else runs so no log line can show them.
const SECRET_INPUTS = ['API-KEY', 'AUTH-TOKEN', 'LINK-PASSWORD', 'GITHUB-TOKEN']

export function maskSecretInputs(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_INPUTS) maskSecret(env[`INPUT_${name}`]?.trim())
  maskSecret(env.DOCSPACE_API_KEY?.trim())
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
    core.info(result.headline)
    if (EXPIRY_WARNED_OPERATIONS.has(result.operation)) {
      warnExpiringSoon(result.links, new Date(), actionsLogger)
    }
    setOutputs(result)
    if (result.failures?.length) {
      failure = scrubSecrets(`${result.failures.length} failure(s): ${result.failures.join('; ')}`)
    }
  } catch (error) {
    failure = scrubSecrets(messageOf(error))
  } finally {
    await writeSummary(result, failure)
  }
  if (failure) core.setFailed(failure)
}
