import { stat } from 'node:fs/promises'
import path from 'node:path'
import * as glob from '@actions/glob'
import type { LocalFile } from './docspace/upload.js'
import { checkPatternInside, confinedFile } from './workspace.js'

// The files an upload's `files` patterns match in the workspace, and the hint when they match nothing.
// Only the upload reads them; apart from it because they concern the runner's disk, not the portal.

// The escaping @actions/glob applies to the working directory it roots relative patterns at.
function globEscape(text: string): string {
  return (process.platform === 'win32' ? text : text.replace(/\\/g, '\\\\'))
    .replace(/(\[)(?=[^/]+\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]')
}

/** Roots a relative pattern at the workspace, keeping any `!` negation in front. */
export function anchorPattern(pattern: string, workspace: string): string {
  const negation = /^!*/.exec(pattern)?.[0] ?? ''
  const rest = pattern.slice(negation.length)
  if (rest === '' || path.isAbsolute(rest) || rest === '~' || rest.startsWith('~/')) return pattern
  return `${negation}${globEscape(workspace.replace(/[\\/]+$/, ''))}${path.sep}${rest}`
}

/** The files the patterns match, sorted by path. Two files with the same name are an error. */
export async function matchFiles(
  patterns: string[],
  workspace: string,
  followSymlinks = false
): Promise<LocalFile[]> {
  const lines = patterns.map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('#'))
  if (lines.length === 0) return []
  for (const line of lines) checkPatternInside(line, workspace)
  const globber = await glob.create(lines.map((p) => anchorPattern(p, workspace)).join('\n'), {
    matchDirectories: false,
    // Files land side by side in one folder, so a folder pattern does not pull in its whole tree.
    implicitDescendants: false,
    followSymbolicLinks: followSymlinks
  })
  const paths = [...new Set(await globber.glob())].sort()
  const files: LocalFile[] = []
  for (const file of paths) {
    if (!(await confinedFile(file, workspace, followSymlinks))) continue
    const info = await stat(file)
    files.push({ path: file, name: path.basename(file), size: info.size })
  }
  const byName = new Map<string, string[]>()
  for (const file of files) byName.set(file.name, [...(byName.get(file.name) ?? []), file.path])
  for (const [name, same] of byName) {
    if (same.length > 1) {
      const shown = same.map((p) => path.relative(workspace, p)).join(', ')
      throw new Error(
        `Input \`files\` matches ${same.length} files named ${name} (${shown}); they would replace ` +
          'each other in the same folder: narrow the patterns or upload them in separate steps'
      )
    }
  }
  return files
}

// A pattern that names a folder matches nothing (only files are uploaded): say how to get its files.
export async function folderHint(patterns: string[], workspace: string): Promise<string> {
  for (const pattern of patterns.map((p) => p.trim())) {
    if (pattern === '' || /[*?[\]!#]/.test(pattern)) continue
    const info = await stat(path.resolve(workspace, pattern)).catch(() => undefined)
    if (info?.isDirectory()) {
      const base = pattern.replace(/[\\/]+$/, '')
      return ` (\`${base}\` is a folder: use \`${base}/*\` for its files, \`${base}/**\` for its subfolders too)`
    }
  }
  return ''
}
