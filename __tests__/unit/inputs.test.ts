import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { getInputs, InputError } from '../../src/inputs.js'
import { OPERATIONS } from '../../src/request.js'
import {
  API_KEY,
  AUTH_TOKEN,
  BASE,
  GITHUB_TOKEN,
  NOW,
  envOf,
  failure,
  run
} from './inputs-helpers.js'

describe('reading inputs from the environment', () => {
  it('reads INPUT_<NAME> upper-cased with hyphens kept', () => {
    const env = {
      INPUT_OPERATION: 'create-link',
      'INPUT_PORTAL-URL': 'https://portal.example.com',
      'INPUT_API-KEY': API_KEY,
      'INPUT_FILE-ID': '7',
      'INPUT_MAX-DOWNLOADS': '3'
    }
    const request = getInputs(env, NOW)
    expect(request.targets).toEqual([{ kind: 'file', id: 7 }])
    expect(request.link.maxDownloads).toBe(3)
  })

  it('does not read underscore spellings of hyphenated names', () => {
    const request = run({}, { INPUT_MAX_DOWNLOADS: '3', INPUT_DRY_RUN: 'true' })
    expect(request.link.maxDownloads).toBeUndefined()
    expect(request.dryRun).toBe(false)
  })

  it('trims whitespace around values', () => {
    const request = run({ 'file-id': '  42\n', title: '  Release v1.2  ', 'dry-run': ' true ' })
    expect(request.targets).toEqual([{ kind: 'file', id: 42 }])
    expect(request.link.title).toBe('Release v1.2')
    expect(request.dryRun).toBe(true)
  })

  it.each(['', '   ', '\n\t'])('treats %j as not given', (blank) => {
    const request = run({ 'max-downloads': blank, expiration: blank, 'dry-run': blank })
    expect(request.link.maxDownloads).toBeUndefined()
    expect(request.link.expiration).toBeUndefined()
    expect(request.dryRun).toBe(false)
  })

  it('reads process.env when no environment is passed', () => {
    const saved = { ...process.env }
    try {
      Object.assign(process.env, envOf({ ...BASE, 'file-id': '99' }))
      expect(getInputs().targets).toEqual([{ kind: 'file', id: 99 }])
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
      Object.assign(process.env, saved)
    }
  })
})

describe('defaults', () => {
  it('gives the full request of a minimal create-link, with unset link settings left undefined', () => {
    expect(run()).toEqual({
      operation: 'create-link',
      connection: {
        portalUrl: 'https://portal.example.com',
        auth: { kind: 'api-key', apiKey: API_KEY },
        requestTimeoutMs: 30_000,
        maxRetries: 3,
        maxRequests: 100_000,
        stepTimeoutMs: 3_600_000
      },
      targets: [{ kind: 'file', id: 12345 }],
      link: {},
      dryRun: false,
      policy: {
        revokeExpired: true,
        enforceMaxDownloads: true,
        includePrimary: false,
        recursive: false,
        concurrency: 8,
        requestsPerMinute: 1200,
        failOnError: true
      },
      upload: {
        files: [],
        ifNoFilesFound: 'error',
        overwrite: true,
        createLinks: true,
        releaseNotes: false,
        followSymlinks: false
      },
      runner: { workspace: process.cwd(), github: {} }
    })
    const link = run().link
    for (const key of [
      'access',
      'expiration',
      'password',
      'denyDownload',
      'internal',
      'linkType',
      'title',
      'maxDownloads',
      'maxUseCount'
    ]) {
      expect(link[key as keyof typeof link]).toBeUndefined()
    }
  })

  it('gives sweep and upload the same defaults when their inputs are absent', () => {
    const sweep = run({ operation: 'sweep' })
    expect(sweep.policy).toEqual({
      revokeExpired: true,
      enforceMaxDownloads: true,
      includePrimary: false,
      recursive: false,
      concurrency: 8,
      requestsPerMinute: 1200,
      failOnError: true
    })
    const upload = run({
      operation: 'upload',
      'file-id': undefined,
      'folder-id': '5',
      files: 'dist/*.zip'
    })
    expect(upload.upload).toEqual({
      files: ['dist/*.zip'],
      ifNoFilesFound: 'error',
      overwrite: true,
      createLinks: true,
      releaseNotes: false,
      followSymlinks: false
    })
    expect(upload.upload.githubToken).toBeUndefined()
  })

  // The runner applies action.yml's defaults; a run by hand gets the code's. Both must agree.
  it('match the defaults written in action.yml', () => {
    const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
    const defaults = new Map<string, string>()
    let current = ''
    for (const line of yml.split('\n')) {
      const name = /^ {2}([a-z-]+):\s*$/.exec(line)
      if (name) current = name[1]!
      const value = /^ {4}default:\s*'(.*)'\s*$/.exec(line)
      if (value && current) defaults.set(current, value[1]!)
    }
    defaults.delete('github-token') // `${{ github.token }}` only exists on a runner
    expect([...defaults.keys()].sort()).toEqual(
      [
        'concurrency',
        'create-links',
        'dry-run',
        'enforce-max-downloads',
        'fail-on-error',
        'follow-symlinks',
        'if-no-files-found',
        'include-primary',
        'max-requests',
        'max-retries',
        'overwrite',
        'recursive',
        'release-notes',
        'request-timeout',
        'requests-per-minute',
        'revoke-expired',
        'step-timeout'
      ].sort()
    )
    const given = Object.fromEntries(defaults)
    for (const operation of ['sweep', 'upload'] as const) {
      const inputs = {
        operation,
        'file-id': undefined,
        'folder-id': '5',
        files: 'a.zip'
      }
      expect(run({ ...inputs, ...given })).toEqual(run(inputs))
    }
  })
})

