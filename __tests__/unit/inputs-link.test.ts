import { describe, it, expect } from '@jest/globals'
import { NOW, PASSWORD, failure, run, type Inputs } from './inputs-helpers.js'

const FILE: Inputs = { operation: 'create-link' }
const FOLDER: Inputs = { operation: 'create-link', 'file-id': undefined, 'folder-id': '20' }
const ROOM: Inputs = { operation: 'create-link', 'file-id': undefined, 'room-id': '30' }
const INVITE: Inputs = { ...ROOM, 'link-type': 'invitation' }
const UPLOAD: Inputs = {
  operation: 'upload',
  'file-id': undefined,
  'room-id': '30',
  files: 'a.zip'
}

describe('link settings', () => {
  it('reads every link input for create-link', () => {
    expect(
      run({
        title: 'Release v1.2',
        access: 'edit',
        expiration: '2026-12-31',
        'max-downloads': '3',
        'link-password': PASSWORD,
        'deny-download': 'true',
        internal: 'false'
      }).link
    ).toEqual({
      title: 'Release v1.2',
      access: 10,
      expiration: new Date('2026-12-31T23:59:59.999Z'),
      maxDownloads: 3,
      password: PASSWORD,
      denyDownload: true,
      internal: false
    })
  })

  it('reads room invitation settings', () => {
    expect(run({ ...INVITE, access: 'content-creator', 'max-use-count': '1000' }).link).toEqual({
      linkType: 0,
      access: 11,
      maxUseCount: 1000
    })
  })

  it('reads link settings for upload links', () => {
    expect(run({ ...UPLOAD, access: 'read', expiration: '7d', title: 'Build' }).link).toEqual({
      title: 'Build',
      access: 2,
      expiration: new Date(NOW.getTime() + 7 * 86_400_000)
    })
  })

  it('ignores link settings for upload when create-links is false', () => {
    expect(
      run({
        ...UPLOAD,
        'create-links': 'false',
        access: 'room-manager',
        expiration: 'x',
        title: 'a [max-downloads=1]'
      }).link
    ).toEqual({})
  })

  it('reads only title and link-type for revoke-link', () => {
    const request = run({
      ...ROOM,
      operation: 'revoke-link',
      title: 'Old',
      'link-type': 'invitation',
      access: 'bogus',
      expiration: 'bogus',
      'max-downloads': 'bogus',
      'link-password': 'x'
    })
    expect(request.link).toEqual({ title: 'Old', linkType: 0 })
  })

  it('reads only title and max-downloads (a stand-in for the tag) for enforce-limits', () => {
    const inputs = {
      operation: 'enforce-limits',
      title: 'Nightly',
      access: 'bogus',
      'link-type': 'bogus'
    }
    expect(run({ ...inputs, 'max-downloads': '4' }).link).toEqual({
      title: 'Nightly',
      maxDownloads: 4
    })
    expect(failure({ ...inputs, 'max-downloads': '0' }).input).toBe('max-downloads')
  })

  it('leaves no key behind for an input not given', () => {
    expect(Object.keys(run().link)).toEqual([])
    expect(Object.keys(run({ operation: 'update-link', title: 'x' }).link)).toEqual(['title'])
    expect(run({ expiration: 'never' }).link).toHaveProperty('expiration', null)
  })

  it('reads only link-type for list-links', () => {
    expect(
      run({
        ...ROOM,
        operation: 'list-links',
        'link-type': 'external',
        title: 'x [created=bad',
        access: 'x'
      }).link
    ).toEqual({
      linkType: 1
    })
  })

  it('reads no link input for sweep', () => {
    expect(
      run({ operation: 'sweep', title: 'x', 'link-type': 'x', 'max-downloads': 'x' }).link
    ).toEqual({})
  })
})

