import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BROKEN_WORKFLOW } from './broken-workflow.js'
import { actionlint, type ActionlintProblem } from './linters.js'
import { exampleFiles } from './workflow-steps.js'

let dir: string
let broken: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actionlint-'))
  broken = join(dir, 'broken.yml')
  writeFileSync(broken, BROKEN_WORKFLOW)
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

// The repository's own workflows are held to the same linters as the examples.
const examples = [...exampleFiles(), ...exampleFiles('.github/workflows')]

// actionlint also reads the expressions: contexts, `steps.*` references, cron syntax and permission
// scopes, which a schema cannot check.
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
