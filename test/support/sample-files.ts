/** The first bytes of real files of each type people may upload, as a browser would send them. */

/** A PDF's opening: `%PDF-` and a version, with `text` so two differ. */
export const samplePdf = (text = 'sample') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`)

/** A PNG's eight-byte signature and the start of its IHDR chunk. */
export const samplePng = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
])

/** A JPEG's start-of-image marker and its JFIF APP0 segment's start. */
export const sampleJpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00])
