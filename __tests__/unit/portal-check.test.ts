import { describe, expect, it } from '@jest/globals'
import { targetCapabilities } from '../../src/links/target-capabilities.js'
import {
  auditProblem,
  checkRequirements,
  type PortalFacts
} from '../../src/links/portal-requirements.js'

const FILE_RIGHTS = { ExternalLink: ['Editing', 'Review', 'Comment', 'Read'] }

describe('targetCapabilities', () => {
  it('trusts the room type over availableShareRights, which lists external rights anyway', () => {
    const caps = targetCapabilities(
      { kind: 'room', id: 7 },
      { canShare: true, roomType: 8, availableShareRights: FILE_RIGHTS, title: 'VDR' },
      { external: 0, invitation: 2 }
    )
    expect(caps.roomTypeName).toBe('Virtual data room')
    expect(caps.linkTypes).toEqual([
      { linkType: 'external', accesses: [], links: 0, limit: 0 },
      {
        linkType: 'invitation',
        accesses: ['content-creator', 'edit', 'read', 'fill-forms'],
        links: 2,
        limit: null
      }
    ])
  })

  it('takes the limit from shareSettings, primary link included', () => {
    const caps = targetCapabilities(
      { kind: 'room', id: 7 },
      { canShare: true, roomType: 6, shareSettings: { PrimaryExternalLink: 1, ExternalLink: 5 } },
      { external: 3, invitation: 0 }
    )
    expect(caps.linkTypes[0]).toEqual({
      linkType: 'external',
      accesses: ['read'],
      links: 3,
      limit: 6
    })
  })

  it('gives a file the accesses both its format and the portal allow', () => {
    const pdf = targetCapabilities(
      { kind: 'file', id: 1 },
      {
        canShare: true,
        title: 'Guide.PDF',
        availableShareRights: { ExternalLink: ['Read', 'Comment'] }
      },
      null
    )
    expect(pdf.fileKind).toBe('pdf')
    expect(pdf.linkTypes).toEqual([
      { linkType: 'external', accesses: ['read', 'comment'], links: null, limit: null }
    ])
    const zip = targetCapabilities(
      { kind: 'file', id: 2 },
      { canShare: true, title: 'app.zip', availableShareRights: FILE_RIGHTS },
      { external: 1, invitation: 0 }
    )
    expect(zip.linkTypes[0].accesses).toEqual(['read'])
  })

  it('counts no limit without the share right', () => {
    const caps = targetCapabilities(
      { kind: 'folder', id: 3 },
      { canShare: false, shareSettings: { ExternalLink: 6 }, security: { Create: false } },
      null
    )
    expect(caps).toMatchObject({ canShare: false, canCreate: false })
    expect(caps.linkTypes[0].limit).toBeNull()
  })
})

function facts(over: Partial<PortalFacts>): PortalFacts {
  return { isAdmin: true, audit: { probe: 'filtered', plan: true }, targets: [], ...over }
}

describe('checkRequirements', () => {
  it('says how to get the audit trail, by why it is missing', () => {
    expect(auditProblem(facts({}))).toBeUndefined()
    expect(
      auditProblem(facts({ isAdmin: false, audit: { probe: 'refused', plan: null } }))
    ).toMatch(/portal admins only/)
    expect(auditProblem(facts({ audit: { probe: 'refused', plan: true } }))).toMatch(/`\*:read`/)
    expect(auditProblem(facts({ audit: { probe: 'filtered', plan: false } }))).toMatch(
      /no Audit option/
    )
    expect(auditProblem(facts({ audit: { probe: 'not-in-plan', plan: null } }))).toMatch(
      /no Audit option/
    )
  })

  it('leaves target rights unchecked without targets, and fails them on targets the key cannot share', () => {
    const [unchecked] = checkRequirements(['create-link'], facts({}))
    expect(unchecked).toMatchObject({ ok: true, missing: [] })
    expect(unchecked.unchecked).toEqual([expect.stringMatching(/^create-link: give `file-id`/)])

    const folder = targetCapabilities(
      { kind: 'folder', id: 9 },
      { canShare: false, security: { Create: false } },
      null
    )
    const [upload, revoke] = checkRequirements(
      ['upload', 'revoke-link'],
      facts({ targets: [folder] })
    )
    expect(upload.ok).toBe(false)
    expect(upload.missing).toEqual([
      expect.stringMatching(/^upload: the key's user cannot create files in folder 9/),
      expect.stringMatching(/^upload: the key's user cannot share folder 9/)
    ])
    expect(revoke.missing).toEqual([
      expect.stringMatching(/^revoke-link: the key's user cannot share folder 9/)
    ])
  })
})
