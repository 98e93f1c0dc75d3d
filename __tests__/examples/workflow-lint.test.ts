import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actionlint, actionValidator, type ActionlintProblem } from './linters.js'
import { exampleFiles } from './workflow-steps.js'

// A workflow with a mistake of each kind the linters are there to catch: a job without `runs-on`, a step
// that both runs a command and uses an action, a misspelt context, a step output of a step that does not
// exist, an impossible cron minute and an unknown permission scope.
const BROKEN_WORKFLOW = `name: Broken
on:
  schedule:
    - cron: '61 3 * * *'
permissions:
  content: read
jobs:
  share:
    steps:
      - id: link
        uses: docspace-share-links/action@v1
        with:
          operation: list-links
          api-key: \${{ secret.DOCSPACE_API_KEY }}
        run: echo listing
      - run: echo "\${{ steps.missing.outputs.links }}"
`

let dir: string
let broken: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workflow-lint-'))
  broken = join(dir, 'broken.yml')
  writeFileSync(broken, BROKEN_WORKFLOW)
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const examples = exampleFiles()

describe('action-validator', () => {
  it.each(examples)('accepts %s', async (file) => {
    const result = await actionValidator(file)
    expect({ code: result.code, output: result.output }).toEqual({ code: 0, output: '' })
  })

  it('rejects a broken workflow and says where', async () => {
    const result = await actionValidator(broken)
    expect(result.code).toBe(1)
    const found = JSON.stringify(result.errors)
    expect(found).toContain('/jobs/share/runs-on')
    expect(found).toContain("Additional property 'content' is not allowed")
  })
})

describe('actionlint', () => {
  let problems: Record<string, ActionlintProblem[]>

  beforeAll(async () => {
    problems = await actionlint([...examples, broken])
  }, 120_000)

  it.each(examples)('finds nothing in %s', (file) => {
    expect(problems[file]).toEqual([])
  })

  it('finds every planted mistake in a broken workflow', () => {
    const messages = problems[broken].map((p) => `${p.line}: ${p.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^4: invalid CRON format "61 3 \* \* \*"/),
        expect.stringMatching(/^6: unknown permission scope "content"/),
        expect.stringMatching(/^8: "runs-on" section is missing in job "share"/),
        expect.stringMatching(/^15: .*contains "run" key/),
        expect.stringMatching(/^14: undefined variable "secret"/),
        expect.stringMatching(/^16: property "missing" is not defined/)
      ])
    )
  })
})
