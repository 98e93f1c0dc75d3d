export const ACTION_ENTRY: string
export function parseOutputFile(text: string): Record<string, string>
export function inputEnv(
  inputs: Record<string, string | number | boolean | undefined>
): Record<string, string>
export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}
export function runAction(options: {
  inputs: Record<string, string | number | boolean | undefined>
  env?: Record<string, string>
  node?: string
  entry?: string
  timeoutMs?: number
}): Promise<ActionRun>
