// Reads the example workflows and checks every step that uses this action against action.yml: the
// inputs it gives exist, the operation is one the action knows, secrets come from expressions, and the
// outputs later steps read are declared. runnerEnvs() turns a step into the INPUT_* environment the runner
// would give it, so that the action's own input parser can judge the values.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { OPERATIONS } from '../../src/request.js'

export const ACTION_REPOSITORY = 'docspace-share-links/action'
export const EXAMPLES_DIR = 'examples'

export interface ActionInput {
  description?: string
  required?: boolean
  default?: string
}

export interface ActionMetadata {
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description?: string }>
}

type Mapping = Record<string, unknown>

export interface Workflow {
  file: string
  data: Mapping
}

export interface ActionStep {
  job: string
  /** Position in the job's steps, from 0. */
  index: number
  id?: string
  uses: string
  /** `with:` as the runner passes it: every value a string. */
  with: Record<string, string>
  /** Workflow, job and step `env:` merged, the step's winning. */
  env: Record<string, string>
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringMap(value: unknown): Record<string, string> {
  if (!isMapping(value)) return {}
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]))
}

export function loadActionMetadata(path = 'action.yml'): ActionMetadata {
  return parse(readFileSync(path, 'utf8')) as ActionMetadata
}

export function parseWorkflow(file: string, text: string): Workflow {
  const data: unknown = parse(text)
  if (!isMapping(data)) throw new Error(`${file} is not a YAML mapping`)
  return { file, data }
}

export function exampleFiles(dir = EXAMPLES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name))
}

export function loadExamples(dir = EXAMPLES_DIR): Workflow[] {
  return exampleFiles(dir).map((file) => parseWorkflow(file, readFileSync(file, 'utf8')))
}

export function jobsOf(workflow: Workflow): [string, Mapping][] {
  const jobs = workflow.data.jobs
  return isMapping(jobs)
    ? Object.entries(jobs).filter((entry): entry is [string, Mapping] => isMapping(entry[1]))
    : []
}

export function isThisAction(uses: unknown): uses is string {
  return typeof uses === 'string' && uses.startsWith(`${ACTION_REPOSITORY}@`)
}

export function actionSteps(workflow: Workflow): ActionStep[] {
  const found: ActionStep[] = []
  for (const [job, body] of jobsOf(workflow)) {
    const steps = Array.isArray(body.steps) ? body.steps : []
    steps.forEach((step: unknown, index) => {
      if (!isMapping(step) || !isThisAction(step.uses)) return
      found.push({
        job,
        index,
        id: typeof step.id === 'string' ? step.id : undefined,
        uses: step.uses,
        with: stringMap(step.with),
        env: { ...stringMap(workflow.data.env), ...stringMap(body.env), ...stringMap(step.env) }
      })
    })
  }
  return found
}

const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g

export function isExpression(value: string): boolean {
  return /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(value)
}

// The action's credentials belong in repository secrets; the other secret inputs may also come from an
// earlier step (a generated password) but never stand in the file as text.
const FROM_SECRETS = ['api-key', 'auth-token']
const NEVER_LITERAL = ['link-password', 'github-token']

function describeStep(step: ActionStep): string {
  return `job \`${step.job}\` step ${step.index + 1}${step.id ? ` (${step.id})` : ''}`
}

/** What is wrong with one step that uses this action; empty when nothing is. */
export function stepProblems(step: ActionStep, action: ActionMetadata): string[] {
  const where = describeStep(step)
  const problems: string[] = []
  const ref = step.uses.slice(ACTION_REPOSITORY.length + 1)
  if (!/^v\d+$/.test(ref) && !/^[0-9a-f]{40}$/.test(ref)) {
    problems.push(
      `${where}: pin \`${ACTION_REPOSITORY}\` to a major tag or a commit SHA, not @${ref}`
    )
  }
  for (const name of Object.keys(step.with)) {
    if (!(name in action.inputs)) problems.push(`${where}: input \`${name}\` is not in action.yml`)
  }
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.required && (step.with[name] ?? '').trim() === '') {
      problems.push(`${where}: required input \`${name}\` is missing`)
    }
  }
  const operation = step.with.operation
  if (operation !== undefined && !(OPERATIONS as readonly string[]).includes(operation)) {
    problems.push(`${where}: \`operation: ${operation}\` is not one of ${OPERATIONS.join(', ')}`)
  }
  for (const name of FROM_SECRETS) {
    const value = step.with[name]
    if (value !== undefined && !/^\s*\$\{\{\s*secrets\.[\w-]+\s*\}\}\s*$/.test(value)) {
      problems.push(`${where}: \`${name}\` must come from \${{ secrets.* }}`)
    }
  }
  for (const name of NEVER_LITERAL) {
    const value = step.with[name]
    if (value !== undefined && !isExpression(value)) {
      problems.push(`${where}: \`${name}\` must not be written into the workflow`)
    }
  }
  return problems
}

