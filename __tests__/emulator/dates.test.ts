import { describe, it, expect } from '@jest/globals'
import { formatApiDate, parseApiDate } from '../../emulator/dates.js'

describe('ApiDateTime helpers', () => {
  const instant = new Date('2025-06-29T21:00:00.123Z')

  it('formats in UTC with Z and seven fractional digits', () => {
    expect(formatApiDate(instant)).toBe('2025-06-29T21:00:00.1230000Z')
  })

  it('formats in the portal zone with its offset', () => {
    expect(formatApiDate(instant, 180)).toBe('2025-06-30T00:00:00.1230000+03:00')
    expect(formatApiDate(instant, -330)).toBe('2025-06-29T15:30:00.1230000-05:30')
  })

  it('parses ISO strings with an offset, Z, or none (read as UTC)', () => {
    expect(parseApiDate('2025-06-30T00:00:00.0000000+03:00')?.toISOString()).toBe(
      '2025-06-29T21:00:00.000Z'
    )
    expect(parseApiDate('2025-06-30T00:00:00Z')?.toISOString()).toBe('2025-06-30T00:00:00.000Z')
    expect(parseApiDate('2025-06-30T08:15')?.toISOString()).toBe('2025-06-30T08:15:00.000Z')
    expect(parseApiDate('2025-06-30')?.toISOString()).toBe('2025-06-30T00:00:00.000Z')
  })

  it('rejects what is not a date', () => {
    expect(parseApiDate('soon')).toBeUndefined()
    expect(parseApiDate('2025-02-30T00:00:00Z')).toBeUndefined()
  })

  it('round-trips its own output', () => {
    for (const offset of [0, 60, -480]) {
      expect(parseApiDate(formatApiDate(instant, offset))?.getTime()).toBe(instant.getTime())
    }
  })
})
