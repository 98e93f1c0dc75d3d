export interface ActionInput {
  description?: string
  required?: boolean
  default?: string
}
export interface ActionMetadata {
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description?: string }>
}
export function loadAction(path?: string): ActionMetadata
export function inputsTable(action: ActionMetadata): string
export function outputsTable(action: ActionMetadata): string
export function renderReadme(readme: string, action?: ActionMetadata): Promise<string>
