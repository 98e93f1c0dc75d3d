import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { getInputs, InputError } from '../../src/inputs.js'
import { OPERATIONS, type ActionRequest } from '../../src/request.js'
import { NOW, envOf, run, type Inputs } from './inputs-helpers.js'

const ALL_INPUTS = [
  'operation',
  'portal-url',
  'api-key',
  'auth-token',
  'file-id',
  'folder-id',
  'room-id',
  'link-id',
  'title',
  'access',
  'expiration',
  'max-downloads',
  'link-password',
  'deny-download',
  'internal',
  'link-type',
  'max-use-count',
  'dry-run',
  'request-timeout',
  'max-retries',
  'revoke-expired',
  'enforce-max-downloads',
  'max-age',
  'title-pattern',
  'include-primary',
  'recursive',
  'concurrency',
  'fail-on-error',
  'files',
  'if-no-files-found',
  'subfolder',
  'overwrite',
  'create-links',
  'release-notes',
  'github-token'
] as const

const SECRETS = ['api-key', 'auth-token', 'link-password', 'github-token'] as const
const MARK = 'SECRET'

/** Plausible and implausible values alike, so that runs get past the first checks now and then. */
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    '1',
    '12345',
    '0',
    '-1',
    '1, 2',
    'true',
    'false',
    'yes',
    'read',
    'room-manager',
    'none',
    'invitation',
    'external',
    '7d',
    'never',
    '2026-12-31',
    '2026-12-31T18:00:00',
    '2020-01-01',
    'https://portal.example.com',
    'http://localhost:1',
    '3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    'Release [max-downloads=3]',
    ...OPERATIONS
  )
)

/** A secret that a leak would show: every one starts with the mark. */
const secretValue = fc
  .oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
  .map((s) => `${MARK}${s}`)

const printableSecret = fc.stringMatching(/^[!-~]{8,24}$/).map((s) => `${MARK}${s}`)
const BOOLEAN = ['true', 'false', 'True', 'FALSE']

/** Good values per input: mixed with random ones, they let runs get past the first checks. */
const GOOD: Record<string, fc.Arbitrary<string>> = {
  operation: fc.constantFrom(...OPERATIONS),
  'portal-url': fc.constantFrom('https://portal.example.com', 'http://127.0.0.1:8080/'),
  'api-key': printableSecret,
  'auth-token': printableSecret,
  'file-id': fc.constantFrom('1', '42', '1, 2'),
  'folder-id': fc.constantFrom('7', '8\n9'),
  'room-id': fc.constantFrom('3', '3,4'),
  'link-id': fc.uuid().filter((u) => !/^0{8}-/.test(u)),
  title: fc.constantFrom('Release v1.2', 'Nightly'),
  access: fc.constantFrom('read', 'edit', 'room-manager', 'fill-forms', '10'),
  expiration: fc.constantFrom('7d', 'never', '2026-12-31', '2027-01-01T00:00:00Z'),
  'max-downloads': fc.constantFrom('1', '3'),
  'link-password': printableSecret,
  'link-type': fc.constantFrom('external', 'invitation'),
  'max-use-count': fc.constantFrom('1', '10'),
  'request-timeout': fc.constantFrom('30', '0.5'),
  'max-retries': fc.constantFrom('0', '3'),
  'max-age': fc.constantFrom('12h', '2w'),
  'title-pattern': fc.constantFrom('Release *'),
  concurrency: fc.constantFrom('1', '15'),
  files: fc.constantFrom('dist/*.zip', 'a\nb'),
  'if-no-files-found': fc.constantFrom('error', 'warn', 'ignore'),
  subfolder: fc.constantFrom('v1.2.0'),
  'github-token': printableSecret
}

const inputsArb: fc.Arbitrary<Inputs> = fc.record(
  Object.fromEntries(
    ALL_INPUTS.map((name) => {
      const random = (SECRETS as readonly string[]).includes(name)
        ? secretValue
        : anyValue.filter((v) => !v.includes(MARK))
      const good = GOOD[name] ?? fc.constantFrom(...BOOLEAN)
      return [name, fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: random })]
    })
  ) as Record<string, fc.Arbitrary<string>>,
  { requiredKeys: [] }
)

