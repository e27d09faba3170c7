/**
 * Checks uploaded logos. A PNG by its signature, header and end; an SVG by parsing it as XML and walking every
 * node against allow-lists: anything that could run script, load something from elsewhere or expand entities
 * is refused with its reason (never silently dropped), and a clean SVG is re-serialised from the checked tree,
 * so what is served is exactly what was checked. The logo is also served with a sandboxing CSP.
 */

export const maxLogoBytes = 200 * 1024

// The SVG check (svg-check.ts) parses with xmldom (90 KiB): imported on the first SVG upload, not at a cold start.

export type PngCheck =
  | { ok: true; width: number; height: number }
  | { ok: false; reason: 'signature' | 'header' | 'dimensions' | 'truncated' }

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const iend = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]

/** A PNG: the signature, an IHDR chunk first with sane dimensions, and the IEND chunk last. */
export const checkPng = (bytes: Uint8Array): PngCheck => {
  if (bytes.length < 8 || pngSignature.some((b, i) => bytes[i] !== b))
    return { ok: false, reason: 'signature' }
  if (bytes.length < 8 + 25 + 12) return { ok: false, reason: 'truncated' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const type = String.fromCharCode(...bytes.subarray(12, 16))
  if (view.getUint32(8) !== 13 || type !== 'IHDR') return { ok: false, reason: 'header' }
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  if (width < 1 || height < 1 || width > 4096 || height > 4096) return { ok: false, reason: 'dimensions' }
  const tail = bytes.subarray(bytes.length - 12)
  if (iend.some((b, i) => tail[i] !== b)) return { ok: false, reason: 'truncated' }
  return { ok: true, width, height }
}

/** What a file looks like, for a form upload whose browser sent no usable type. */
export const sniffLogoType = (bytes: Uint8Array): 'image/png' | 'image/svg+xml' | undefined => {
  if (pngSignature.every((b, i) => bytes[i] === b)) return 'image/png'
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
  return head.startsWith('<') ? 'image/svg+xml' : undefined
}
