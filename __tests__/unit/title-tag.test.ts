import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import {
  MAX_TITLE_LENGTH,
  decodeTitle,
  displayTitle,
  encodeTitle,
  type TitleTag
} from '../../src/links/title-tag.js'

const CREATED = new Date('2026-11-23T10:00:00Z')

describe('encodeTitle', () => {
  it('writes the documented form', () => {
    expect(encodeTitle('Release v1.2', { maxDownloads: 3, createdAt: CREATED })).toBe(
      'Release v1.2 [max-downloads=3 created=2026-11-23T10:00:00Z]'
    )
  })

  it('leaves out max-downloads when there is no limit', () => {
    expect(encodeTitle('Release v1.2', { createdAt: CREATED })).toBe(
      'Release v1.2 [created=2026-11-23T10:00:00Z]'
    )
  })

  it('writes created in UTC without milliseconds', () => {
    const created = new Date('2026-11-23T10:00:00.987+02:00')
    expect(encodeTitle('x', { createdAt: created })).toBe('x [created=2026-11-23T08:00:00Z]')
  })

  it('writes no brackets when the tag is empty', () => {
    expect(encodeTitle(' Release ', {})).toBe('Release')
  })

  it('writes the tag alone for an empty display title', () => {
    expect(encodeTitle('', { maxDownloads: 1 })).toBe('[max-downloads=1]')
    expect(encodeTitle('   ', { createdAt: CREATED })).toBe('[created=2026-11-23T10:00:00Z]')
  })

  it('shortens the display title, never the tag, to fit 255 characters', () => {
    const tag: TitleTag = { maxDownloads: 2147483647, createdAt: CREATED }
    const title = encodeTitle('a'.repeat(300), tag)
    expect(title).toHaveLength(MAX_TITLE_LENGTH)
    expect(title).toMatch(/^a+… \[max-downloads=2147483647 created=2026-11-23T10:00:00Z\]$/)
    expect(decodeTitle(title).tag).toEqual(tag)
  })

  it('keeps a title of exactly 255 characters as it is', () => {
    const tagText = ' [created=2026-11-23T10:00:00Z]'
    const display = 'b'.repeat(MAX_TITLE_LENGTH - tagText.length)
    expect(encodeTitle(display, { createdAt: CREATED })).toBe(display + tagText)
    expect(encodeTitle(display + 'c', { createdAt: CREATED })).toBe(
      'b'.repeat(MAX_TITLE_LENGTH - tagText.length - 1) + '…' + tagText
    )
  })

  it('does not split a surrogate pair when shortening', () => {
    const title = encodeTitle('😀'.repeat(200), { createdAt: CREATED })
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH)
    expect(title).toMatch(/^(😀)+… \[created=/u)
  })

  it('shortens a long title without a tag to 255 characters', () => {
    const title = encodeTitle('z'.repeat(400), {})
    expect(title).toHaveLength(MAX_TITLE_LENGTH)
    expect(title.endsWith('z…')).toBe(true)
  })

  it.each([0, -1, 1.5, NaN, Number.MAX_SAFE_INTEGER + 1])('refuses a download limit of %d', (n) => {
    expect(() => encodeTitle('x', { maxDownloads: n })).toThrow(/positive whole number/)
  })

  it.each([
    new Date(NaN),
    new Date('+010000-01-01T00:00:00Z'),
    new Date('-000001-01-01T00:00:00Z')
  ])('refuses a creation time it could not read back: %s', (date) => {
    expect(() => encodeTitle('x', { createdAt: date })).toThrow(/valid date/)
  })
})