describe('portal-url', () => {
  it.each([
    ['https://portal.example.com', 'https://portal.example.com'],
    ['https://portal.example.com/', 'https://portal.example.com'],
    ['https://Portal.Example.COM:443/', 'https://portal.example.com'],
    ['https://portal.example.com:8443', 'https://portal.example.com:8443'],
    ['https://example.com/docspace/', 'https://example.com/docspace'],
    ['https://example.com/docspace///', 'https://example.com/docspace'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://LOCALHOST/', 'http://localhost'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    ['http://[::1]:8080', 'http://[::1]:8080']
  ])('normalizes %s to %s', (value, expected) => {
    expect(run({ 'portal-url': value }).connection.portalUrl).toBe(expected)
  })

  it.each([
    ['portal.example.com', /must be a full URL/],
    ['not a url', /must be a full URL/],
    ['https://', /must be a full URL/],
    ['http://portal.example.com', /must use `https:\/\/`/],
    ['http://10.0.0.5', /must use `https:\/\/`/],
    ['http://128.0.0.1', /must use `https:\/\/`/],
    ['http://localhost.example.com', /must use `https:\/\/`/],
    ['ftp://portal.example.com', /must be an `https:\/\/` URL/],
    ['file:///etc/passwd', /must be an `https:\/\/` URL/],
    ['https://portal.example.com/?tenant=1', /query or fragment/],
    ['https://portal.example.com/#x', /query or fragment/],
    ['https://portal.example.com?', /query or fragment/],
    ['https://portal.example.com/api/2.0', /without the API path `\/api\/2.0`/],
    ['https://portal.example.com/api/2.0/', /without the API path/]
  ])('refuses %s', (value, message) => {
    const error = failure({ 'portal-url': value })
    expect(error.input).toBe('portal-url')
    expect(error.message).toMatch(/^Input `portal-url` /)
    expect(error.message).toMatch(message)
    expect(error.message).toContain('`https://example.onlyoffice.com`')
  })

  it('refuses credentials in the URL without showing them', () => {
    const error = failure({ 'portal-url': 'https://admin:hunter2secret@portal.example.com' })
    expect(error.message).toMatch(/user name or password/)
    expect(error.message).not.toContain('hunter2secret')
    expect(error.message).not.toContain('admin')
  })

  it('falls back to DOCSPACE_PORTAL_URL', () => {
    const request = run(
      { 'portal-url': undefined },
      { DOCSPACE_PORTAL_URL: ' https://env.example.com/ ' }
    )
    expect(request.connection.portalUrl).toBe('https://env.example.com')
  })

  it('prefers the input to DOCSPACE_PORTAL_URL', () => {
    const request = run(
      { 'portal-url': 'https://input.example.com' },
      { DOCSPACE_PORTAL_URL: 'https://env.example.com' }
    )
    expect(request.connection.portalUrl).toBe('https://input.example.com')
  })

  it('checks the fallback like the input', () => {
    const error = failure(
      { 'portal-url': undefined },
      { DOCSPACE_PORTAL_URL: 'http://env.example.com' }
    )
    expect(error.message).toMatch(/must use `https:\/\/`/)
  })

  it('is required', () => {
    const error = failure({ 'portal-url': undefined }, { DOCSPACE_PORTAL_URL: '  ' })
    expect(error.message).toMatch(/^Input `portal-url` is required .*DOCSPACE_PORTAL_URL/)
  })
})

describe('api-key and auth-token', () => {
  it('sends an api key', () => {
    expect(run().connection.auth).toEqual({ kind: 'api-key', apiKey: API_KEY })
  })

  it('sends an auth token', () => {
    const request = run({ 'api-key': undefined, 'auth-token': AUTH_TOKEN })
    expect(request.connection.auth).toEqual({ kind: 'auth-token', authToken: AUTH_TOKEN })
  })

  it('falls back to DOCSPACE_API_KEY', () => {
    const request = run({ 'api-key': undefined }, { DOCSPACE_API_KEY: ` ${API_KEY}\n` })
    expect(request.connection.auth).toEqual({ kind: 'api-key', apiKey: API_KEY })
  })

  it('prefers the api-key input to DOCSPACE_API_KEY', () => {
    const request = run({}, { DOCSPACE_API_KEY: 'sk-from-the-environment' })
    expect(request.connection.auth).toEqual({ kind: 'api-key', apiKey: API_KEY })
  })

  it('prefers an explicit auth-token to the DOCSPACE_API_KEY fallback', () => {
    const request = run(
      { 'api-key': undefined, 'auth-token': AUTH_TOKEN },
      { DOCSPACE_API_KEY: API_KEY }
    )
    expect(request.connection.auth).toEqual({ kind: 'auth-token', authToken: AUTH_TOKEN })
  })

  it('refuses both inputs at once without showing either', () => {
    const error = failure({ 'auth-token': AUTH_TOKEN })
    expect(error.message).toMatch(/`api-key` and `auth-token` were given together/)
    expect(error.message).not.toContain(API_KEY)
    expect(error.message).not.toContain(AUTH_TOKEN)
  })

  it('requires one of them', () => {
    const error = failure({ 'api-key': undefined })
    expect(error.message).toMatch(/^Input `api-key` .*DOCSPACE_API_KEY.*`auth-token` is required/)
  })

  it.each([
    ['api-key', `${API_KEY} extra`],
    ['api-key', `Bearer ${API_KEY}`],
    ['api-key', `${API_KEY}\n${API_KEY}`],
    ['api-key', `${API_KEY}é`],
    ['auth-token', `${AUTH_TOKEN};path=/`],
    ['auth-token', `${AUTH_TOKEN}\tx`]
  ])('refuses a %s that cannot go into a header, without showing it', (name, value) => {
    const inputs =
      name === 'api-key' ? { 'api-key': value } : { 'api-key': undefined, 'auth-token': value }
    const error = failure(inputs)
    expect(error.message).toMatch(new RegExp(`^Input \`${name}\` must be a single token`))
    expect(error.message).not.toContain(value.slice(0, 12))
    expect(error.message).not.toContain('got')
  })
})

describe('request-timeout and max-retries', () => {
  it.each([
    ['30', 30_000],
    ['1', 1000],
    ['0.5', 500],
    ['.25', 250],
    ['2.', 2000],
    ['600', 600_000],
    ['045', 45_000]
  ])('reads request-timeout %s as %d ms', (value, ms) => {
    expect(run({ 'request-timeout': value }).connection.requestTimeoutMs).toBe(ms)
  })

  it.each([
    '0',
    '0.0',
    '0.0001',
    '-1',
    '+5',
    '1e2',
    '600.5',
    '601',
    'abc',
    '30s',
    '1,5',
    'Infinity',
    'NaN'
  ])('refuses request-timeout %j', (value) => {
    const error = failure({ 'request-timeout': value })
    expect(error.message).toBe(
      `Input \`request-timeout\` must be a positive number of seconds up to 600, like \`30\` (got \`${value}\`).`
    )
  })

  it.each([
    ['0', 0],
    ['3', 3],
    ['10', 10]
  ])('reads max-retries %s', (value, n) => {
    expect(run({ 'max-retries': value }).connection.maxRetries).toBe(n)
  })

  it.each(['11', '-1', '1.5', 'three', '1e1', '+1'])('refuses max-retries %j', (value) => {
    expect(failure({ 'max-retries': value }).message).toBe(
      `Input \`max-retries\` must be a whole number from 0 to 10, like \`3\` (got \`${value}\`).`
    )
  })
})

describe('operation', () => {
  it.each(OPERATIONS.map((o) => [o]))('accepts %s', (operation) => {
    const inputs =
      operation === 'upload'
        ? { operation, 'file-id': undefined, 'folder-id': '1', files: 'a' }
        : operation === 'update-link' || operation === 'revoke-link'
          ? { operation, title: 'x' }
          : { operation }
    expect(run(inputs).operation).toBe(operation)
  })

  it('ignores case', () => {
    expect(run({ operation: 'Create-Link' }).operation).toBe('create-link')
  })

  it.each(['create', 'delete-link', 'createlink', 'create_link'])(
    'refuses %j and lists the operations',
    (value) => {
      expect(failure({ operation: value }).message).toBe(
        'Input `operation` must be `create-link`, `list-links`, `update-link`, `revoke-link`, ' +
          `\`enforce-limits\`, \`sweep\`, \`upload\` or \`check-portal\`, like \`create-link\` ` +
          `(got \`${value}\`).`
      )
    }
  )

  it('is required', () => {
    expect(failure({ operation: undefined }).message).toMatch(
      /^Input `operation` is required: one of `create-link`/
    )
  })
})

describe('targets', () => {
  it.each<['file-id' | 'folder-id' | 'room-id', 'file' | 'folder' | 'room']>([
    ['file-id', 'file'],
    ['folder-id', 'folder'],
    ['room-id', 'room']
  ])('reads %s as a %s target', (name, kind) => {
    const request = run({ 'file-id': undefined, [name]: '2147483647' })
    expect(request.targets).toEqual([{ kind, id: 2147483647 }])
  })

  it.each([
    ['0', /positive whole number up to 2147483647/],
    ['-5', /positive whole number/],
    ['+5', /positive whole number/],
    ['5.0', /positive whole number/],
    ['1e3', /positive whole number/],
    ['0x10', /positive whole number/],
    ['2147483648', /positive whole number up to 2147483647/],
    ['99999999999999999999999', /positive whole number/],
    ['abc', /positive whole number/],
    ['1 2', /positive whole number/],
    ['1,2', /takes one id with `create-link` \(only `sweep` takes a list\)/],
    ['1\n2', /takes one id/]
  ])('refuses file-id %j', (value, message) => {
    const error = failure({ 'file-id': value })
    expect(error.message).toMatch(/^Input `file-id` /)
    expect(error.message).toMatch(message)
    expect(error.message).toContain('`12345`')
  })

  it('requires a target', () => {
    expect(failure({ 'file-id': undefined }).message).toMatch(
      /^Input `file-id`, `folder-id` or `room-id` is required with `create-link`/
    )
  })

  it('refuses two targets at once', () => {
    expect(failure({ 'folder-id': '4' }).message).toMatch(
      /^Inputs `file-id` and `folder-id` were given together/
    )
    expect(failure({ 'folder-id': '4', 'room-id': '5' }).message).toMatch(
      /`file-id` and `folder-id` and `room-id`/
    )
  })

  describe('sweep', () => {
    it('takes lists in each input, separated by commas or new lines, without repeats', () => {
      const request = run({
        operation: 'sweep',
        'file-id': '1, 2,2\n3',
        'folder-id': '10\r\n11,\n',
        'room-id': '1'
      })
      expect(request.targets).toEqual([
        { kind: 'file', id: 1 },
        { kind: 'file', id: 2 },
        { kind: 'file', id: 3 },
        { kind: 'folder', id: 10 },
        { kind: 'folder', id: 11 },
        { kind: 'room', id: 1 }
      ])
    })

    it('takes a single id too', () => {
      expect(run({ operation: 'sweep', 'file-id': undefined, 'room-id': '8' }).targets).toEqual([
        { kind: 'room', id: 8 }
      ])
    })

    it('names the bad entry of a list', () => {
      const error = failure({ operation: 'sweep', 'folder-id': '10, x1, 12' })
      expect(error.message).toMatch(
        /^Input `folder-id` must list positive whole numbers .*`x1` is not one/
      )
    })

    it.each([', ,', '\n'])('needs at least one id overall (%j)', (value) => {
      const error = failure({ operation: 'sweep', 'file-id': value })
      expect(error.message).toMatch(/at least one id to sweep/)
    })
  })

  describe('upload', () => {
    it.each<['folder-id' | 'room-id', 'folder' | 'room']>([
      ['folder-id', 'folder'],
      ['room-id', 'room']
    ])('puts files into a %s', (name, kind) => {
      const request = run({
        operation: 'upload',
        'file-id': undefined,
        [name]: '9',
        files: 'a.zip'
      })
      expect(request.targets).toEqual([{ kind, id: 9 }])
    })

    it('refuses file-id', () => {
      const error = failure({ operation: 'upload', files: 'a.zip' })
      expect(error.message).toMatch(/^Input `file-id` `upload` puts files into a folder or room/)
    })

    it('refuses file-id even next to folder-id', () => {
      expect(failure({ operation: 'upload', 'folder-id': '3', files: 'a' }).input).toBe('file-id')
    })

    it('requires folder-id or room-id', () => {
      const error = failure({ operation: 'upload', 'file-id': undefined, files: 'a' })
      expect(error.message).toMatch(/^Input `folder-id` or `room-id` is required with `upload`/)
    })
  })
})

describe('link-id', () => {
  const ID = '3F2B8C9E-1A2B-4C3D-8E9F-0A1B2C3D4E5F'

  it.each(['update-link', 'revoke-link', 'enforce-limits'])(
    'is read, in lower case, by %s',
    (operation) => {
      expect(run({ operation, 'link-id': ID }).linkId).toBe(ID.toLowerCase())
    }
  )

  it.each(['list-links', 'sweep'])('is ignored by %s', (operation) => {
    expect(run({ operation, 'link-id': 'not-a-uuid' }).linkId).toBeUndefined()
  })

  it('is refused by create-link, pointing to update-link', () => {
    expect(failure({ 'link-id': ID }).message).toMatch(
      /^Input `link-id` does not apply to `create-link`.*`operation: update-link`/
    )
  })

  it.each([
    '3f2b8c9e1a2b4c3d8e9f0a1b2c3d4e5f',
    '{3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f}',
    '3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5',
    '3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5g',
    '12345'
  ])('refuses %j', (value) => {
    expect(failure({ operation: 'update-link', 'link-id': value }).message).toMatch(
      /^Input `link-id` must be the uuid of a link, like `3f2b8c9e-/
    )
  })

  it('refuses the nil uuid, which would create a link', () => {
    expect(
      failure({ operation: 'update-link', 'link-id': '00000000-0000-0000-0000-000000000000' })
        .message
    ).toMatch(/nil uuid/)
  })

  it.each(['update-link', 'revoke-link'])('%s needs link-id or title', (operation) => {
    expect(failure({ operation }).message).toMatch(
      new RegExp(`^Input \`link-id\` or \`title\` is required with \`${operation}\``)
    )
    expect(run({ operation, title: 'Release' }).link.title).toBe('Release')
    expect(run({ operation, title: 'Release', 'link-id': ID }).linkId).toBe(ID.toLowerCase())
  })

  it('enforce-limits needs neither', () => {
    expect(run({ operation: 'enforce-limits' }).linkId).toBeUndefined()
  })
})

