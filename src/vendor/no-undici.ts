// Stands in for undici in the bundle (see tsconfig.json "paths"). @actions/github imports its `fetch` to
// give octokit a proxy-aware default; the release-notes client always passes its own `fetch` instead, so
// undici (about 900 KiB bundled) would be loaded and never used.
function refuse(): never {
  throw new Error('undici is not bundled: pass `request.fetch` to octokit')
}

export function fetch(): never {
  refuse()
}

export class ProxyAgent {
  constructor() {
    refuse()
  }
}
