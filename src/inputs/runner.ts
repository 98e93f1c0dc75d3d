import type { RunnerEnvironment } from '../request.js'

// The runner's variables the operations need, read here with the inputs so that nothing further down
// reads the process environment.
const GITHUB_EVENT_VARIABLES = [
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_REPOSITORY',
  'GITHUB_API_URL'
] as const

export function readRunner(env: NodeJS.ProcessEnv): RunnerEnvironment {
  const github: Record<string, string> = {}
  for (const name of GITHUB_EVENT_VARIABLES) {
    const value = env[name]
    if (value !== undefined) github[name] = value
  }
  return { workspace: env.GITHUB_WORKSPACE || process.cwd(), github }
}