describe('booleans', () => {
  const BOOLEANS: [string, string, (r: ReturnType<typeof run>) => boolean | undefined][] = [
    ['dry-run', 'create-link', (r) => r.dryRun],
    ['deny-download', 'create-link', (r) => r.link.denyDownload],
    ['internal', 'update-link', (r) => r.link.internal],
    ['revoke-expired', 'enforce-limits', (r) => r.policy.revokeExpired],
    ['enforce-max-downloads', 'sweep', (r) => r.policy.enforceMaxDownloads],
    ['include-primary', 'enforce-limits', (r) => r.policy.includePrimary],
    ['recursive', 'sweep', (r) => r.policy.recursive],
    ['fail-on-error', 'sweep', (r) => r.policy.failOnError],
    ['overwrite', 'upload', (r) => r.upload.overwrite],
    ['create-links', 'upload', (r) => r.upload.createLinks],
    ['release-notes', 'upload', (r) => r.upload.releaseNotes]
  ]
  const base = (operation: string) =>
    operation === 'upload'
      ? {
          operation,
          'file-id': undefined,
          'folder-id': '1',
          files: 'a',
          'github-token': GITHUB_TOKEN
        }
      : { operation, title: 'x' }

  it.each(BOOLEANS)('reads %s for %s', (name, operation, pick) => {
    for (const value of ['true', 'True', 'TRUE'])
      expect(pick(run({ ...base(operation), [name]: value }))).toBe(true)
    for (const value of ['false', 'False', 'FALSE'])
      expect(pick(run({ ...base(operation), [name]: value }))).toBe(false)
  })

  it.each(
    BOOLEANS.flatMap(([name, operation]) =>
      ['yes', 'no', '1', '0', 'on', 'tRUE', 'truee'].map((v) => [name, operation, v])
    )
  )('refuses %s %s: %j', (name, operation, value) => {
    expect(failure({ ...base(operation), [name]: value }).message).toBe(
      `Input \`${name}\` must be \`true\` or \`false\` (also \`True\`, \`TRUE\`, \`False\`, \`FALSE\`) (got \`${value}\`).`
    )
  })
})

