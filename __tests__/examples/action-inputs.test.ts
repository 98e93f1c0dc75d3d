import { describe, expect, it } from '@jest/globals'
import { getInputs } from '../../src/inputs.js'
import {
  actionSteps,
  exampleFiles,
  jobsOf,
  loadActionMetadata,
  loadExamples,
  outputReferenceProblems,
  parseWorkflow,
  runnerEnvs,
  stepProblems,
  type Workflow
} from './workflow-steps.js'

const action = loadActionMetadata()
const examples = loadExamples()

function example(name: string): Workflow {
  const found = examples.find((w) => w.file.endsWith(`/${name}`))
  if (!found) throw new Error(`examples/${name} is missing`)
  return found
}

function parseErrors(workflow: Workflow): string[] {
  const errors: string[] = []
  for (const step of actionSteps(workflow)) {
    for (const env of runnerEnvs(step, workflow, action)) {
      try {
        const request = getInputs(env, new Date('2026-11-23T10:00:00Z'))
        if (request.operation !== step.with.operation) {
          errors.push(`${step.job}: parsed as ${request.operation}, not ${step.with.operation}`)
        }
      } catch (error) {
        errors.push(`${step.job}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  return errors
}

describe('examples/', () => {
  it('holds the five documented scenarios', () => {
    expect(exampleFiles().map((f) => f.replace(/^examples\//, ''))).toEqual([
      'release-upload.yml',
      'rotate-link-password.yml',
      'scheduled-sweep.yml',
      'share-room-link.yml',
      'sweep-matrix.yml'
    ])
    for (const workflow of examples) expect(actionSteps(workflow).length).toBeGreaterThan(0)
  })

  const cases = examples.map((workflow) => ({ file: workflow.file, workflow }))

  it.each(cases)(
    '$file gives this action only inputs, operations and outputs that action.yml declares',
    ({ workflow }) => {
      const problems = actionSteps(workflow).flatMap((step) => stepProblems(step, action))
      expect([...problems, ...outputReferenceProblems(workflow, action)]).toEqual([])
    }
  )

  it.each(cases)(
    '$file passes the action’s own input checks for every choice of a manual run',
    ({ workflow }) => {
      expect(parseErrors(workflow)).toEqual([])
    }
  )

  it.each(cases)('$file sets the token permissions', ({ workflow }) => {
    const jobs = jobsOf(workflow)
    const everyJob = jobs.every(([, job]) => job.permissions !== undefined)
    expect(workflow.data.permissions !== undefined || everyJob).toBe(true)
  })

  it('release → upload → links: on a published release, with release notes it may edit', () => {
    const workflow = example('release-upload.yml')
    expect(workflow.data.on).toMatchObject({ release: { types: ['published'] } })
    expect(workflow.data.permissions).toEqual({ contents: 'write' })
    const [step] = actionSteps(workflow)
    expect(step.with).toMatchObject({ operation: 'upload', 'release-notes': 'true' })
    expect(step.with.files).toContain('artifacts/')
  })

  it('schedule → sweep: scheduled, with a dry-run switch on manual runs', () => {
    const workflow = example('scheduled-sweep.yml')
    expect(workflow.data.on).toMatchObject({
      schedule: [{ cron: expect.any(String) }],
      workflow_dispatch: { inputs: { dry_run: { type: 'boolean' } } }
    })
    const [step] = actionSteps(workflow)
    expect(step.with.operation).toBe('sweep')
    expect(step.with['dry-run']).toMatch(/inputs\.dry_run/)
    // Every environment the scheduled and manual runs can produce parses; a scheduled run revokes.
    const dryRuns = runnerEnvs(step, workflow, action).map((env) => getInputs(env).dryRun)
    expect(dryRuns).toContain(false)
  })

  it('sweep matrix: one job per budget, each with its own key and a ceiling the action accepts', () => {
    const workflow = example('sweep-matrix.yml')
    const [[, job]] = jobsOf(workflow)
    const strategy = job.strategy as {
      'fail-fast': boolean
      matrix: { include: Record<string, unknown>[] }
    }
    expect(strategy['fail-fast']).toBe(false)
    const entries = strategy.matrix.include
    expect(entries.length).toBeGreaterThan(1)
    // Separate budgets: no two entries share a key.
    expect(new Set(entries.map((e) => e.key_secret)).size).toBe(entries.length)
    const [step] = actionSteps(workflow)
    expect(step.with.operation).toBe('sweep')
    expect(step.env.DOCSPACE_API_KEY).toMatch(/^\$\{\{\s*secrets\[matrix\.key_secret\]\s*\}\}$/)
    for (const entry of entries) {
      const [env] = runnerEnvs(step, workflow, action)
      env['INPUT_REQUESTS-PER-MINUTE'] = String(entry.per_minute)
      expect(getInputs(env).policy.requestsPerMinute).toBe(entry.per_minute)
    }
  })

  it('share a room link: a titled link on a room, choices limited to what the action accepts', () => {
    const [step] = actionSteps(example('share-room-link.yml'))
    expect(step.with).toMatchObject({ operation: 'create-link', 'link-type': 'external' })
    expect(step.with['room-id']).toBeDefined()
    expect(step.with.title).toBeDefined()
  })

  it('rotate a password: generated, masked, set with update-link, never printed', () => {
    const workflow = example('rotate-link-password.yml')
    const [[, job]] = jobsOf(workflow)
    const steps = job.steps as { id?: string; run?: string; env?: Record<string, string> }[]
    const generate = steps.find((s) => s.run?.includes('openssl rand'))
    expect(generate?.run).toContain('::add-mask::')
    const [update] = actionSteps(workflow)
    expect(update.with.operation).toBe('update-link')
    expect(update.with['link-password']).toBe(`\${{ steps.${generate?.id}.outputs.value }}`)
    // Scripts read the password from the environment; an expression inside `run:` would be pasted
    // into the script text.
    for (const step of steps) expect(step.run ?? '').not.toMatch(/\$\{\{[^}]*password/)
  })
})

describe('the example checks', () => {
  const broken = parseWorkflow(
    'broken.yml',
    `
on: push
jobs:
  share:
    runs-on: ubuntu-latest
    steps:
      - id: link
        uses: docspace-share-links/action@main
        with:
          operation: delete-link
          api-key: sk-written-into-the-file
          max-download: 3
      - uses: docspace-share-links/action@v1
        with:
          link-password: hunter2hunter2
      - run: echo "\${{ steps.link.outputs.url }}"
`
  )

  it('find unknown inputs, bad operations, missing required inputs, literal secrets and loose pins', () => {
    const problems = actionSteps(broken).flatMap((step) => stepProblems(step, action))
    expect(problems).toEqual([
      'job `share` step 1 (link): pin `docspace-share-links/action` to a major tag or a commit SHA, not @main',
      'job `share` step 1 (link): input `max-download` is not in action.yml',
      expect.stringContaining('step 1 (link): `operation: delete-link` is not one of create-link'),
      'job `share` step 1 (link): `api-key` must come from ${{ secrets.* }}',
      'job `share` step 2: required input `operation` is missing',
      'job `share` step 2: `link-password` must not be written into the workflow'
    ])
  })

  it('find outputs that action.yml does not declare', () => {
    expect(outputReferenceProblems(broken, action)).toEqual([
      'job `share`: steps.link.outputs.url is not an output of action.yml'
    ])
  })

  it('reject values the action would refuse', () => {
    const workflow = parseWorkflow(
      'bad-values.yml',
      `
on: workflow_dispatch
jobs:
  share:
    runs-on: ubuntu-latest
    steps:
      - uses: docspace-share-links/action@v1
        with:
          operation: create-link
          portal-url: \${{ vars.DOCSPACE_URL }}
          api-key: \${{ secrets.DOCSPACE_API_KEY }}
          file-id: 12
          expiration: 30 days
`
    )
    expect(parseErrors(workflow)).toEqual([expect.stringContaining('Input `expiration`')])
  })

  it('try every choice a manual run offers', () => {
    const workflow = parseWorkflow(
      'choices.yml',
      `
on:
  workflow_dispatch:
    inputs:
      access:
        type: choice
        options: [read, everything]
jobs:
  share:
    runs-on: ubuntu-latest
    steps:
      - uses: docspace-share-links/action@v1
        with:
          operation: create-link
          portal-url: https://portal.example.com
          api-key: \${{ secrets.DOCSPACE_API_KEY }}
          room-id: 7
          access: \${{ inputs.access }}
`
    )
    expect(parseErrors(workflow)).toEqual([expect.stringContaining('Input `access`')])
  })
})
