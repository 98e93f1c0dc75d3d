import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import {
  ACCESS_BY_NAME,
  accessName,
  allowedAccess,
  describeAccess,
  parseAccess
} from '../../src/links/access.js'

describe('ACCESS_BY_NAME', () => {
  it('holds the DocSpace FileShare numbers', () => {
    expect({ ...ACCESS_BY_NAME }).toEqual({
      none: 0,
      read: 2,
      review: 5,
      comment: 6,
      'fill-forms': 7,
      'room-manager': 9,
      edit: 10,
      'content-creator': 11
    })
  })

  it('cannot be changed and finds nothing under inherited names', () => {
    expect(Object.isFrozen(ACCESS_BY_NAME)).toBe(true)
    expect(ACCESS_BY_NAME['constructor']).toBeUndefined()
    expect(ACCESS_BY_NAME['toString']).toBeUndefined()
  })
})

describe('accessName', () => {
  it('names every known number and back', () => {
    for (const [name, n] of Object.entries(ACCESS_BY_NAME)) {
      expect(accessName(n)).toBe(name)
      expect(parseAccess(name)).toBe(n)
      expect(parseAccess(String(n))).toBe(n)
    }
  })

  it.each([
    [1, 'access-1'],
    [3, 'access-3'],
    [4, 'access-4'],
    [8, 'access-8'],
    [12, 'access-12'],
    [-1, 'access--1']
  ])('calls unknown %d %s', (n, name) => {
    expect(accessName(n)).toBe(name)
  })

  it('describes an access with its number', () => {
    expect(describeAccess(10)).toBe('`edit` (10)')
  })
})

describe('parseAccess', () => {
  it.each([
    ['read', 2],
    ['READ', 2],
    [' Read ', 2],
    ['edit', 10],
    ['Editing', 10],
    ['review', 5],
    ['comment', 6],
    ['fill-forms', 7],
    ['FillForms', 7],
    ['fill_forms', 7],
    ['room-manager', 9],
    ['RoomManager', 9],
    ['content-creator', 11],
    ['ContentCreator', 11],
    ['none', 0],
    ['0', 0],
    ['2', 2],
    ['10', 10],
    ['11', 11],
    ['007', 7]
  ])('reads %j as %d', (text, n) => {
    expect(parseAccess(text)).toBe(n)
  })

  it.each(['1', '01', 'ReadWrite', 'read-write', 'full-access'])(
    'refuses %j (ReadWrite) and says edit is 10',
    (text) => {
      expect(() => parseAccess(text)).toThrow(/ReadWrite.*`edit`, which is 10/)
    }
  )

  it.each([
    '3',
    '4',
    '8',
    '12',
    '99',
    '-2',
    '+2',
    '2.0',
    '1e1',
    'write',
    'owner',
    '',
    'constructor',
    '__proto__'
  ])('refuses %j with the list of names', (text) => {
    expect(() => parseAccess(text)).toThrow(/must be one of `read`, `edit`.*like `read`/)
  })

  it('never throws anything but an Error and returns only known numbers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constantFrom(...Object.keys(ACCESS_BY_NAME))
        ),
        (text) => {
          let n: number
          try {
            n = parseAccess(text)
          } catch (error) {
            expect(error).toBeInstanceOf(Error)
            expect((error as Error).message).not.toContain('\n')
            return
          }
          expect(Object.values(ACCESS_BY_NAME)).toContain(n)
        }
      ),
      { numRuns: 700 }
    )
  })
})

describe('allowedAccess', () => {
  it('gives file and folder links read, edit, review, comment and fill-forms', () => {
    for (const kind of ['file', 'folder'] as const) {
      expect([...allowedAccess(kind, 1)].sort((a, b) => a - b)).toEqual([2, 5, 6, 7, 10])
    }
  })

  it('gives room share links the same accesses as file links', () => {
    expect([...allowedAccess('room', 1)].sort((a, b) => a - b)).toEqual([2, 5, 6, 7, 10])
  })

  it('gives room invitation links the room roles', () => {
    expect([...allowedAccess('room', 0)].sort((a, b) => a - b)).toEqual([2, 5, 6, 9, 10, 11])
  })

  it('gives files and folders no invitation links', () => {
    expect(allowedAccess('file', 0)).toEqual([])
    expect(allowedAccess('folder', 0)).toEqual([])
  })

  it('never allows none or ReadWrite', () => {
    for (const kind of ['file', 'folder', 'room'] as const) {
      for (const type of [0, 1] as const) {
        expect(allowedAccess(kind, type)).not.toContain(0)
        expect(allowedAccess(kind, type)).not.toContain(1)
      }
    }
  })
})
