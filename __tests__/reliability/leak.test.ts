// Secrets never leak: every operation, on its success path and on failure paths where the portal echoes
// the credentials back, run through the built bundle with debug logging on. Everything the runner would
// keep (stdout, stderr, the output file and the job summary) is searched for the API key, the auth token,
// every link password and every link's share token. The only place a secret may appear is the runner's
// own `::add-mask::` command, which must come before anything else is printed.
import { afterAll, describe, expect, it } from '@jest/globals'
import type { FaultSpec } from '../../emulator/faults.js'
import { encodeTitle } from '../../src/links/title-tag.js'
import { runAction, type ActionRun } from '../../scripts/run-action.mjs'
import { scratchWorkspace, workspaceFiles, type Inputs } from './harness.js'
import { useEmulator } from '../helpers/fixtures.js'

const DAY = 24 * 3600_000
const LINK_PASSWORD = 'Lp-Secret-4821'
const EXISTING_PASSWORD = 'Ex-Secret-7733'
const MASK = '::add-mask::'

const emulator = useEmulator()
const workspace = scratchWorkspace()
afterAll(() => {
  workspace.remove()
})

/** A folder holding a file; each has an expired link, a limited one and one with a password. */
function site() {
  const folder = emulator.addFolder({ title: `leak-${Math.random()}` })
  const file = emulator.addFile({ parentId: folder.id, title: 'app.zip', content: 'x' })
  const links = [folder, file].flatMap((entry) => {
    const kind = entry.kind === 'file' ? 'file' : 'folder'
    return [
      emulator.addLink(
        { kind, id: entry.id },
        { title: 'Expired', expirationDate: new Date(Date.now() - DAY) }
      ),
      emulator.addLink(
        { kind, id: entry.id },
        {
          title: encodeTitle('Limited', { maxDownloads: 3, createdAt: new Date(Date.now() - DAY) })
        }
      ),
      emulator.addLink({ kind, id: entry.id }, { title: 'Guarded', password: EXISTING_PASSWORD })
    ]
  })
  return { folder, file, guarded: links[5] }
}

type Auth = 'api-key' | 'auth-token'

interface LeakCase {
  name: string
  auth: Auth
  inputs: (s: ReturnType<typeof site>) => Inputs
  /** A fault the portal answers with (matched on paths of this case only). */
  fault?: (s: ReturnType<typeof site>) => FaultSpec | ((auth: Auth, inputs: Inputs) => FaultSpec)
  fails: boolean
  /** The run stops before its first request (an input error): no debug line to look at. */
  noRequest?: boolean
  upload?: boolean
}

/** Every secret a run could leak, in clear and as it would appear in a URL. */
function secretForms(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [v, encodeURIComponent(v)]))]
}

function shareTokens(): string[] {
  const all: string[] = []
  for (const entry of [
    ...emulator.state.children(emulator.state.myDocumentsId).folders,
    ...[...Array(400).keys()].map((id) => emulator.state.entry(id)).filter((e) => e !== undefined)
  ]) {
    const kind = entry.kind === 'file' ? 'file' : entry.kind === 'room' ? 'room' : 'folder'
    for (const link of emulator.state.links(kind, entry.id)) all.push(link.requestToken)
  }
  return [...new Set(all)]
}

// Where a hostile or confused portal echoes what it was given: the credential, and the link password
// when the run has one.
function echo(method: string, path: string | RegExp): (auth: Auth, inputs: Inputs) => FaultSpec {
  return (auth, inputs) => ({
    kind: 'envelope-error',
    status: 400,
    method,
    path,
    message:
      `Rejected ${auth === 'api-key' ? `key ${emulator.adminKey}` : `token ${emulator.authToken}`}` +
      (inputs['link-password'] === undefined ? '' : `, password ${String(inputs['link-password'])}`)
  })
}

const filePath = (s: ReturnType<typeof site>) => `/files/file/${s.file.id}/links`
const folderPath = (s: ReturnType<typeof site>) => `/files/folder/${s.folder.id}/links`

