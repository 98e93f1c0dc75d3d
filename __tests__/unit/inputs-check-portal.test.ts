import { describe, expect, it } from '@jest/globals'
import { failure, run } from './inputs-helpers.js'

// `run` starts from a create-link request on file 42: these inputs override it.
const checkPortal = (inputs: Record<string, string | undefined>) =>
  run({ operation: 'check-portal', 'file-id': undefined, ...inputs })

describe('check-portal inputs', () => {
  it('needs no target and no require', () => {
    const request = checkPortal({})
    expect(request.targets).toEqual([])
    expect(request.require).toEqual([])
  })

  it('takes lists of every kind of target', () => {
    const request = checkPortal({ 'file-id': '1, 2', 'folder-id': '3\n4', 'room-id': '5' })
    expect(request.targets).toEqual([
      { kind: 'file', id: 1 },
      { kind: 'file', id: 2 },
      { kind: 'folder', id: 3 },
      { kind: 'folder', id: 4 },
      { kind: 'room', id: 5 }
    ])
  })

  it('bounds the number of targets', () => {
    const ids = Array.from({ length: 51 }, (_, i) => i + 1).join(',')
    expect(failure({ operation: 'check-portal', 'file-id': ids }).message).toMatch(
      /give 51 targets; `check-portal` checks at most 50/
    )
  })

  it('reads require as operations separated by commas or new lines, each once, any case', () => {
    expect(
      checkPortal({ require: 'create-link, Enforce-Limits\nupload,create-link,' }).require
    ).toEqual(['create-link', 'enforce-limits', 'upload'])
  })

  it.each(['publish', 'check-portal', 'create link'])('refuses %j in require', (value) => {
    const error = failure({ operation: 'check-portal', 'file-id': undefined, require: value })
    expect(error.input).toBe('require')
    expect(error.message).toMatch(
      /^Input `require` must list operations of this action \(`create-link`/
    )
    expect(error.message).toContain('like `create-link, enforce-limits`')
  })

  it('ignores require on other operations', () => {
    expect(run({ require: 'not an operation' }).require).toBeUndefined()
  })
})
