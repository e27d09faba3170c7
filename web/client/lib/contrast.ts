/**
 * WCAG contrast in the browser, for the profile form's live measure. The same formula as
 * packages/core/src/colour-contrast.ts (a unit test keeps them equal), written without destructuring because
 * the browser build's targets do not allow it; the server measures again with the core on save.
 */
const luminance = (hex: string) => {
  let sum = 0
  const weights = [0.2126, 0.7152, 0.0722]
  for (let i = 0; i < 3; i++) {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    sum += (weights[i] as number) * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  }
  return sum
}

export const contrastRatio = (a: string, b: string) => {
  const la = luminance(a)
  const lb = luminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

export const textColourOn = (background: string): '#ffffff' | '#111111' =>
  contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111111') ? '#ffffff' : '#111111'

export const isHexColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value)

/** Rounded down to two decimals, as the server reports it; "4,52" in Indonesian. */
export const formatRatio = (ratio: number, lang: string) => {
  const text = String(Math.floor(ratio * 100) / 100)
  return lang === 'id' ? text.replace('.', ',') : text
}