describe('access', () => {
  const ALL = ['read', 'edit', 'review', 'comment', 'fill-forms', 'room-manager', 'content-creator']
  const NUMBERS: Record<string, number> = {
    read: 2,
    edit: 10,
    review: 5,
    comment: 6,
    'fill-forms': 7,
    'room-manager': 9,
    'content-creator': 11
  }
  const CASES: [string, Inputs, string[]][] = [
    ['a file link', FILE, ['read', 'edit', 'review', 'comment', 'fill-forms']],
    ['a folder link', FOLDER, ['read', 'edit', 'review', 'comment', 'fill-forms']],
    [
      'a room link created without link-type (a share link)',
      ROOM,
      ['read', 'edit', 'review', 'comment', 'fill-forms']
    ],
    [
      'a room share link',
      { ...ROOM, 'link-type': 'external' },
      ['read', 'edit', 'review', 'comment', 'fill-forms']
    ],
    [
      'a room invitation link',
      INVITE,
      ['room-manager', 'content-creator', 'edit', 'review', 'comment', 'read']
    ],
    ['an upload link', UPLOAD, ['read', 'edit', 'review', 'comment', 'fill-forms']],
    [
      'an updated file link',
      { ...FILE, operation: 'update-link', title: 'x' },
      ['read', 'edit', 'review', 'comment', 'fill-forms']
    ],
    [
      'an updated room link of unknown type',
      { ...ROOM, operation: 'update-link', title: 'x' },
      ALL
    ],
    [
      'an updated room invitation link',
      { ...INVITE, operation: 'update-link', title: 'x' },
      ['room-manager', 'content-creator', 'edit', 'review', 'comment', 'read']
    ],
    [
      'an updated room share link',
      { ...ROOM, 'link-type': 'external', operation: 'update-link', title: 'x' },
      ['read', 'edit', 'review', 'comment', 'fill-forms']
    ]
  ]

  describe.each(CASES)('on %s', (_what, inputs, allowed) => {
    it.each(ALL)('%s', (name) => {
      if (allowed.includes(name)) {
        expect(run({ ...inputs, access: name }).link.access).toBe(NUMBERS[name])
        expect(run({ ...inputs, access: String(NUMBERS[name]) }).link.access).toBe(NUMBERS[name])
      } else {
        const error = failure({ ...inputs, access: name })
        expect(error.message).toMatch(
          new RegExp(`^Input \`access\` cannot be \`${name}\` \\(${NUMBERS[name]}\\) for `)
        )
        for (const ok of allowed) expect(error.message).toContain(`\`${ok}\``)
        expect(error.message).toContain(`(got \`${name}\`)`)
      }
    })
  })

  it('names the link in the message', () => {
    expect(failure({ ...FOLDER, access: 'room-manager' }).message).toContain('for folder links')
    expect(failure({ ...INVITE, access: 'fill-forms' }).message).toContain(
      'for room invitation links'
    )
    expect(failure({ ...ROOM, access: 'room-manager' }).message).toContain('room share links')
    expect(failure({ ...UPLOAD, access: 'room-manager' }).message).toContain(
      'the file links `upload` creates'
    )
  })

  it.each(['1', 'ReadWrite'])('refuses %s and says edit is 10', (value) => {
    expect(failure({ access: value }).message).toBe(
      `Input \`access\` cannot be \`1\` (ReadWrite): DocSpace links do not take it; for editing use \`edit\`, which is 10 (got \`${value}\`).`
    )
  })

  it.each([
    ['create-link', FILE],
    ['update-link', { ...FILE, operation: 'update-link', title: 'x' }],
    ['upload', UPLOAD]
  ])('refuses none on %s and points to revoke-link', (_op, inputs) => {
    for (const value of ['none', '0', 'None']) {
      expect(failure({ ...inputs, access: value }).message).toMatch(
        /^Input `access` cannot be `none` \(0\) here: .*`operation: revoke-link`/
      )
    }
  })

  it.each(['3', '4', '8', '12', 'write', 'viewer', 'read only'])('refuses unknown %j', (value) => {
    expect(failure({ access: value }).message).toMatch(
      /^Input `access` must be one of `read`, `edit`.*like `read`/
    )
  })
})