describe('enforce-limits and sweep policy', () => {
  it('reads every policy input for sweep', () => {
    const request = run({
      operation: 'sweep',
      'revoke-expired': 'false',
      'enforce-max-downloads': 'false',
      'max-age': '1d12h',
      'title-pattern': 'Release *',
      'include-primary': 'true',
      recursive: 'true',
      concurrency: '15',
      'requests-per-minute': '600',
      'fail-on-error': 'false'
    })
    expect(request.policy).toEqual({
      revokeExpired: false,
      enforceMaxDownloads: false,
      maxAgeMs: 36 * 3600_000,
      titlePattern: 'Release *',
      includePrimary: true,
      recursive: true,
      concurrency: 15,
      requestsPerMinute: 600,
      failOnError: false
    })
  })

  it('refuses a requests-per-minute out of range with one line naming the input and a good value', () => {
    expect(() => run({ operation: 'sweep', 'requests-per-minute': '0' })).toThrow(
      /Input `requests-per-minute` .*like `600`/
    )
  })

  it('reads max-age, title-pattern, include-primary and recursive for enforce-limits but not the sweep-only inputs', () => {
    const request = run({
      operation: 'enforce-limits',
      'max-age': '2w',
      'title-pattern': 'Nightly ?',
      'include-primary': 'true',
      recursive: 'true',
      concurrency: '99',
      'requests-per-minute': 'fast',
      'fail-on-error': 'nope'
    })
    expect(request.policy).toEqual({
      revokeExpired: true,
      enforceMaxDownloads: true,
      maxAgeMs: 14 * 86_400_000,
      titlePattern: 'Nightly ?',
      includePrimary: true,
      recursive: true,
      concurrency: 8,
      requestsPerMinute: 1200,
      failOnError: true
    })
  })

  it.each([
    ['0', /whole number from 1 to 15/],
    ['16', /whole number from 1 to 15/],
    ['8.5', /whole number from 1 to 15/],
    ['eight', /whole number from 1 to 15, like `8`/]
  ])('refuses concurrency %j', (value, message) => {
    expect(failure({ operation: 'sweep', concurrency: value }).message).toMatch(message)
  })

  it.each(['30', '1.5d', '1M', '0h', '90s', '-1d', '2 weeks'])(
    'refuses max-age %j with an example',
    (value) => {
      const error = failure({ operation: 'sweep', 'max-age': value })
      expect(error.message).toMatch(/^Input `max-age` must/)
      expect(error.message).toMatch(/`\d+[mhdw]`/)
      expect(error.message).toContain(`(got \`${value}\`)`)
    }
  )

  it('ignores the policy inputs for operations that do not use them', () => {
    const request = run({
      'max-age': 'x',
      concurrency: 'x',
      'revoke-expired': 'x',
      'title-pattern': '*'
    })
    expect(request.policy.titlePattern).toBeUndefined()
    expect(request.policy.maxAgeMs).toBeUndefined()
  })
})