function attempt(inputs: Inputs, extra: NodeJS.ProcessEnv = {}): ActionRequest | InputError {
  try {
    return getInputs(envOf(inputs, extra), NOW)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
}

describe('getInputs on random inputs', () => {
  it('returns a request or throws an InputError: one line, no secret, nothing else', () => {
    const faulted = new Set<string | undefined>()
    let accepted = 0
    fc.assert(
      fc.property(inputsArb, fc.option(secretValue, { nil: undefined }), (inputs, envKey) => {
        const result = attempt(inputs, envKey === undefined ? {} : { DOCSPACE_API_KEY: envKey })
        if (result instanceof InputError) {
          expect(result.message).toMatch(/^Inputs? `[a-z-]+`/)
          expect(result.message).not.toMatch(/[\r\n\u2028\u2029]/)
          expect(result.message).not.toContain(MARK)
          expect(result.message.endsWith('.')).toBe(true)
          faulted.add(result.input)
        } else {
          accepted++
          expect(OPERATIONS).toContain(result.operation)
          // check-portal alone may run without a target: it then reports the portal and the key only.
          if (result.operation !== 'check-portal') expect(result.targets.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 1000 }
    )
    // The runs must get deep enough to be worth something: past the connection inputs, into many others.
    expect(accepted).toBeGreaterThan(0)
    expect(faulted.size).toBeGreaterThanOrEqual(12)
  })

  it('handles a random value in any one input of a valid request', () => {
    const BASES: Record<string, Inputs> = {
      'create-link': { 'file-id': '1' },
      'list-links': { 'room-id': '1' },
      'update-link': { 'room-id': '1', 'link-id': '3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' },
      'revoke-link': { 'folder-id': '1', title: 'Old' },
      'enforce-limits': { 'file-id': '1' },
      sweep: { 'folder-id': '1, 2' },
      upload: { 'room-id': '1', files: 'dist/*', 'github-token': `${MARK}ghs_x` }
    }
    let accepted = 0
    let refused = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...OPERATIONS),
        fc.constantFrom(...ALL_INPUTS),
        fc.oneof(anyValue, fc.string({ unit: 'binary' })).filter((v) => !v.includes(MARK)),
        (operation, name, value) => {
          const inputs: Inputs = {
            operation,
            'portal-url': 'https://portal.example.com',
            'api-key': `${MARK}-key`,
            ...BASES[operation],
            [name]: (SECRETS as readonly string[]).includes(name) ? `${MARK}${value}` : value
          }
          const result = attempt(inputs)
          if (result instanceof InputError) {
            refused++
            expect(result.message).not.toMatch(/[\r\n\u2028\u2029]/)
            expect(result.message).not.toContain(MARK)
          } else {
            accepted++
          }
        }
      ),
      { numRuns: 1000 }
    )
    expect(accepted).toBeGreaterThan(300)
    expect(refused).toBeGreaterThan(300)
  })

  it('never shows a secret, even when it is the one input at fault', () => {
    const base: Inputs = {
      operation: 'create-link',
      'portal-url': 'https://p.example.com',
      'file-id': '1'
    }
    fc.assert(
      fc.property(fc.constantFrom(...SECRETS), secretValue, (name, secret) => {
        const inputs: Inputs =
          name === 'auth-token'
            ? { ...base, 'auth-token': secret }
            : name === 'github-token'
              ? {
                  ...base,
                  'api-key': 'sk-1',
                  operation: 'upload',
                  'file-id': undefined,
                  'folder-id': '1',
                  files: 'a',
                  'release-notes': 'true',
                  'github-token': secret
                }
              : { ...base, 'api-key': name === 'api-key' ? secret : 'sk-1', [name]: secret }
        const result = attempt(inputs)
        if (result instanceof InputError) {
          expect(result.message).not.toContain(MARK)
          expect(result.message).not.toContain('got')
        }
      }),
      { numRuns: 400 }
    )
  })

  it('is pure: the same inputs give the same result', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const a = attempt(inputs)
        const b = attempt(inputs)
        if (a instanceof InputError) expect(b).toEqual(a)
        else expect(b).toEqual(a)
      }),
      { numRuns: 300 }
    )
  })
})

describe('valid values come through unchanged', () => {
  const id = fc.integer({ min: 1, max: 2 ** 31 - 1 })

  it('sweep keeps every listed id once, in order, whatever the separators', () => {
    const separator = fc.constantFrom(',', '\n', ', ', ' ,\n', '\r\n', ',,')
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 20 }), separator, (ids, sep) => {
        const request = run({ operation: 'sweep', 'file-id': undefined, 'room-id': ids.join(sep) })
        expect(request.targets).toEqual([...new Set(ids)].map((n) => ({ kind: 'room', id: n })))
      })
    )
  })

  it('a single id of any size up to 2^31-1', () => {
    fc.assert(
      fc.property(id, (n) => {
        expect(run({ 'file-id': String(n) }).targets).toEqual([{ kind: 'file', id: n }])
      })
    )
  })

  it('any one-line title without a tag, trimmed', () => {
    const title = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 80 })
      .map((s) => s.trim())
      .filter(
        (s) => s !== '' && !/[\r\n\u2028\u2029]/.test(s) && s.length <= 200 && !/\]\s*$/.test(s)
      )
    fc.assert(
      fc.property(title, (t) => {
        expect(run({ title: t }).link.title).toBe(t)
      })
    )
  })

  it('any max-downloads, max-use-count and request-timeout in range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 600_000 }),
        (downloads, uses, timeoutMs) => {
          expect(run({ 'max-downloads': String(downloads) }).link.maxDownloads).toBe(downloads)
          const invite = run({
            'file-id': undefined,
            'room-id': '1',
            'link-type': 'invitation',
            'max-use-count': String(uses)
          })
          expect(invite.link.maxUseCount).toBe(uses)
          const seconds = (timeoutMs / 1000).toFixed(3)
          expect(run({ 'request-timeout': seconds }).connection.requestTimeoutMs).toBe(timeoutMs)
        }
      )
    )
  })

  it('any future date-time in UTC within ten years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 * 24 * 60 * 60 }), (secondsAhead) => {
        const at = new Date(NOW.getTime() + secondsAhead * 1000)
        expect(run({ expiration: at.toISOString() }).link.expiration).toEqual(at)
      })
    )
  })
})
