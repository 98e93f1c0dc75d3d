// Writes the README's inputs and outputs tables from action.yml, between the
// `<!-- inputs:start -->`/`<!-- inputs:end -->` and `<!-- outputs:start -->`/`<!-- outputs:end -->` markers.
// With --check it changes nothing and fails when the README differs from what it would write.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))

function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
}

function inputsTable() {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const fallback = input.default === undefined ? '' : `\`${cell(input.default)}\``
    return `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`
  })
  return ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

function outputsTable() {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

export function renderReadme(readme) {
  let text = readme
  for (const [marker, table] of [
    ['inputs', inputsTable()],
    ['outputs', outputsTable()]
  ]) {
    const pattern = new RegExp(`(<!-- ${marker}:start -->)[\\s\\S]*?(<!-- ${marker}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${marker}:start/end --> markers`)
    text = text.replace(pattern, `$1\n\n${table}\n\n$2`)
  }
  return text
}

const readme = readFileSync('README.md', 'utf8')
const wanted = renderReadme(readme)
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