describe('upload settings', () => {
  const UPLOAD = { operation: 'upload', 'file-id': undefined, 'room-id': '77', files: 'dist/*.zip' }

  it('reads every upload input', () => {
    const request = run({
      ...UPLOAD,
      files: '\n  dist/*.zip  \n\n  build/app.tar.gz\r\n!dist/*.map\n',
      'if-no-files-found': 'Warn',
      subfolder: 'v1.2.0',
      overwrite: 'false',
      'create-links': 'false',
      'release-notes': 'true',
      'github-token': GITHUB_TOKEN
    })
    expect(request.upload).toEqual({
      files: ['dist/*.zip', 'build/app.tar.gz', '!dist/*.map'],
      ifNoFilesFound: 'warn',
      subfolder: 'v1.2.0',
      overwrite: false,
      createLinks: false,
      releaseNotes: true,
      githubToken: GITHUB_TOKEN,
      followSymlinks: false
    })
  })

  it('requires files', () => {
    expect(failure({ ...UPLOAD, files: undefined }).message).toMatch(
      /^Input `files` is required with `upload`/
    )
    expect(failure({ ...UPLOAD, files: ' \n \n' }).input).toBe('files')
  })

  it.each(['fail', 'errors', 'none'])('refuses if-no-files-found %j', (value) => {
    expect(failure({ ...UPLOAD, 'if-no-files-found': value }).message).toBe(
      `Input \`if-no-files-found\` must be \`error\`, \`warn\` or \`ignore\`, like \`error\` (got \`${value}\`).`
    )
  })

  it.each([
    ['release/v1', /single folder name, without `\/`/],
    ['a\\b', /single folder name/],
    ['.', /not `.` or `..`/],
    ['..', /not `.` or `..`/],
    ['tab\there', /control characters/],
    ['x'.repeat(171), /at most 170 characters \(it has 171\)/]
  ])('refuses subfolder %j', (value, message) => {
    const error = failure({ ...UPLOAD, subfolder: value })
    expect(error.message).toMatch(/^Input `subfolder` /)
    expect(error.message).toMatch(message)
    expect(error.message).toContain('`v1.2.0`')
  })

  it('accepts a subfolder of 170 characters', () => {
    expect(run({ ...UPLOAD, subfolder: 'y'.repeat(170) }).upload.subfolder).toBe('y'.repeat(170))
  })

  it('needs github-token for release-notes', () => {
    expect(failure({ ...UPLOAD, 'release-notes': 'true' }).message).toMatch(
      /^Input `github-token` is required with `release-notes: true`/
    )
    expect(run({ ...UPLOAD, 'github-token': GITHUB_TOKEN }).upload.githubToken).toBe(GITHUB_TOKEN)
  })

  it('ignores the upload inputs for other operations', () => {
    const request = run({
      files: 'a',
      subfolder: '../x',
      overwrite: 'maybe',
      'if-no-files-found': 'x'
    })
    expect(request.upload.files).toEqual([])
    expect(request.upload.subfolder).toBeUndefined()
  })
})

