import { lstat, realpath, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

// `upload` reads what a pull request may have put in the workspace: a symbolic link `dist/etc -> /etc`, a
// pattern `/home/runner/.ssh/*`. It reads only regular files whose real path lies inside the workspace;
// anything else is refused in one line naming it, before a single byte is sent.

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

// The part of a pattern before its first segment with a wildcard: where its matches can lie.
function literalBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/)
  const first = segments.findIndex((s) => /[*?[\]]/.test(s))
  if (first < 0) return pattern
  const base = segments.slice(0, first).join(path.sep)
  return base !== '' ? base : /^[\\/]/.test(pattern) ? path.sep : '.'
}

/** Throws when a pattern can only match outside the workspace (`/etc/*`, `~/.ssh/*`, `../x/*`). */
export function checkPatternInside(pattern: string, workspace: string): void {
  const rest = pattern.replace(/^!+/, '')
  // An exclusion cannot add a file.
  if (rest !== pattern || rest === '') return
  let base = literalBase(rest)
  if (base === '~' || base.startsWith('~/')) base = path.join(os.homedir(), base.slice(1))
  const resolved = path.resolve(workspace, base)
  if (!inside(resolved, path.resolve(workspace))) {
    throw new Error(
      `Input \`files\` pattern \`${pattern}\` points outside the workspace (${resolved}); upload reads ` +
        'only files inside GITHUB_WORKSPACE: give a path relative to it, like `dist/*.zip`'
    )
  }
}

/**
 * Whether a matched path may be uploaded: true for a regular file inside the workspace, false for anything
 * that is not a regular file (a folder, a socket). Throws for a file reached through a symbolic link that
 * leads outside the workspace, or through any symbolic link unless `followSymlinks`.
 */
export async function confinedFile(
  file: string,
  workspace: string,
  followSymlinks: boolean
): Promise<boolean> {
  const shown = path.relative(workspace, file) || file
  const realWorkspace = await realpath(workspace)
  const real = await realpath(file)
  if (!inside(real, realWorkspace)) {
    throw new Error(
      `Input \`files\` matches \`${shown}\`, a symbolic link (or a path through one) to ${real}, outside ` +
        'the workspace: upload reads only files inside GITHUB_WORKSPACE; remove the link or narrow the pattern'
    )
  }
  const direct = path.join(
    realWorkspace,
    path.relative(path.resolve(workspace), path.resolve(file))
  )
  if (real !== direct && !followSymlinks) {
    throw new Error(
      `Input \`files\` matches \`${shown}\`, reached through a symbolic link: set \`follow-symlinks: true\` ` +
        'to upload files that links inside the workspace point to, or narrow the pattern'
    )
  }
  // lstat of the real path: it is no link any more, so this is the kind of the file itself.
  const info = await lstat(real)
  if (!info.isFile()) return false
  return (await stat(real)).isFile()
}