describe('link-type', () => {
  it.each<[string, 0 | 1]>([
    ['external', 1],
    ['External', 1],
    ['invitation', 0],
    ['INVITATION', 0]
  ])('reads %s on a room as %d', (value, type) => {
    expect(run({ ...ROOM, 'link-type': value }).link.linkType).toBe(type)
  })

  it.each([
    ['file', FILE],
    ['folder', FOLDER]
  ])('ignores external on a %s, whose links are all external', (_kind, inputs) => {
    expect(run({ ...inputs, 'link-type': 'external' }).link.linkType).toBeUndefined()
  })

  it.each([
    ['file', FILE, /a file has none/],
    ['folder', FOLDER, /a folder has none/],
    ['upload', UPLOAD, /the links `upload` creates are file links/],
    ['list-links on a file', { ...FILE, operation: 'list-links' }, /a file has none/]
  ])('refuses invitation on %s', (_what, inputs, reason) => {
    const error = failure({ ...inputs, 'link-type': 'invitation' })
    expect(error.message).toMatch(/^Input `link-type` can be `invitation` only with `room-id`/)
    expect(error.message).toMatch(reason)
  })

  it.each(['share', 'primary', '1', '0'])('refuses %j', (value) => {
    expect(failure({ ...ROOM, 'link-type': value }).message).toBe(
      `Input \`link-type\` must be \`external\` or \`invitation\`, like \`external\` (got \`${value}\`).`
    )
  })
})

describe('expiration', () => {
  it.each([
    ['never', null],
    ['2026-12-31', '2026-12-31T23:59:59.999Z'],
    ['2026-12-31T18:00:00+02:00', '2026-12-31T16:00:00.000Z'],
    ['12h', '2026-11-23T22:00:00.000Z']
  ])('reads %s', (value, expected) => {
    const expiration = run({ expiration: value }).link.expiration
    expect(expiration === null ? null : expiration?.toISOString()).toBe(expected)
  })

  it('measures durations from the given now', () => {
    const now = new Date('2030-01-01T00:00:00Z')
    expect(run({ expiration: '1w' }, {}, now).link.expiration?.toISOString()).toBe(
      '2030-01-08T00:00:00.000Z'
    )
  })

  it.each([
    [
      '2020-01-01',
      /^Input `expiration` is in the past \(2020-01-01T23:59:59\.999Z\); give a moment in the future, like `30d` or `2026-12-23` \(got `2020-01-01`\)\.$/
    ],
    [
      '2026-12-31T18:00:00',
      /^Input `expiration` has no time zone.*add `Z`.*\(got `2026-12-31T18:00:00`\)\.$/
    ],
    ['2037-01-01', /^Input `expiration` is more than 10 years ahead/],
    [
      '2026-02-30',
      /^Input `expiration` names a day that 2026-02 does not have; give a real date, like `2026-02-28`/
    ],
    [
      'tomorrow',
      /^Input `expiration` must be a date like `2026-12-31`.*`never` \(got `tomorrow`\)\.$/
    ],
    ['0d', /^Input `expiration` must not have a zero part/]
  ])('refuses %j', (value, message) => {
    expect(failure({ expiration: value }).message).toMatch(message)
  })
})

describe('max-downloads', () => {
  it.each([
    ['1', 1],
    ['3', 3],
    ['2147483647', 2147483647]
  ])('reads %s', (value, n) => {
    expect(run({ 'max-downloads': value }).link.maxDownloads).toBe(n)
  })

  it.each(['0', '-1', '+3', '3.0', '1e2', 'abc', 'three', '2147483648', '∞'])(
    'refuses %j',
    (value) => {
      expect(failure({ 'max-downloads': value }).message).toBe(
        `Input \`max-downloads\` must be a positive whole number, like \`3\` (got \`${value}\`).`
      )
    }
  )

  it('refuses a download limit on a room invitation link', () => {
    expect(failure({ ...INVITE, 'max-downloads': '3' }).message).toMatch(
      /^Input `max-downloads` does not apply to room invitation links.*`max-use-count: 10`/
    )
  })

  it('accepts it on an updated room link of unknown type', () => {
    expect(
      run({ ...ROOM, operation: 'update-link', title: 'x', 'max-downloads': '5' }).link.maxDownloads
    ).toBe(5)
  })
})

