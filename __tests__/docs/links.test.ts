import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { anchorsOf, brokenLinks, linksOf } from './markdown-links.js'

const documents = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name))
]

describe('links between the README, docs/ and CONTRIBUTING.md', () => {
  it('reach every document of docs/ from the README', () => {
    const targets = linksOf(read('README.md')).map((link) => link.target.split('#')[0])
    for (const doc of documents.filter((d) => d.startsWith('docs/'))) {
      expect(targets).toContain(doc)
    }
  })

  it.each(documents)('lead to files and headings that exist, from %s', (file) => {
    expect(brokenLinks(file)).toEqual([])
  })

  it('find a missing file and a missing anchor', () => {
    const text = [
      'See [the guide](docs/nowhere.md), [reliability](docs/reliability.md#no-such-heading),',
      '[faults](docs/reliability.md#fault-matrix) and [up](#top).',
      '```',
      '[inside a fence](missing.md)',
      '```',
      '# Top'
    ].join('\n')
    expect(brokenLinks('README.md', text)).toEqual([
      'README.md:1: docs/nowhere.md: no such file',
      'README.md:1: docs/reliability.md#no-such-heading: no heading with that anchor in docs/reliability.md'
    ])
  })

  it('derive anchors the way GitHub does', () => {
    const anchors = anchorsOf('# Run it from source\n## `upload` inputs\n## Notes\n## Notes\n')
    expect([...anchors]).toEqual(['run-it-from-source', 'upload-inputs', 'notes', 'notes-1'])
  })
})

function read(file: string): string {
  return readFileSync(file, 'utf8')
}
