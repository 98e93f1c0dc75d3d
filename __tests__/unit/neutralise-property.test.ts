// Property: no title or file name, whatever it holds, makes a workflow command line on stdout or a
// Markdown element in the job summary. Strings are built from the pieces attacks are made of.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import { blankShareLink } from '../../src/links/share-link.js'
import { actionsLogger } from '../../src/log.js'
import type { OperationResult, OutputLink } from '../../src/result.js'
import { renderSummary } from '../../src/summary.js'

const PIECES = [
  '\n',
  '\r',
  '\r\n',
  '\u0085',
  '\u2028',
  '\u2029',
  ' ',
  '\t',
  '::',
  ':',
  '##[',
  '#',
  '\u001b[31m',
  '\u009b',
  '\u202e',
  'error',
  'add-mask',
  'stop-commands',
  'set-output name=x',
  '::error file=a,line=1::',
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '!',
  '[',
  ']',
  '(',
  ')',
  '@octocat',
  '*',
  '_',
  '|',
  '-',
  '=',
  '<!--',
  '<script>',
  '</td>',
  '</table>',
  '# ',
  '> ',
  '    ',
  'https://x.example',
  '&lt;',
  '&#10;'
]

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), {
    maxLength: 24
  })
  .map((parts) => parts.join(''))

// How the runner reads stdout: line by line (CR, LF, CRLF), a command being a line that starts with `::`
// after blanks, or one holding `##[` anywhere (its older syntax).
function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['))
}

const ALLOWED_TAG = /^<\/?(h2|p|em|strong|ul|li|table|tr|th|td|a|br)(\s[^<>]*)?>$/

function link(title: string, extra: Partial<OutputLink>): OutputLink {
  return { ...blankShareLink(title), id: 'id-1', shareUrl: 'https://p.example/s/1', ...extra }
}

describe('neutralising what the portal and the file system say', () => {
  let written: string[]
  beforeEach(() => {
    written = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('never lets a title or file name start a workflow command on stdout', () => {
    fc.assert(
      fc.property(hostile, hostile, (title, file) => {
        written.length = 0
        actionsLogger.info(title)
        actionsLogger.info(`Kept the link "${title}" on ${file}: within limits`)
        actionsLogger.info(`${file}\n${title}`)
        actionsLogger.warning(`The link "${title}" expires soon`)
        actionsLogger.notice(`Revoked ${file}`)
        actionsLogger.startGroup(title)
        actionsLogger.endGroup()
        const stdout = written.join('')
        const commands = commandLines(stdout)
        // Only the action's own commands, one per call that writes one.
        expect(commands.map((c) => /^::(\w+)/.exec(c)?.[1])).toEqual([
          'warning',
          'notice',
          'group',
          'endgroup'
        ])
        expect(stdout).not.toContain('\u001b')
        expect(stdout).not.toContain('\u009b')
      }),
      { numRuns: 200 }
    )
  })

  it('never lets a title, note or failure put a Markdown element into the summary', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, note, failure) => {
        const result: OperationResult = {
          operation: 'sweep',
          dryRun: false,
          headline: `Swept ${title}`,
          links: [link(title, { target: note, reason: failure, action: 'revoked' })],
          revoked: true,
          notes: [note],
          failures: [failure]
        }
        const html = renderSummary(result, failure)
        // One HTML block from the first line on: no blank line ends it, so Markdown is never parsed.
        expect(html.startsWith('<h2>')).toBe(true)
        expect(html).not.toMatch(/\n[ \t]*(\n|$)/)
        for (const c of ['\r', '\u0085', '\u2028', '\u2029', '\u001b', '\u009b']) {
          expect(html).not.toContain(c)
        }
        // Every tag is one the action writes; the rest is text.
        for (const tag of html.match(/<[^>]*>?/g) ?? []) expect(tag).toMatch(ALLOWED_TAG)
      }),
      { numRuns: 200 }
    )
  })
})