const CASES: LeakCase[] = [
  {
    name: 'create-link',
    auth: 'api-key',
    fails: false,
    inputs: (s) => ({
      operation: 'create-link',
      'file-id': s.file.id,
      title: 'Build 7',
      'link-password': LINK_PASSWORD,
      expiration: '7d',
      'max-downloads': 2
    })
  },
  {
    name: 'create-link reusing a titled link',
    auth: 'auth-token',
    fails: false,
    inputs: (s) => ({
      operation: 'create-link',
      'file-id': s.file.id,
      title: 'Guarded',
      'link-password': LINK_PASSWORD
    })
  },
  {
    name: 'create-link, the portal echoes the secrets',
    auth: 'api-key',
    fails: true,
    inputs: (s) => ({
      operation: 'create-link',
      'file-id': s.file.id,
      title: 'Build 7',
      'link-password': LINK_PASSWORD
    }),
    fault: (s) => echo('PUT', filePath(s))
  },
  {
    name: 'create-link, the answer is lost (ambiguous, looked up)',
    auth: 'auth-token',
    fails: false,
    inputs: (s) => ({
      operation: 'create-link',
      'file-id': s.file.id,
      title: 'Build 8',
      'link-password': LINK_PASSWORD
    }),
    fault: (s) => ({ kind: 'reset-after', method: 'PUT', path: filePath(s) })
  },
  {
    name: 'list-links',
    auth: 'auth-token',
    fails: false,
    inputs: (s) => ({ operation: 'list-links', 'file-id': s.file.id })
  },
  {
    name: 'list-links, the portal echoes the secrets',
    auth: 'auth-token',
    fails: true,
    inputs: (s) => ({ operation: 'list-links', 'folder-id': s.folder.id }),
    fault: (s) => echo('GET', folderPath(s))
  },
  {
    name: 'update-link with a new password',
    auth: 'api-key',
    fails: false,
    inputs: (s) => ({
      operation: 'update-link',
      'file-id': s.file.id,
      'link-id': s.guarded.id,
      'link-password': LINK_PASSWORD
    })
  },
  {
    name: 'update-link, the portal echoes the secrets',
    auth: 'api-key',
    fails: true,
    inputs: (s) => ({
      operation: 'update-link',
      'file-id': s.file.id,
      title: 'Guarded',
      'link-password': LINK_PASSWORD
    }),
    fault: (s) => echo('PUT', filePath(s))
  },
  {
    name: 'update-link, the list before it echoes the secrets',
    auth: 'auth-token',
    fails: true,
    inputs: (s) => ({
      operation: 'update-link',
      'file-id': s.file.id,
      'link-id': s.guarded.id,
      'link-password': LINK_PASSWORD
    }),
    fault: (s) => echo('GET', filePath(s))
  },
  {
    name: 'revoke-link',
    auth: 'auth-token',
    fails: false,
    inputs: (s) => ({ operation: 'revoke-link', 'file-id': s.file.id, title: 'Guarded' })
  },
  {
    name: 'revoke-link, the portal stalls',
    auth: 'api-key',
    fails: true,
    inputs: (s) => ({
      operation: 'revoke-link',
      'file-id': s.file.id,
      title: 'Guarded',
      'request-timeout': 0.3,
      'max-retries': 0
    }),
    fault: (s) => ({ kind: 'stall', method: 'PUT', path: filePath(s) })
  },
  {
    name: 'enforce-limits',
    auth: 'api-key',
    fails: false,
    inputs: (s) => ({ operation: 'enforce-limits', 'file-id': s.file.id })
  },
  {
    name: 'enforce-limits, the audit trail echoes the secrets',
    auth: 'api-key',
    fails: true,
    inputs: (s) => ({ operation: 'enforce-limits', 'file-id': s.file.id }),
    fault: (s) =>
      echo('GET', new RegExp(`/security/audit/events/filter\\?.*target=${s.file.id}(&|$)`))
  },
  {
    name: 'sweep',
    auth: 'api-key',
    fails: false,
    inputs: (s) => ({ operation: 'sweep', 'folder-id': s.folder.id, 'dry-run': true })
  },
  {
    name: 'sweep, the portal echoes the secrets',
    auth: 'auth-token',
    fails: true,
    inputs: (s) => ({ operation: 'sweep', 'folder-id': s.folder.id }),
    fault: (s) => echo('PUT', filePath(s))
  },
  {
    name: 'upload',
    auth: 'api-key',
    fails: false,
    upload: true,
    inputs: (s) => ({
      operation: 'upload',
      'folder-id': s.folder.id,
      'link-password': LINK_PASSWORD,
      files: `${workspaceFiles(workspace.path, { 'notes.txt': 'release notes' })}/notes.txt`
    })
  },
  {
    name: 'upload, the portal echoes the secrets',
    auth: 'auth-token',
    fails: true,

    upload: true,
    inputs: (s) => ({
      operation: 'upload',
      'folder-id': s.folder.id,
      'link-password': LINK_PASSWORD,
      files: `${workspaceFiles(workspace.path, { 'notes.txt': 'release notes' })}/notes.txt`
    }),
    fault: (s) => echo('POST', `/files/${s.folder.id}/upload`)
  },
  {
    name: 'the key is refused (401)',
    auth: 'api-key',
    fails: true,
    inputs: (s) => ({ operation: 'list-links', 'file-id': s.file.id }),
    fault: (s) => ({ kind: 'status', status: 401, path: filePath(s) })
  },
  {
    name: 'an input is invalid',
    auth: 'auth-token',
    fails: true,
    noRequest: true,
    inputs: (s) => ({
      operation: 'create-link',
      'file-id': s.file.id,
      'link-password': LINK_PASSWORD,
      expiration: 'yesterday'
    })
  },
  {
    name: 'the link password itself is invalid',
    auth: 'api-key',
    fails: true,
    noRequest: true,
    inputs: (s) => ({
      operation: 'create-link',
      'file-id': s.file.id,
      'link-password': 'Bad Secret 19'
    })
  }
]

