// Writes the README's inputs and outputs tables from action.yml, between the
// `<!-- inputs:start -->`/`<!-- inputs:end -->` and `<!-- outputs:start -->`/`<!-- outputs:end -->` markers.
// With --check it changes nothing and fails when the README differs from what it would write.
// The tables are laid out by Prettier, so that `prettier --check` and `--check` here agree on the README.
// Imported (by the tests), it only exports the renderer.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export function loadAction(path = 'action.yml') {
  return parse(readFileSync(path, 'utf8'))
}

function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
}

export function inputsTable(action) {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const fallback = input.default === undefined ? '' : `\`${cell(input.default)}\``
    return `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`
  })
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function outputsTable(action) {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

async function layOut(table) {
  const options = (await prettier.resolveConfig('README.md')) ?? {}
  return (await prettier.format(table, { ...options, parser: 'markdown' })).trimEnd()
}

export async function renderReadme(readme, action = loadAction()) {
  let text = readme
  for (const [marker, table] of [
    ['inputs', inputsTable(action)],
    ['outputs', outputsTable(action)]
  ]) {
    const pattern = new RegExp(`(<!-- ${marker}:start -->)[\\s\\S]*?(<!-- ${marker}:end -->)`)
    if (!pattern.test(text))
      throw new Error(`README.md has no <!-- ${marker}:start/end --> markers`)
    const laidOut = await layOut(table)
    text = text.replace(pattern, (_, start, end) => `${start}\n\n${laidOut}\n\n${end}`)
  }
  return text
}

function isMainModule() {
  const script = process.argv[1]
  if (!script) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href
  } catch {
    return false
  }
}

if (isMainModule()) {
  const readme = readFileSync('README.md', 'utf8')
  const wanted = await renderReadme(readme)
  if (process.argv.includes('--check')) {
    if (wanted !== readme) {
      console.error('README.md tables differ from action.yml: run `npm run docs`')
      process.exit(1)
    }
    console.log('README.md tables match action.yml')
  } else if (wanted !== readme) {
    writeFileSync('README.md', wanted)
    console.log('README.md tables updated from action.yml')
  }
}
