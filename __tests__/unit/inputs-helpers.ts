// Shared by the inputs*.test.ts files: builds the environment the runner would pass and catches the
// InputError a bad value must raise.
import { expect } from '@jest/globals'
import { getInputs, InputError } from '../../src/inputs.js'
import type { ActionRequest } from '../../src/request.js'

export const NOW = new Date('2026-11-23T10:00:00.000Z')
export const API_KEY = 'sk-4f1c0e2d9b8a7f6e5d4c3b2a19081726'
export const AUTH_TOKEN = 'tok3nV4lu3-9d8c7b6a5f4e3d2c1b0a'
export const PASSWORD = 'Pw-8e7d6c5b4a39'
export const GITHUB_TOKEN = 'ghs_1a2B3c4D5e6F7g8H9i0J'

export type Inputs = Record<string, string | undefined>

export const BASE: Inputs = {
  operation: 'create-link',
  'portal-url': 'https://portal.example.com',
  'api-key': API_KEY,
  'file-id': '12345'
}

/** The environment the runner builds: `INPUT_<NAME>`, upper case, hyphens kept. */
export function envOf(inputs: Inputs, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...extra }
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

/** getInputs on BASE with `inputs` laid over it (undefined removes an input). */
export function run(inputs: Inputs = {}, extra: NodeJS.ProcessEnv = {}, now = NOW): ActionRequest {
  return getInputs(envOf({ ...BASE, ...inputs }, extra), now)
}

/** The InputError that getInputs raises; fails the test when it raises nothing or something else. */
export function failure(inputs: Inputs, extra: NodeJS.ProcessEnv = {}, now = NOW): InputError {
  let caught: unknown
  try {
    run(inputs, extra, now)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(InputError)
  const error = caught as InputError
  expect(error.message).not.toMatch(/[\r\n]/)
  return error
}
