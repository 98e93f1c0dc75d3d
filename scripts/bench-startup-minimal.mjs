// The floor the action's start-up is measured against: a process that sends the one GET a `list-links`
// run sends, with node:http and the same headers, reads the whole body and exits. Anything the action
// takes beyond this is loading and running its own code.
//
// Two ways to load node:http, chosen by BENCH_LOAD:
// - `import` (default): what a plain ES module script writes, `import http from 'node:http'` (the dynamic
//   form costs the same). On Node 24 this evaluates every export of the module, and `WebSocket`,
//   `CloseEvent` and `MessageEvent` there are getters that load Node's internal undici: tens of
//   milliseconds.
// - `require`: the floor, as the bundle loads its built-ins, without that cost.
import { createRequire } from 'node:module'

const { request } =
  process.env.BENCH_LOAD === 'require'
    ? createRequire(import.meta.url)('node:http')
    : await import('node:http')

const url = new URL(process.env.BENCH_URL ?? '')
const req = request(
  url,
  {
    method: 'GET',
    headers: {
      accept: 'application/json',
      authorization: process.env.BENCH_AUTHORIZATION ?? '',
      'user-agent': 'docspace-share-links-action'
    }
  },
  (res) => {
    const chunks = []
    res.on('data', (chunk) => chunks.push(chunk))
    res.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      if (res.statusCode !== 200 || !body.startsWith('{')) {
        process.stderr.write(`unexpected response: HTTP ${res.statusCode}\n`)
        process.exitCode = 1
      }
    })
  }
)
req.on('error', (error) => {
  process.stderr.write(`${error.message}\n`)
  process.exitCode = 1
})
req.end()
