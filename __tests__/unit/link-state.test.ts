import { describe, expect, it } from '@jest/globals'
import type { ActionRequest, Target } from '../../src/request.js'
import type { FileShareDto } from '../../src/docspace/types.js'
import { linkRequestBody, linkStateOf, revokeRequestBody } from '../../src/links/link-state.js'
import { mergeLinkState } from '../../src/links/change-link.js'
import { decodeTitle } from '../../src/links/title-tag.js'

const now = new Date('2026-11-23T10:00:00Z')
const file: Target = { kind: 'file', id: 7 }
const room: Target = { kind: 'room', id: 9 }

function dto(
  link: Partial<NonNullable<FileShareDto['sharedLink']>>,
  access = 2,
  subjectType = 1
): FileShareDto {
  const sharedLink = {
    id: '11111111-2222-4333-8444-555555555555',
    title: 'Docs [created=2026-11-01T00:00:00Z]',
    ...link
  }
  return { access, sharedLink, sharedTo: sharedLink, subjectType }
}

function request(link: ActionRequest['link'], linkId?: string): ActionRequest {
  return { link, linkId } as ActionRequest
}

describe('mergeLinkState', () => {
  const current = linkStateOf(
    dto({
      expirationDate: '2026-12-01T00:00:00.0000000Z',
      password: 'secret-pass-1',
      denyDownload: true,
      internal: true,
      linkType: 1
    })
  )

  it('keeps every field that was not given', () => {
    const merged = mergeLinkState(request({}), file, current, now)
    expect(merged).toEqual(current)
  })

  it('changes only what was given', () => {
    const merged = mergeLinkState(request({ access: 10, denyDownload: false }), file, current, now)
    expect(merged.access).toBe(10)
    expect(merged.denyDownload).toBe(false)
    expect(merged.password).toBe('secret-pass-1')
    expect(merged.internal).toBe(true)
    expect(merged.expiration?.toISOString()).toBe('2026-12-01T00:00:00.000Z')
    expect(merged.title).toBe(current.title)
  })

  it('sets never-expiring with null and a new date with a date', () => {
    expect(mergeLinkState(request({ expiration: null }), file, current, now).expiration).toBeNull()
    const later = new Date('2027-01-01T00:00:00Z')
    expect(mergeLinkState(request({ expiration: later }), file, current, now).expiration).toEqual(
      later
    )
  })

  it('refuses to re-send a past expiration, which the server would turn into "never"', () => {
    const expired = { ...current, expiration: new Date('2026-11-01T00:00:00Z') }
    expect(() => mergeLinkState(request({ access: 10 }), file, expired, now)).toThrow(/expired/)
    expect(mergeLinkState(request({ expiration: null }), file, expired, now).expiration).toBeNull()
  })

  it('keeps the tag and its creation time when the title changes', () => {
    const merged = mergeLinkState(
      request({ title: 'Renamed', maxDownloads: 5 }),
      file,
      current,
      now
    )
    const { display, tag } = decodeTitle(merged.title)
    expect(display).toBe('Renamed')
    expect(tag?.maxDownloads).toBe(5)
    expect(tag?.createdAt?.toISOString()).toBe('2026-11-01T00:00:00.000Z')
  })

  it('starts counting from now when a limit is put on a link the action did not create', () => {
    const foreign = { ...current, title: 'Shared link' }
    const { tag } = decodeTitle(
      mergeLinkState(request({ maxDownloads: 2 }), file, foreign, now).title
    )
    expect(tag?.createdAt?.toISOString()).toBe(now.toISOString())
  })

  it('refuses to change a room link from invitation to external', () => {
    const invitation = { ...current, linkType: 0 as const }
    expect(() => mergeLinkState(request({ linkType: 1 }), room, invitation, now)).toThrow(
      /link-type/
    )
  })

  it('refuses an access the link type does not allow', () => {
    expect(() => mergeLinkState(request({ access: 9 }), file, current, now)).toThrow(/access/)
  })
})

describe('request bodies', () => {
  const state = linkStateOf(dto({ linkType: 0, maxUseCount: 5 }, 11, 3))

  it('carries the room link type on every room PUT, revokes included', () => {
    const body = linkRequestBody(room, state, 'abc')
    expect(body).toMatchObject({ linkId: 'abc', linkType: 0, maxUseCount: 5, access: 11 })
    expect(body).not.toHaveProperty('primary')
    expect(revokeRequestBody(room, dto({ linkType: 1 }))).toEqual({
      linkId: '11111111-2222-4333-8444-555555555555',
      access: 0,
      internal: false,
      linkType: 1
    })
  })

  it("carries the link's stored internal flag and expiry on a revoke, so a room does not drop it", () => {
    const stored = dto({ internal: true, expirationDate: '2026-12-01T00:00:00Z', linkType: 1 })
    expect(revokeRequestBody(room, stored)).toEqual({
      linkId: '11111111-2222-4333-8444-555555555555',
      access: 0,
      internal: true,
      expirationDate: '2026-12-01T00:00:00Z',
      linkType: 1
    })
  })

  it('sends no linkType for files and folders, and no expiration when it never expires', () => {
    const body = linkRequestBody(file, { ...state, linkType: 1, expiration: null })
    expect(body).not.toHaveProperty('linkType')
    expect(body).not.toHaveProperty('expirationDate')
    expect(body).not.toHaveProperty('linkId')
    expect(revokeRequestBody(file, dto({}))).not.toHaveProperty('linkType')
  })
})
