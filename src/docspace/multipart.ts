import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'

// The multipart/form-data body both upload paths send: one file part streamed from disk, so memory does
// not grow with the file size, and a length known in advance.

// Large reads keep the number of stream round trips low; a few of them in flight is all the memory used.
const READ_SIZE = 256 * 1024

export interface LocalFile {
  /** Absolute path on disk. */
  path: string
  /** The name it gets on the portal. */
  name: string
  size: number
}

export interface MultipartFile {
  /** Content-Type (with the boundary) and Content-Length: the same for every copy of the body. */
  headers: Record<string, string>
  /** A fresh copy of the body, read from disk as it is sent. */
  open: (onBytes?: (count: number) => void) => Readable
}

// The form encoding browsers use for a file name: quotes and line breaks percent-encoded, the rest UTF-8.
function quotedFileName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/**
 * A multipart/form-data body with one file part holding bytes [start, end) of a file on disk. Its length
 * is known in advance, so it goes out with a Content-Length instead of chunked transfer encoding.
 */
export function multipartFile(
  field: string,
  file: LocalFile,
  range: { start: number; end: number } = { start: 0, end: file.size }
): MultipartFile {
  const boundary = `----docspace-upload-${randomBytes(16).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${field}"; filename="${quotedFileName(file.name)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const expected = range.end - range.start

  async function* parts(onBytes: (count: number) => void): AsyncGenerator<Buffer> {
    yield head
    let read = 0
    if (expected > 0) {
      const stream = createReadStream(file.path, {
        start: range.start,
        end: range.end - 1,
        highWaterMark: READ_SIZE
      })
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        read += chunk.length
        onBytes(chunk.length)
        yield chunk
      }
    }
    // A file that shrank under us would send a body shorter than its Content-Length.
    if (read !== expected) {
      throw new Error(
        `${file.name} changed while it was being uploaded (read ${read} of ${expected} bytes)`
      )
    }
    yield tail
  }

  return {
    headers: {
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(head.length + expected + tail.length)
    },
    open: (onBytes = () => undefined) => Readable.from(parts(onBytes), { objectMode: false })
  }
}
