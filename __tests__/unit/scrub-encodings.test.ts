import { describe, expect, it } from '@jest/globals'
import { makeScrub } from '../../src/scrub.js'

const KEY = 'sk-Ab/c d#e?f"g\\h+Zé'

describe('the secret scrubber', () => {
  const scrub = makeScrub([KEY])
  const forms: Record<string, string> = {
    clear: KEY,
    percent: encodeURIComponent(KEY),
    'partly percent': encodeURI(KEY),
    'one character percent': KEY.replace('/', '%2f'),
    'form encoding': new URLSearchParams({ k: KEY }).toString().slice(2),
    json: JSON.stringify(KEY).slice(1, -1),
    'json twice': JSON.stringify(JSON.stringify(KEY)).slice(1, -1),
    'json \\u escapes': [...KEY]
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
    base64: Buffer.from(KEY).toString('base64'),
    'base64 url': Buffer.from(KEY).toString('base64url'),
    'base64 inside a pair': Buffer.from(`user:${KEY}`).toString('base64'),
    'base64 at offset 2': Buffer.from(`ab${KEY}`).toString('base64'),
    hex: Buffer.from(KEY).toString('hex'),
    'hex upper case': Buffer.from(KEY).toString('hex').toUpperCase()
  }
  for (const [name, form] of Object.entries(forms)) {
    it(`masks the secret ${name}`, () => {
      const out = scrub(`before ${form} after`)
      expect(out).toContain('***')
      expect(out.startsWith('before ')).toBe(true)
      // Nothing long enough to rebuild the secret is left between the markers.
      expect(out).not.toContain(form)
      expect(out).not.toContain('Ab/c')
    })
  }

  it('never masks a value shorter than 4 characters', () => {
    expect(makeScrub(['x', 'ab', 'abc'])('a box of abc')).toBe('a box of abc')
  })

  it('leaves text without the secret alone', () => {
    expect(scrub('nothing secret here: sk-Ab')).toBe('nothing secret here: sk-Ab')
  })
})
