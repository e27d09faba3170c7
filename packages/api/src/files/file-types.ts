/** A type of file people may upload, recognised by its content: a browser can label any bytes as anything. */
export interface FileType {
  contentType: string
  /** The extension a download of it is named with, without the dot. */
  extension: string
  /** The signature the file starts with. */
  magic: Uint8Array
}

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

/** PDF files start with `%PDF-`. */
export const pdfType: FileType = { contentType: 'application/pdf', extension: 'pdf', magic: bytes('%PDF-') }

/** JPEG files start with a start-of-image marker and the next marker's FF: `FF D8 FF`. */
export const jpegType: FileType = {
  contentType: 'image/jpeg',
  extension: 'jpg',
  magic: Uint8Array.of(0xff, 0xd8, 0xff),
}

/** PNG files start with the eight-byte signature `89 50 4E 47 0D 0A 1A 0A`. */
export const pngType: FileType = {
  contentType: 'image/png',
  extension: 'png',
  magic: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
}

/** How many first bytes a store reads to tell a file's type: more than the longest signature. */
export const signatureBytes = 16

/** The first of `types` whose signature `firstBytes` start with; undefined when none does. */
export const detectFileType = (firstBytes: Uint8Array, types: readonly FileType[]): FileType | undefined =>
  types.find(
    (type) => firstBytes.length >= type.magic.length && type.magic.every((byte, i) => firstBytes[i] === byte),
  )
