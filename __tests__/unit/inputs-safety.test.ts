import { describe, expect, it } from '@jest/globals'
import { readStepBounds } from '../../src/inputs/bounds.js'

const env = (inputs: Record<string, string>): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))

describe('step bounds', () => {
  it('defaults to 100000 requests and an hour', () => {
    expect(readStepBounds({})).toEqual({ maxRequests: 100_000, stepTimeoutMs: 3_600_000 })
  })

  it('reads a duration or seconds', () => {
    expect(readStepBounds(env({ 'step-timeout': '90m' })).stepTimeoutMs).toBe(5_400_000)
    expect(readStepBounds(env({ 'step-timeout': '90' })).stepTimeoutMs).toBe(90_000)
    expect(readStepBounds(env({ 'max-requests': '250' })).maxRequests).toBe(250)
  })

  it('refuses values out of range in one line naming the input and a good value', () => {
    expect(() => readStepBounds(env({ 'step-timeout': '7h' }))).toThrow(
      'Input `step-timeout` must be at most `6h` (the longest a job runs), like `1h` (got `7h`).'
    )
    expect(() => readStepBounds(env({ 'step-timeout': '0' }))).toThrow(
      'Input `step-timeout` must be at least 1 second, like `1h` (got `0`).'
    )
    expect(() => readStepBounds(env({ 'step-timeout': 'soon' }))).toThrow(
      /Input `step-timeout` must be a duration/
    )
    expect(() => readStepBounds(env({ 'max-requests': '0' }))).toThrow(
      /Input `max-requests` must be a whole number from 1 to 10000000, like `100000` \(got `0`\)/
    )
  })
})

describe('credentials in portal-url', () => {
  it('are found whatever they hold, and only when there are some', async () => {
    const { portalUrlCredentials } = await import('../../src/inputs/portal-url.js')
    expect(portalUrlCredentials('https://deploy:pa/ss#wo?rd@portal.example.com')).toEqual(
      expect.arrayContaining(['deploy:pa/ss#wo?rd', 'pa/ss#wo?rd'])
    )
    expect(portalUrlCredentials('https://deploy:p%40ss@portal.example.com')).toEqual(
      expect.arrayContaining(['p%40ss', 'p@ss'])
    )
    expect(portalUrlCredentials('https://portal.example.com/docspace/@team')).toEqual([])
    expect(portalUrlCredentials('https://portal.example.com')).toEqual([])
  })
})