describe('InputError', () => {
  it('is an Error with a name and the input', () => {
    const error = failure({ 'max-downloads': 'abc' })
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(InputError)
    expect(error.name).toBe('InputError')
    expect(error.input).toBe('max-downloads')
    expect(error.message).toBe(
      'Input `max-downloads` must be a positive whole number, like `3` (got `abc`).'
    )
  })

  it('shows at most about 40 characters of a bad value, on one line', () => {
    const error = failure({ 'max-downloads': `${'9'.repeat(30)}\nabc${'z'.repeat(100)}` })
    expect(error.message).toContain(`(got \`${'9'.repeat(30)}\\nabc${'z'.repeat(6)}…\`)`)
    expect(error.message).not.toContain('z'.repeat(7))
  })
})

describe('runner environment', () => {
  it('is read with the inputs: the workspace and the variables that describe the event', () => {
    const request = run(
      {},
      {
        GITHUB_WORKSPACE: '/home/runner/work/app/app',
        GITHUB_EVENT_NAME: 'release',
        GITHUB_EVENT_PATH: '/home/runner/work/_temp/event.json',
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_TOKEN: 'not-copied',
        HOME: '/home/runner'
      }
    )
    expect(request.runner).toEqual({
      workspace: '/home/runner/work/app/app',
      github: {
        GITHUB_EVENT_NAME: 'release',
        GITHUB_EVENT_PATH: '/home/runner/work/_temp/event.json',
        GITHUB_REPOSITORY: 'octo/app'
      }
    })
  })
})
