// Secrets against a portal that echoes them back, through the bundle run as the runner runs it: neither
// the API key (in any common encoding) nor credentials typed into portal-url may reach stdout (outside the
// runner's own mask commands), the outputs or the summary; a value too short to mask is not masked.
import { describe, expect, it } from '@jest/globals'
import { runBundle, useHostilePortal } from './portal.js'

const { emulator, portal } = useHostilePortal()

// Stdout without the `::add-mask::` lines, which carry the values for the runner to hide.
function logged(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
}

function masks(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length))
}

type Links = { response: Array<{ sharedLink: Record<string, unknown> }> }

describe('secrets', () => {
  it('keeps credentials typed into portal-url out of the error and the summary, whatever they hold', async () => {
    const password = 'pa/ss#wo?rd@x'
    const run = await runBundle(`http://deploy:${password}@127.0.0.1:9`, 'sk-whatever-key', {
      operation: 'list-links',
      'file-id': 1
    })
    expect(run.code).toBe(1)
    const shown = logged(run.stdout) + run.summary
    for (const part of ['pa/ss', 'wo?rd', password]) expect(shown).not.toContain(part)
    expect(logged(run.stdout)).toContain('(got `http://***@127.0.0.1:9`)')
    expect(masks(run.stdout)).toContain(password)
  })

  it('scrubs the key a portal echoes back, in clear and encoded, from outputs, summary and log', async () => {
    const folder = emulator.addFolder({ title: 'echo' })
    const file = emulator.addFile({ parentId: folder.id, title: 'app.zip' })
    const key = emulator.adminKey
    const forms = [
      key,
      Buffer.from(key).toString('base64'),
      Buffer.from(`user:${key}`).toString('base64'),
      Buffer.from(key).toString('hex'),
      key.replace(/^sk/, '%73%6B').replace(/a/g, '%61'),
      JSON.stringify({ key })
    ]
    for (const form of forms)
      emulator.addLink({ kind: 'file', id: file.id }, { title: `t ${form}` })
    const run = await runBundle(portal.url, key, { operation: 'list-links', 'file-id': file.id })
    expect(run.code).toBe(0)
    expect(run.outputs.count).toBe(String(forms.length))
    const everywhere = [logged(run.stdout), run.summary, ...Object.values(run.outputs)].join('\n')
    for (const form of forms) expect(everywhere).not.toContain(form)
    expect(everywhere).not.toContain(key.slice(3, 20))
    // The links are all there, their titles masked, and the output is still JSON.
    const titles = (JSON.parse(run.outputs.links) as Array<{ title: string }>).map((l) => l.title)
    expect(titles).toHaveLength(forms.length)
    for (const title of titles) expect(title).toMatch(/^t .*\*\*\*/)
  })

  it('masks a link password the portal returns, but never one under 4 characters', async () => {
    const folder = emulator.addFolder({ title: 'passwords' })
    const file = emulator.addFile({ parentId: folder.id, title: 'app.zip' })
    const long = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Long' })
    const short = emulator.addLink({ kind: 'file', id: file.id }, { title: 'Short' })
    portal.rewrite = (ex, answer) => {
      if (ex.method !== 'GET' || !ex.path.endsWith(`/file/${file.id}/links`)) return undefined
      const body = answer as Links
      for (const entry of body.response) {
        if (entry.sharedLink.id === long.id) entry.sharedLink.password = 'hunter22'
        if (entry.sharedLink.id === short.id) entry.sharedLink.password = 'x'
      }
      return body
    }
    const run = await runBundle(portal.url, emulator.adminKey, {
      operation: 'list-links',
      'file-id': file.id
    })
    expect(run.code).toBe(0)
    expect(masks(run.stdout)).toContain('hunter22')
    expect(masks(run.stdout)).not.toContain('x')
    expect(run.outputs.links).not.toContain('hunter22')
    const links = JSON.parse(run.outputs.links) as Array<{ title: string; hasPassword: boolean }>
    expect(links.map((l) => [l.title, l.hasPassword]).sort()).toEqual([
      ['Long', true],
      ['Short', true]
    ])
    // A one-letter value would blank every `x` of the job: the titles and the log keep theirs.
    expect(run.outputs.links).toContain('"linkType":"external"')
  })
})
