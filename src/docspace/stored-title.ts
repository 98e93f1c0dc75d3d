// Names as DocSpace stores and compares them, so that a re-run finds the folder or file it made before.
// DocSpace replaces `\ / : * ? " < > |`, `+`, tabs and emoji (each UTF-16 half becomes `_`), trims the title
// and cuts it to 170 characters; it compares titles without regard to case or accents (a MySQL
// `utf8_general_ci` collation).

export const MAX_STORED_TITLE_LENGTH = 170
const REPLACED = /[\\/:*?"<>|+\t\uD800-\uDFFF]/g

/** The title the portal will store for `name`. */
export function storedTitle(name: string): string {
  const title = name.replace(REPLACED, '_').trim()
  return title.length > MAX_STORED_TITLE_LENGTH ? title.slice(0, MAX_STORED_TITLE_LENGTH) : title
}

function folded(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** Whether the portal treats `stored` as the same name as `name` (given as the user wrote it). */
export function sameStoredTitle(stored: string, name: string): boolean {
  return folded(stored) === folded(storedTitle(name))
}