describe('max-use-count', () => {
  it.each([
    ['1', 1],
    ['1000', 1000]
  ])('reads %s on an invitation link', (value, n) => {
    expect(run({ ...INVITE, 'max-use-count': value }).link.maxUseCount).toBe(n)
  })

  it('accepts it on an updated room link of unknown type', () => {
    expect(
      run({ ...ROOM, operation: 'update-link', title: 'x', 'max-use-count': '7' }).link.maxUseCount
    ).toBe(7)
  })

  it.each(['0', '1001', '-1', '5.5', 'ten'])('refuses %j', (value) => {
    expect(failure({ ...INVITE, 'max-use-count': value }).message).toBe(
      `Input \`max-use-count\` must be a whole number from 1 to 1000, like \`10\` (got \`${value}\`).`
    )
  })

  it.each([
    ['a file link', FILE],
    ['a folder link', FOLDER],
    ['a room link created without link-type', ROOM],
    ['a room share link', { ...ROOM, 'link-type': 'external' }],
    ['an upload link', UPLOAD],
    [
      'an updated room share link',
      { ...ROOM, operation: 'update-link', title: 'x', 'link-type': 'external' }
    ]
  ])('refuses it on %s', (_what, inputs) => {
    expect(failure({ ...inputs, 'max-use-count': '10' }).message).toMatch(
      /^Input `max-use-count` applies only to room invitation links, not to .*`link-type: invitation`/
    )
  })
})

describe('link-password', () => {
  it.each(['12345678', 'a'.repeat(30), 'Pa$$w0rd!~{}[]"\'`\\|', PASSWORD])(
    'accepts %j',
    (value) => {
      expect(run({ 'link-password': value }).link.password).toBe(value)
    }
  )

  it.each([
    ['short', /must be 8 to 30 characters long/],
    ['1234567', /must be 8 to 30 characters long/],
    ['x'.repeat(31), /must be 8 to 30 characters long/],
    ['pass word 123', /only Latin letters, digits and ASCII symbols, no spaces/],
    ['pässwörter', /only Latin letters/],
    ['passwort\u0000x', /only Latin letters/]
  ])('refuses %j without showing it', (value, message) => {
    const error = failure({ 'link-password': value })
    expect(error.message).toMatch(/^Input `link-password` /)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain(value)
    expect(error.message).not.toContain('got')
    expect(error.message).not.toContain(String(value.length))
  })
})

describe('title', () => {
  it('accepts 200 characters', () => {
    expect(run({ title: 't'.repeat(200) }).link.title).toBe('t'.repeat(200))
  })

  it.each([
    ['t'.repeat(201), /^Input `title` must be at most 200 characters \(it has 201\)/],
    ['Release [max-downloads=3]', /must not end with a `\[max-downloads=… created=…\]` tag/],
    ['Release [created=2026-11-23T10:00:00Z]', /must not end with/],
    ['Release [max-downloads=3 created=2026-11-23T10:00:00Z]', /must not end with/],
    ['two\nlines', /^Input `title` must be one line/]
  ])('refuses %j', (value, message) => {
    const error = failure({ title: value })
    expect(error.message).toMatch(message)
    expect(error.message).toContain('`Release v1.2`')
  })

  it.each(['Report [v2]', 'Release [max-downloads=x]', '[draft] Release', 'a ] b [ c'])(
    'accepts %j, which does not end with a tag',
    (value) => {
      expect(run({ title: value }).link.title).toBe(value)
    }
  )
})

describe('deny-download and internal', () => {
  it('stay undefined when not given, so update-link keeps the link values', () => {
    const link = run({ operation: 'update-link', title: 'x' }).link
    expect(link.denyDownload).toBeUndefined()
    expect(link.internal).toBeUndefined()
    expect('access' in link && link.access !== undefined).toBe(false)
  })
})
