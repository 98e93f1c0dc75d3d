// Reads the links of a Markdown file and checks that relative ones lead somewhere: the file exists and, for
// a `#fragment`, the target has a heading with that anchor (GitHub's slugs).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

export interface MarkdownLink {
  line: number
  target: string
}

/** Text outside fenced code blocks and code spans, where a `[x](y)` is not a link. */
function withoutCode(text: string): string[] {
  let fenced = false
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced
      return ''
    }
    return fenced ? '' : line.replace(/`+[^`]*`+/g, '')
  })
}

export function linksOf(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = []
  withoutCode(text).forEach((line, index) => {
    for (const match of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      links.push({ line: index + 1, target: match[1] })
    }
  })
  return links
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const line of text.split('\n').filter((_, i, all) => isHeading(all, i))) {
    const base = line
      .replace(/^#+\s*/, '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

function isHeading(lines: string[], index: number): boolean {
  let fenced = false
  for (let i = 0; i < index; i++) if (/^\s*(```|~~~)/.test(lines[i])) fenced = !fenced
  return !fenced && /^#{1,6}\s/.test(lines[index])
}

const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target)

/** What is wrong with each relative link of `file`: a missing file or a missing anchor. */
export function brokenLinks(file: string, text = readFileSync(file, 'utf8')): string[] {
  const problems: string[] = []
  for (const { line, target } of linksOf(text)) {
    if (isExternal(target)) continue
    const [path, fragment] = target.split('#', 2)
    const resolved = path === '' ? file : normalize(join(dirname(file), decodeURI(path)))
    if (!existsSync(resolved)) {
      problems.push(`${file}:${line}: ${target}: no such file`)
      continue
    }
    if (fragment === undefined || statSync(resolved).isDirectory()) continue
    if (!resolved.endsWith('.md')) continue
    const targetText = path === '' ? text : readFileSync(resolved, 'utf8')
    if (!anchorsOf(targetText).has(fragment)) {
      problems.push(`${file}:${line}: ${target}: no heading with that anchor in ${resolved}`)
    }
  }
  return problems
}