/** `steps.<id>.outputs.<name>` references to this action's steps that name an undeclared output. */
export function outputReferenceProblems(workflow: Workflow, action: ActionMetadata): string[] {
  const problems: string[] = []
  for (const [job, body] of jobsOf(workflow)) {
    const ids = new Set(
      actionSteps(workflow)
        .filter((s) => s.job === job && s.id)
        .map((s) => s.id)
    )
    const text = JSON.stringify(body)
    for (const match of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const [, id, output] = match
      if (ids.has(id) && !(output in action.outputs)) {
        problems.push(
          `job \`${job}\`: steps.${id}.outputs.${output} is not an output of action.yml`
        )
      }
    }
  }
  return problems
}

// What an expression stands for when a step is fed to the action's input parser: a value of the kind
// that input takes. The runner evaluates expressions; these tests only need a value of the right shape.
const SAMPLES: Record<string, string> = {
  operation: 'list-links',
  'portal-url': 'https://portal.example.com',
  'api-key': 'sk-sample-key',
  'auth-token': 'sample-auth-token',
  'file-id': '101',
  'folder-id': '102',
  'room-id': '103',
  'link-id': '3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  title: 'Sample',
  access: 'read',
  expiration: '7d',
  'max-downloads': '3',
  'link-password': 'Sample-Passw0rd',
  'link-type': 'external',
  'max-use-count': '5',
  'max-age': '30d',
  'title-pattern': 'Release *',
  files: 'dist/*.zip',
  subfolder: 'v1.0.0',
  'github-token': 'ghs_sample'
}

function sampleFor(name: string, input: ActionInput | undefined): string {
  if (name in SAMPLES) return SAMPLES[name]
  // Inputs with a true/false default are booleans; the rest with a default are numbers or choices.
  if (input?.default === 'true' || input?.default === 'false') return 'false'
  if (input?.default !== undefined && !isExpression(input.default)) return input.default
  throw new Error(`no sample value for input \`${name}\`: add one to SAMPLES`)
}

function dispatchInputs(workflow: Workflow): Mapping {
  const on = workflow.data.on
  const dispatch = isMapping(on) ? on.workflow_dispatch : undefined
  return isMapping(dispatch) && isMapping(dispatch.inputs) ? dispatch.inputs : {}
}

/** The values `${{ inputs.X }}` takes on a manual run: every choice, both booleans, or the default. */
function dispatchValues(workflow: Workflow, expression: string): string[] | undefined {
  const ref = /^\s*\$\{\{\s*(?:github\.event\.)?inputs\.([\w-]+)\s*\}\}\s*$/.exec(expression)
  if (!ref) return undefined
  const input = dispatchInputs(workflow)[ref[1]]
  if (!isMapping(input)) return undefined
  if (Array.isArray(input.options)) return input.options.map(String)
  if (input.type === 'boolean') return ['true', 'false']
  return input.default === undefined ? undefined : [String(input.default)]
}

function toEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * The environments the runner could give the step: action.yml defaults for what the step leaves out,
 * expressions replaced by sample values, and one environment per choice a manual run can make.
 */
export function runnerEnvs(
  step: ActionStep,
  workflow: Workflow,
  action: ActionMetadata
): NodeJS.ProcessEnv[] {
  const base: Record<string, string> = {}
  const choices: [string, string[]][] = []
  for (const [name, input] of Object.entries(action.inputs)) {
    const given = step.with[name]
    const value = given ?? input.default
    if (value === undefined) continue
    if (!isExpression(value)) {
      base[name] = value.replace(EXPRESSION, 'sample')
      continue
    }
    const values = given === undefined ? undefined : dispatchValues(workflow, given)
    base[name] = values?.[0] ?? sampleFor(name, input)
    if (values && values.length > 1) choices.push([name, values.slice(1)])
  }
  const env = (inputs: Record<string, string>): NodeJS.ProcessEnv => ({
    ...Object.fromEntries(
      Object.entries(step.env).map(([k, v]) => [k, v.replace(EXPRESSION, 'sample')])
    ),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [toEnvName(k), v]))
  })
  const envs = [env(base)]
  for (const [name, values] of choices) {
    for (const value of values) envs.push(env({ ...base, [name]: value }))
  }
  return envs
}
