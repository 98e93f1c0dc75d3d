import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { loadAction, renderReadme, type ActionMetadata } from '../../scripts/docs.mjs'

const readme = readFileSync('README.md', 'utf8')
const action = loadAction()

/** The first-column names of the table between the markers, read straight from the README. */
function tableNames(text: string, marker: string): string[] {
  const block = new RegExp(`<!-- ${marker}:start -->([\\s\\S]*?)<!-- ${marker}:end -->`).exec(text)
  if (!block) throw new Error(`no ${marker} markers`)
  return [...block[1].matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1])
}

function withInput(extra: string): ActionMetadata {
  return {
    ...action,
    inputs: { ...action.inputs, [extra]: { description: 'Added', required: false } }
  }
}

describe('README tables', () => {
  it('are what `npm run docs` writes from action.yml', async () => {
    expect(await renderReadme(readme, action)).toBe(readme)
  })

  it('list every input and output of action.yml, in its order', () => {
    expect(tableNames(readme, 'inputs')).toEqual(Object.keys(action.inputs))
    expect(tableNames(readme, 'outputs')).toEqual(Object.keys(action.outputs))
  })

  it('differ as soon as action.yml gains an input', async () => {
    const rendered = await renderReadme(readme, withInput('brand-new'))
    expect(rendered).not.toBe(readme)
    expect(tableNames(rendered, 'inputs')).toContain('brand-new')
  })

  it('differ when a description in the README is edited by hand', async () => {
    const edited = readme.replace('What to do: `create-link`', 'Which thing to do: `create-link`')
    expect(edited).not.toBe(readme)
    expect(await renderReadme(edited, action)).toBe(readme)
  })

  it('need their markers', async () => {
    await expect(renderReadme(readme.replace('<!-- outputs:end -->', ''), action)).rejects.toThrow(
      /outputs:start\/end/
    )
  })
})
