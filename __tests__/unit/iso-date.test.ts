import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { daysInMonth, isoDay, isoSeconds, parseIso, utcDate } from '../../src/time/iso-date.js'
import { inputError, showValue } from '../../src/inputs/input-error.js'

describe('parseIso', () => {
  it('tells dates, date-times with an offset and date-times without one apart', () => {
    expect(parseIso('2028-02-29')).toEqual({ kind: 'date', year: 2028, month: 2, day: 29 })
    expect(parseIso('2026-11-23T10:00:00Z')).toEqual({
      kind: 'date-time',
      at: new Date('2026-11-23T10:00:00Z')
    })
    expect(parseIso('2026-11-23T10:00:00')).toEqual({ kind: 'local-date-time' })
  })

  it.each([
    '',
    'x',
    '2026',
    '2026-11',
    '20261123',
    '2026-11-23T10',
    '2026-11-23T1000Z',
    '2026-11-23T10:00:00ZZ'
  ])('does not take %j for a date', (text) => {
    expect(parseIso(text)).toBeUndefined()
  })

  it('reads years before 100 as written, not as 19xx', () => {
    expect(parseIso('0050-01-01T00:00:00Z')).toEqual({ kind: 'date-time', at: utcDate(50, 1, 1) })
    expect(utcDate(50, 1, 1).getUTCFullYear()).toBe(50)
  })

  it('knows the leap years', () => {
    expect(daysInMonth(2028, 2)).toBe(29)
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(daysInMonth(2026, 4)).toBe(30)
    expect(daysInMonth(2026, 12)).toBe(31)
  })

  it('reads back every moment it writes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true
        }),
        (date) => {
          expect(parseIso(date.toISOString())).toEqual({ kind: 'date-time', at: date })
          const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000)
          expect(parseIso(isoSeconds(date))).toEqual({ kind: 'date-time', at: seconds })
          const day = parseIso(isoDay(date))
          expect(day).toEqual({
            kind: 'date',
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate()
          })
        }
      )
    )
  })

  it('never throws anything but an Error on random text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?([+-]\d\d:?\d\d|Z)?$/)
        ),
        (text) => {
          try {
            parseIso(text)
          } catch (error) {
            expect(error).toBeInstanceOf(Error)
          }
        }
      ),
      { numRuns: 700 }
    )
  })
})

describe('showValue and inputError', () => {
  it('keeps a value on one line and cuts it at 40 characters', () => {
    expect(showValue('a\nb\r\tc\u0000')).toBe('a\\nb\\r\\tc\\u0000')
    expect(showValue('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`)
    expect(showValue('😀'.repeat(41))).toBe(`${'😀'.repeat(40)}…`)
  })

  it('never shows the value of a secret input', () => {
    for (const name of ['api-key', 'auth-token', 'link-password', 'github-token']) {
      const error = inputError(name, 'must be something, like `x`', 'hunter2')
      expect(error.message).toBe(`Input \`${name}\` must be something, like \`x\`.`)
    }
    expect(inputError('title', 'must be short, like `x`', 'hunter2').message).toBe(
      'Input `title` must be short, like `x` (got `hunter2`).'
    )
  })
})
