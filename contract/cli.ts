// `npm run contract`: runs the contract's calls against a real portal and against the emulator, and prints
// one line per call: same / differs (how). With --record it also writes the portal's answers, secrets
// and share tokens removed, as a fixture; with --replay it compares a fixture with the emulator only.
// The API key is read from the environment, never from the command line (where `ps` and the shell
// history would show it).
import { parseArgs } from 'node:util'
import { normalizePortalUrl } from '../src/inputs/portal-url.js'
import type { Logger } from '../src/log.js'
import { startEmulator } from '../emulator/server.js'
import {
  compareRuns,
  formatComparison,
  readFixture,
  runCalls,
  runReference,
  toFixture,
  writeFixture
} from './run.js'

const CONFIRM = 'i-own-this-folder'

export const USAGE = `Usage:
  DOCSPACE_API_KEY=sk-… npm run contract -- --portal-url https://portal.example.com \\
      --folder-id 12345 --${CONFIRM} [--record fixture.json]
  npm run contract -- --replay fixture.json

Creates a scratch folder inside --folder-id (a folder the key's user owns), uploads three small files,
runs the link, upload and audit calls on them, deletes the scratch folder, runs the same calls against
the emulator, and prints one line per call: same / differs. It changes nothing it did not create.
--${CONFIRM} is required: it confirms that the folder is yours to create a scratch folder in.
--record FILE  also writes the portal's answers (secrets, share tokens and personal details removed).
--replay FILE  compares a recording with the emulator; no portal is contacted.
--api-key-env NAME  the environment variable holding the API key (default DOCSPACE_API_KEY).`

const stderrLog: Logger = {
  debug: () => undefined,
  info: (m) => process.stderr.write(`${m}\n`),
  warning: (m) => process.stderr.write(`warning: ${m}\n`),
  notice: (m) => process.stderr.write(`${m}\n`),
  startGroup: () => undefined,
  endGroup: () => undefined
}

const start = () => startEmulator()

/** Returns the exit code: 0 all same, 1 some call differs, 2 bad usage. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void
): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        'portal-url': { type: 'string' },
        'folder-id': { type: 'string' },
        [CONFIRM]: { type: 'boolean' },
        record: { type: 'string' },
        replay: { type: 'string' },
        'api-key-env': { type: 'string' },
        help: { type: 'boolean' }
      }
    }))
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    out(USAGE)
    return 0
  }

  if (typeof values.replay === 'string') {
    const fixture = readFixture(values.replay)
    const reference = await runReference(start, fixture.admin, stderrLog)
    const compared = compareRuns(fixture.calls, reference)
    for (const line of formatComparison(compared)) out(line)
    return compared.every((c) => c.same) ? 0 : 1
  }

  const keyName =
    typeof values['api-key-env'] === 'string' ? values['api-key-env'] : 'DOCSPACE_API_KEY'
  const apiKey = env[keyName]?.trim()
  const folderId = Number(values['folder-id'])
  const problems = [
    typeof values['portal-url'] === 'string' ? '' : '--portal-url is required',
    Number.isSafeInteger(folderId) && folderId > 0
      ? ''
      : '--folder-id must be a folder id, like 12345',
    apiKey ? '' : `the API key is read from the ${keyName} environment variable, which is empty`,
    values[CONFIRM] === true
      ? ''
      : `--${CONFIRM} is required: the contract creates a scratch folder in --folder-id and deletes it`
  ].filter(Boolean)
  if (problems.length > 0) {
    out(`${problems.join('\n')}\n\n${USAGE}`)
    return 2
  }
  let portalUrl: string
  try {
    portalUrl = normalizePortalUrl(String(values['portal-url']))
  } catch (error) {
    out(error instanceof Error ? error.message : String(error))
    return 2
  }

  const portal = { url: portalUrl, apiKey: apiKey as string, folderId }
  const records = await runCalls(portal, stderrLog)
  const fixture = toFixture(records, { source: portalUrl, portalUrl, apiKey: portal.apiKey })
  if (typeof values.record === 'string') {
    writeFixture(values.record, { ...fixture, source: 'a DocSpace portal' })
    out(`recorded ${records.length} calls in ${values.record}`)
  }
  const reference = await runReference(start, fixture.admin, stderrLog)
  const compared = compareRuns(records, reference)
  for (const line of formatComparison(compared)) out(line)
  return compared.every((c) => c.same) ? 0 : 1
}

main(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`contract: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  }
)