function check(run: ActionRun, c: LeakCase, inputSecrets: string[], tokens: string[]): void {
  const context = { case: c.name, stdout: run.stdout, stderr: run.stderr }
  expect({ ...context, code: run.code }).toEqual({ ...context, code: c.fails ? 1 : 0 })
  const lines = run.stdout.split(/\r?\n/)
  // Debug logging was on, so a leak through a debug line would show.
  if (!c.noRequest) expect(run.stdout).toContain('::debug::')

  // The masks of the secrets given as inputs come before any other line.
  const firstOther = lines.findIndex((l) => !l.startsWith(MASK))
  for (const secret of inputSecrets) {
    const at = lines.indexOf(`${MASK}${secret}`)
    expect({ ...context, secret, masked: at >= 0 && at < firstOther }).toMatchObject({
      masked: true
    })
  }

  const visible = [
    ...lines.filter((l) => !l.startsWith(MASK)),
    run.stderr,
    ...Object.entries(run.outputs).map(([k, v]) => `${k}=${v}`),
    run.summary
  ].join('\n')
  const secrets = secretForms([
    emulator.adminKey,
    emulator.authToken,
    LINK_PASSWORD,
    EXISTING_PASSWORD,
    'Bad Secret 19',
    ...tokens
  ])
  for (const secret of secrets) {
    const at = visible.indexOf(secret)
    const around = at < 0 ? '' : visible.slice(Math.max(0, at - 120), at + secret.length + 40)
    expect({ case: c.name, secret, around }).toEqual({ case: c.name, secret, around: '' })
  }

  // GitHub drops an output that holds a masked value: no output may contain one.
  const masked = lines.filter((l) => l.startsWith(MASK)).map((l) => l.slice(MASK.length))
  for (const [name, value] of Object.entries(run.outputs)) {
    for (const mask of masked) {
      expect({ case: c.name, output: name, mask, holds: value.includes(mask) }).toMatchObject({
        holds: false
      })
    }
  }
  if (!c.fails) expect(Object.keys(run.outputs)).toContain('links')

  if (c.fails) {
    // A failure is one clear line: the error command, no stack trace.
    expect(run.stdout).toMatch(/^::error::/m)
    expect(visible).not.toMatch(/\n\s+at .+:\d+:\d+/)
  }
}

describe('no secret leaks, debug logging on, through the bundle', () => {
  for (const c of CASES) {
    it.concurrent(c.name, async () => {
      const s = site()
      const inputs = c.inputs(s)
      const fault = c.fault?.(s)
      if (fault) emulator.faults.add(typeof fault === 'function' ? fault(c.auth, inputs) : fault)
      const credential =
        c.auth === 'api-key'
          ? { 'api-key': emulator.adminKey }
          : { 'auth-token': emulator.authToken }
      const tokensBefore = shareTokens()
      const run = await runAction({
        inputs: {
          'portal-url': emulator.url,
          'request-timeout': 5,
          'max-retries': 1,
          ...credential,
          ...inputs
        },
        env: { RUNNER_DEBUG: '1', ...(c.upload ? { GITHUB_WORKSPACE: workspace.path } : {}) }
      })
      const inputSecrets = [
        c.auth === 'api-key' ? emulator.adminKey : emulator.authToken,
        ...(typeof inputs['link-password'] === 'string' ? [inputs['link-password']] : [])
      ]
      check(run, c, inputSecrets, [...new Set([...tokensBefore, ...shareTokens()])])
    })
  }
})
