// A local stand-in for the GitHub REST releases endpoints (GET and PATCH /repos/{owner}/{repo}/releases/{id}),
// reached through GITHUB_API_URL. It checks the Bearer token and records every request.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRelease {
  id: number
  tag_name: string
  body: string | null
}

export interface RecordedRequest {
  method: string
  path: string
  authorization?: string
  body?: unknown
}

export interface FakeGitHub {
  url: string
  token: string
  releases: Map<string, FakeRelease>
  requests: RecordedRequest[]
  /** Answers the next requests with these statuses before behaving again (a 429 with `Retry-After: 1`). */
  failNext: number[]
  close: () => Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** `releases` keys are `owner/repo#id`. */
export async function startFakeGitHub(token = 'ghs_fake-token-1234567890'): Promise<FakeGitHub> {
  const releases = new Map<string, FakeRelease>()
  const requests: RecordedRequest[] = []
  const failNext: number[] = []
  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req)
      const path = new URL(req.url ?? '/', 'http://localhost').pathname
      let body: unknown
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = text
      }
      requests.push({
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization,
        body
      })
      const send = (status: number, value: unknown): void => {
        // GitHub's secondary rate limit answers 429 with the seconds to wait.
        const wait = status === 429 ? { 'Retry-After': '1' } : {}
        res.writeHead(status, { 'Content-Type': 'application/json', ...wait })
        res.end(JSON.stringify(value))
      }
      const forced = failNext.shift()
      if (forced !== undefined) return send(forced, { message: `forced ${forced}` })
      if (req.headers.authorization !== `Bearer ${token}`)
        return send(401, { message: 'Bad credentials' })
      const m = /^\/repos\/([^/]+)\/([^/]+)\/releases\/(\d+)$/.exec(path)
      const release = m ? releases.get(`${m[1]}/${m[2]}#${m[3]}`) : undefined
      if (!release) return send(404, { message: 'Not Found' })
      if (req.method === 'GET') return send(200, { ...release, html_url: 'https://github.test/r' })
      if (req.method === 'PATCH') {
        const patch = body as { body?: string }
        if (typeof patch?.body === 'string') release.body = patch.body
        return send(200, release)
      }
      send(405, { message: 'Method not allowed' })
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    releases,
    requests,
    failNext,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