describe('decodeTitle', () => {
  it.each<[string, string, TitleTag]>([
    [
      'Release v1.2 [max-downloads=3 created=2026-11-23T10:00:00Z]',
      'Release v1.2',
      { maxDownloads: 3, createdAt: CREATED }
    ],
    ['Release v1.2 [created=2026-11-23T10:00:00Z]', 'Release v1.2', { createdAt: CREATED }],
    ['Release v1.2 [max-downloads=3]', 'Release v1.2', { maxDownloads: 3 }],
    [
      'Release [created=2026-11-23T10:00:00Z max-downloads=3]',
      'Release',
      { maxDownloads: 3, createdAt: CREATED }
    ],
    [
      'Release   [  max-downloads=3    created=2026-11-23T10:00:00Z  ]  ',
      'Release',
      { maxDownloads: 3, createdAt: CREATED }
    ],
    ['Release[max-downloads=3]', 'Release', { maxDownloads: 3 }],
    [
      'Release [MAX-DOWNLOADS=3 Created=2026-11-23T10:00:00Z]',
      'Release',
      { maxDownloads: 3, createdAt: CREATED }
    ],
    [
      'Release [max-downloads=3 created=2026-11-23T10:00:00Z future-key=x]',
      'Release',
      { maxDownloads: 3, createdAt: CREATED }
    ],
    ['Release [created=2026-11-23T12:00:00+02:00]', 'Release', { createdAt: CREATED }],
    ['Release [created=2026-11-23T10:00:00.000Z]', 'Release', { createdAt: CREATED }],
    ['[max-downloads=1]', '', { maxDownloads: 1 }],
    ['Old [x] [max-downloads=2]', 'Old [x]', { maxDownloads: 2 }],
    ['A [max-downloads=9] [max-downloads=2]', 'A [max-downloads=9]', { maxDownloads: 2 }],
    ['Tab\t[max-downloads=2]', 'Tab', { maxDownloads: 2 }]
  ])('reads %j', (full, display, tag) => {
    expect(decodeTitle(full)).toEqual({ display, tag })
    expect(displayTitle(full)).toBe(display)
  })

  it.each([
    'Shared link',
    '',
    'Report [v=2]',
    'Report []',
    'Report [ ]',
    'Report [max-downloads=0]',
    'Report [max-downloads=-1]',
    'Report [max-downloads=1.5]',
    'Report [max-downloads=abc]',
    'Report [max-downloads=]',
    'Report [max-downloads=99999999999999999999]',
    'Report [max-downloads=3 max-downloads=4]',
    'Report [created=2026-11-23T10:00:00Z created=2026-11-23T10:00:00Z]',
    'Report [created=2026-11-23]',
    'Report [created=2026-11-23T10:00:00]',
    'Report [created=2026-02-30T10:00:00Z]',
    'Report [created=yesterday]',
    'Report [max-downloads=3 stray]',
    'Report [max-downloads = 3]',
    'Report [max-downloads=3',
    'Report max-downloads=3]',
    'Report [max-downloads=3] trailing',
    'Report [a]b] [max-downloads=3]x',
    'Report [[max-downloads=3]]',
    'Report [max-downloads=3]]'
  ])('keeps %j whole as the display title', (full) => {
    expect(decodeTitle(full)).toEqual({ display: full.trim() })
    expect(displayTitle(full)).toBe(full.trim())
  })

  it('trims the display title', () => {
    expect(decodeTitle('  Release  ')).toEqual({ display: 'Release' })
  })
})

describe('title tag properties', () => {
  const display = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({
      unit: fc.constantFrom('[', ']', ' ', '=', 'a', 'max-downloads=', 'created='),
      maxLength: 40
    })
  )
  const createdAt = fc
    .date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true
    })
    .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000))
  const tag = fc
    .record(
      { maxDownloads: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), createdAt },
      { requiredKeys: [] }
    )
    .filter((t) => t.maxDownloads !== undefined || t.createdAt !== undefined)

  it('reads back every tag with any display title', () => {
    fc.assert(
      fc.property(display, tag, (text, t) => {
        const full = encodeTitle(text, t)
        expect(full.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH)
        const decoded = decodeTitle(full)
        expect(decoded.tag).toEqual(t)
        const trimmed = text.trim()
        const tagLength = full.length - (decoded.display === '' ? 0 : decoded.display.length + 1)
        if (trimmed === '') {
          expect(decoded.display).toBe('')
        } else if (trimmed.length + 1 + tagLength <= MAX_TITLE_LENGTH) {
          expect(decoded.display).toBe(trimmed)
        } else {
          // Shortened: a prefix of the display title, marked with an ellipsis.
          expect(decoded.display.endsWith('…')).toBe(true)
          expect(trimmed.startsWith(decoded.display.slice(0, -1))).toBe(true)
        }
      }),
      { numRuns: 700 }
    )
  })

  it('gives back an unshortened display title exactly, trimmed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 90 }), tag, (text, t) => {
        expect(decodeTitle(encodeTitle(text, t))).toEqual({ display: text.trim(), tag: t })
      }),
      { numRuns: 700 }
    )
  })

  it('is stable: encoding a decoded title again gives the same title', () => {
    fc.assert(
      fc.property(display, tag, (text, t) => {
        const once = encodeTitle(text, t)
        const { display: d, tag: back } = decodeTitle(once)
        expect(encodeTitle(d, back ?? {})).toBe(once)
      }),
      { numRuns: 400 }
    )
  })

  it('never crashes on random titles', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          display.map((d) => `${d} [max-downloads=3 created=2026-11-23T10:00:00Z]`)
        ),
        (full) => {
          const decoded = decodeTitle(full)
          expect(typeof decoded.display).toBe('string')
          expect(displayTitle(full)).toBe(decoded.display)
          if (decoded.tag !== undefined) {
            expect(
              decoded.tag.maxDownloads !== undefined || decoded.tag.createdAt !== undefined
            ).toBe(true)
          }
        }
      ),
      { numRuns: 700 }
    )
  })
})
