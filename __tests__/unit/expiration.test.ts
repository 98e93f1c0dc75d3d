import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from '../../src/time/duration.js'
import { MAX_LINK_LIFETIME_YEARS, parseExpiration } from '../../src/inputs/expiration.js'
import { addYearsUtc, isoDay } from '../../src/time/iso-date.js'

const NOW = new Date('2026-11-23T10:00:00.000Z')

function at(value: string, now = NOW): string | null {
  const result = parseExpiration(value, now)
  return result === null ? null : result.toISOString()
}

describe('parseExpiration', () => {
  it.each([
    ['never', null],
    ['Never', null],
    ['NEVER', null],
    ['2026-12-31', '2026-12-31T23:59:59.999Z'],
    ['2026-11-23', '2026-11-23T23:59:59.999Z'],
    ['2028-02-29', '2028-02-29T23:59:59.999Z'],
    ['2026-12-31T18:00:00Z', '2026-12-31T18:00:00.000Z'],
    ['2026-12-31t18:00:00z', '2026-12-31T18:00:00.000Z'],
    ['2026-12-31 18:00:00Z', '2026-12-31T18:00:00.000Z'],
    ['2026-12-31T18:00Z', '2026-12-31T18:00:00.000Z'],
    ['2026-12-31T18:00:00.123456Z', '2026-12-31T18:00:00.123Z'],
    ['2026-12-31T18:00:00,5Z', '2026-12-31T18:00:00.500Z'],
    ['2026-12-31T18:00:00+02:00', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T18:00:00-05:30', '2026-12-31T23:30:00.000Z'],
    ['2026-12-31T18:00:00+0200', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T18:00:00+02', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T23:30:00-05:00', '2027-01-01T04:30:00.000Z'],
    ['2026-11-24T00:30:00+14:00', '2026-11-23T10:30:00.000Z'],
    ['30m', '2026-11-23T10:30:00.000Z'],
    ['12h', '2026-11-23T22:00:00.000Z'],
    ['7d', '2026-11-30T10:00:00.000Z'],
    ['2w', '2026-12-07T10:00:00.000Z'],
    ['1d12h', '2026-11-24T22:00:00.000Z']
  ])('reads %s', (value, expected) => {
    expect(at(value)).toBe(expected)
  })

  it('puts a date at the end of that day in UTC, whatever the time now', () => {
    expect(at('2026-11-23', new Date('2026-11-23T23:59:59.998Z'))).toBe('2026-11-23T23:59:59.999Z')
    expect(() => at('2026-11-23', new Date('2026-11-23T23:59:59.999Z'))).toThrow(/in the past/)
  })

  it.each([
    ['2026-02-29', /2026-02 does not have/],
    ['2027-02-29', /2027-02 does not have/],
    ['2100-02-29', /2100-02 does not have/],
    ['2026-04-31', /2026-04 does not have/],
    ['2026-13-01', /month 13/],
    ['2026-00-10', /month 0/],
    ['2026-12-00', /does not have/],
    ['2026-12-31T24:00:00Z', /time that does not exist/],
    ['2026-12-31T18:60:00Z', /time that does not exist/],
    ['2026-12-31T18:00:60Z', /time that does not exist/],
    ['2026-12-31T18:00:00+24:00', /offset that does not exist/],
    ['2026-12-31T18:00:00+02:60', /offset that does not exist/]
  ])('refuses the impossible %s', (value, message) => {
    expect(() => at(value)).toThrow(message)
  })

  it.each([
    '2026-12-31T18:00:00',
    '2026-12-31T18:00',
    '2026-12-31 18:00:00.000',
    '2026-12-31t18:00:00'
  ])('refuses %s, which has no offset, and says to add one', (value) => {
    expect(() => at(value)).toThrow(/no time zone.*add `Z`.*offset/)
  })

  it.each([
    'tomorrow',
    '',
    '31.12.2026',
    '2026/12/31',
    '12/31/2026',
    '2026-1-5',
    '26-12-31',
    '+2026-12-31',
    '2026-12-31Z',
    '1767225600',
    'P7D',
    '7 days',
    '90s',
    'never ever'
  ])('refuses %j and lists the forms it takes', (value) => {
    expect(() => at(value)).toThrow(/`2026-12-31`.*`2026-12-31T18:00:00Z`.*`7d`.*`never`/)
  })

  it.each([
    ['2020-01-01', '2020-01-01T23:59:59.999Z'],
    ['2026-11-22', '2026-11-22T23:59:59.999Z'],
    ['2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z'],
    ['2026-11-23T11:00:00+01:00', '2026-11-23T10:00:00.000Z'],
    ['2026-11-23T09:59:59.999Z', '2026-11-23T09:59:59.999Z']
  ])('refuses the past or present %s in one line with an example', (value, shown) => {
    let message = ''
    try {
      parseExpiration(value, NOW)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('is in the past')
    expect(message).toContain(shown)
    expect(message).toContain('`30d`')
    expect(message).toContain('`2026-12-23`')
    expect(message).not.toContain('\n')
  })

  it('passes on the reason a duration is refused', () => {
    expect(() => at('0d')).toThrow(/zero part/)
    expect(() => at('99999999w')).toThrow(/too long/)
  })

  it('accepts a moment one millisecond ahead', () => {
    expect(at('2026-11-23T10:00:00.001Z')).toBe('2026-11-23T10:00:00.001Z')
  })

  describe('the ten-year limit', () => {
    it('accepts exactly ten years ahead and refuses one millisecond more', () => {
      expect(at('2036-11-23T10:00:00Z')).toBe('2036-11-23T10:00:00.000Z')
      expect(() => at('2036-11-23T10:00:00.001Z')).toThrow(/more than 10 years ahead/)
    })

    it('counts ten years from 29 February to 28 February, as the server does', () => {
      const leapNow = new Date('2028-02-29T12:00:00Z')
      expect(at('2038-02-28T12:00:00Z', leapNow)).toBe('2038-02-28T12:00:00.000Z')
      expect(() => at('2038-02-28T12:00:01Z', leapNow)).toThrow(/more than 10 years/)
      expect(() => at('2038-03-01', leapNow)).toThrow(/more than 10 years/)
    })

    it('refuses a date whose end of day is past the limit', () => {
      expect(() => at('2036-11-23')).toThrow(/more than 10 years/)
      expect(at('2036-11-22')).toBe('2036-11-22T23:59:59.999Z')
    })

    it('applies to durations too', () => {
      expect(at('521w')).toBe(new Date(NOW.getTime() + 521 * WEEK_MS).toISOString())
      expect(() => at('522w')).toThrow(/more than 10 years/)
      expect(at('3653d')).toBe('2036-11-23T10:00:00.000Z')
      expect(() => at('3653d1m')).toThrow(/more than 10 years/)
    })

    it('says the latest moment allowed and gives an example', () => {
      expect(() => at('2040-01-01')).toThrow(/up to 2036-11-23T10:00:00\.000Z, like `2027-11-23`/)
    })
  })

  it('reads any date between tomorrow and ten years ahead as the end of that day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2026-11-24T00:00:00Z'),
          max: new Date('2036-11-22T00:00:00Z'),
          noInvalidDate: true
        }),
        (date) => {
          const day = isoDay(date)
          expect(at(day)).toBe(`${day}T23:59:59.999Z`)
        }
      )
    )
  })

  it('reads a future date-time with any offset as the same moment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 * 365 * 24 * 60 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (minutesAhead, offsetMinutes) => {
          const moment = new Date(NOW.getTime() + minutesAhead * MINUTE_MS)
          const local = new Date(moment.getTime() + offsetMinutes * MINUTE_MS)
          const sign = offsetMinutes < 0 ? '-' : '+'
          const abs = Math.abs(offsetMinutes)
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
          const text = local.toISOString().replace('Z', offset)
          expect(at(text)).toBe(moment.toISOString())
        }
      )
    )
  })

  it('reads a duration as now plus that long', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 23 }),
        (days, hours) => {
          const text = hours === 0 ? `${days}d` : `${days}d${hours}h`
          expect(parseExpiration(text, NOW)?.getTime()).toBe(
            NOW.getTime() + days * DAY_MS + hours * HOUR_MS
          )
        }
      )
    )
  })

  it('never returns a moment outside (now, now + 10 years] and never throws anything but an Error', () => {
    const latest = addYearsUtc(NOW, MAX_LINK_LIFETIME_YEARS).getTime()
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(
            /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}(:?\d{2})?)?)?$/
          ),
          fc.stringMatching(/^\d{1,6}[wdhm]$/)
        ),
        (text) => {
          let result: Date | null
          try {
            result = parseExpiration(text, NOW)
          } catch (error) {
            expect(error).toBeInstanceOf(Error)
            expect((error as Error).message).not.toContain('\n')
            return
          }
          if (result === null) {
            expect(text.toLowerCase()).toBe('never')
            return
          }
          expect(result.getTime()).toBeGreaterThan(NOW.getTime())
          expect(result.getTime()).toBeLessThanOrEqual(latest)
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('addYearsUtc', () => {
  it.each([
    ['2026-11-23T10:00:00.000Z', 10, '2036-11-23T10:00:00.000Z'],
    ['2028-02-29T12:00:00.000Z', 10, '2038-02-28T12:00:00.000Z'],
    ['2028-02-29T12:00:00.000Z', 4, '2032-02-29T12:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', 1, '2027-12-31T23:59:59.999Z']
  ])('%s plus %d years is %s', (from, years, expected) => {
    expect(addYearsUtc(new Date(from), years).toISOString()).toBe(expected)
  })
})
