// Workflow-command and summary injection through titles and file names, through the bundle run as the
// runner runs it: whoever can rename a link or add a file must not be able to make the runner obey a
// command, colour the log, or write Markdown into the job summary.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { commandLines, ownCommand, runBundle } from './portal.js'

const HOUR = 3_600_000

// Each tries one way out of a log line or of the summary's HTML block.
const HOSTILE = [
  'a\n::error::pwned-error',
  'b\r\n::add-mask::pwned',
  'c\n  ::stop-commands::pwnedtoken',
  'd\n::set-output name=linkId::pwned',
  'e ##[error]pwned-v1',
  'f \u001b[31mred\u001b[0m \u009b2J',
  'g\n\n# Heading\n![img](https://attacker.example/x.png)\n[click](https://attacker.example) @octocat',
  'h </td></tr></table>\n\n<script>alert(1)</script>'
]

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

function expectNoInjection(stdout: string): void {
  for (const line of commandLines(stdout)) {
    expect(ownCommand(line)).toBe(true)
    // An annotation of the action's own may quote a title, never start with one.
    expect(line).not.toMatch(/^\s*::(error|add-mask|stop-commands|set-output)[^:]*::\s*pwned/)
  }
  expect(stdout).not.toMatch(/^\s*::(stop-commands|set-output)/m)
  expect(stdout).not.toContain('##[')
  expect(stdout).not.toContain('\u001b')
  expect(stdout).not.toContain('\u009b')
  expect(stdout).not.toMatch(/^::add-mask::pwned/m)
}

function expectHtmlOnly(summary: string): void {
  // One HTML block: no blank line can end it, so nothing after renders as Markdown.
  expect(summary.trim()).not.toMatch(/\n\s*\n/)
  expect(summary).not.toContain('<script>')
  // A title that closes the table itself (`h </td></tr></table>…`) stays text.
  expect(summary).not.toMatch(/h <\/td><\/tr><\/table>/)
  expect(summary).not.toMatch(/\n#/)
  expect(summary).not.toContain('\u001b')
}

describe('titles from the portal', () => {
  it('reach stdout and the summary defused, through enforce-limits and a dry-run sweep', async () => {
    const folder = emulator.addFolder({ title: 'x\n::error::pwned-folder' })
    const file = emulator.addFile({ parentId: folder.id, title: 'y\n::error::pwned.zip' })
    for (const title of HOSTILE) {
      emulator.addLink(
        { kind: 'file', id: file.id },
        { title, expirationDate: new Date(Date.now() - HOUR) }
      )
      emulator.addLink({ kind: 'folder', id: folder.id }, { title })
    }
    const enforce = await runBundle(emulator.url, emulator.adminKey, {
      operation: 'enforce-limits',
      'file-id': file.id,
      'dry-run': true
    })
    expect(enforce.code).toBe(0)
    const sweep = await runBundle(emulator.url, emulator.adminKey, {
      operation: 'sweep',
      'folder-id': folder.id,
      'dry-run': true
    })
    expect(sweep.code).toBe(0)
    const list = await runBundle(emulator.url, emulator.adminKey, {
      operation: 'list-links',
      'folder-id': folder.id
    })
    expect(list.code).toBe(0)
    for (const run of [enforce, sweep, list]) {
      expectNoInjection(run.stdout)
      expectHtmlOnly(run.summary)
    }
    // The titles are still there to read, escaped.
    expect(enforce.summary).toContain('a<br>::error::pwned-error')
    expect(enforce.stdout).toContain('pwned-error')
    // Outputs carry the titles as data, JSON-escaped, and the dry run changed nothing.
    expect(
      JSON.parse(list.outputs.links)
        .map((l: { title: string }) => l.title)
        .sort()
    ).toEqual(HOSTILE.map((t) => t.trim()).sort())
    expect(emulator.state.links('file', file.id)).toHaveLength(HOSTILE.length)
  })
})

describe('file names from the workspace', () => {
  it('reach stdout and the summary defused through upload', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'hostile-names-'))
    try {
      const names = ['n1\n::error::pwned-file.zip', 'n2 ##[warning]pwned.zip']
      for (const name of names) writeFileSync(join(workspace, name), 'artifact')
      const folder = emulator.addFolder({ title: 'uploads' })
      const run = await runBundle(
        emulator.url,
        emulator.adminKey,
        { operation: 'upload', 'folder-id': folder.id, files: 'n*' },
        { GITHUB_WORKSPACE: workspace }
      )
      expect(run.code).toBe(0)
      expect(emulator.state.children(folder.id).files).toHaveLength(names.length)
      expectNoInjection(run.stdout)
      expectHtmlOnly(run.summary)
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})
