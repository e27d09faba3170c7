import { raw } from 'hono/html'
import { renderSVG } from 'uqr'

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A QR code of `data` as inline SVG, named for screen readers. */
export const QrCode = ({ data, label, class: className }: { data: string; label: string; class?: string }) =>
  raw(
    renderSVG(data, { ecc: 'M', border: 2, pixelSize: 4 }).replace(
      '<svg ',
      `<svg role="img" aria-label="${escapeAttr(label)}" class="${escapeAttr(className ?? 'qr')}" `,
    ),
  )
