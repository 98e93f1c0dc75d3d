import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BROKEN_WORKFLOW } from './broken-workflow.js'
import { actionValidator, type ValidatorResult } from './linters.js'
import { exampleFiles } from './workflow-steps.js'

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

// The repository's own workflows are held to the same linters as the examples.
const examples = [...exampleFiles(), ...exampleFiles('.github/workflows')]

// action-validator checks each workflow against the SchemaStore JSON schema of workflow files.
describe('action-validator', () => {
  let results: Record<string, ValidatorResult>

  beforeAll(async () => {
    results = await actionValidator([...examples, broken])
  }, 60_000)

  it.each(examples)('accepts %s', (file) => {
    const result = results[file]
    expect({ code: result.code, output: result.output }).toEqual({ code: 0, output: '' })
  })

  it('rejects a broken workflow and says where', () => {
    const result = results[broken]
    expect(result.code).toBe(1)
    const found = JSON.stringify(result.errors)
    expect(found).toContain('/jobs/share/runs-on')
    expect(found).toContain("Additional property 'content' is not allowed")
  })
})
