import { contrastRatio, textColourOn } from './colour-contrast'

/**
 * The contrast a tenant's colours must reach (WCAG 2.x AA). The primary colour is the background of the header
 * and of buttons, with `textColourOn(primary)` on it: normal text, 4.5:1. The accent draws borders and focus
 * outlines on white: a non-text graphic, 3:1.
 */
export const contrastMinimum = { primary: 4.5, accent: 3 } as const

export interface ContrastCheck {
  field: 'primary' | 'accent'
  /** The colour it is measured against. */
  against: string
  /** The measured ratio, rounded down to two decimals (so a failing 4.499 never shows as 4.5). */
  ratio: number
  minimum: number
  ok: boolean
}

const floor2 = (n: number) => Math.floor(n * 100) / 100

/** Measures both colours of a tenant's branding against what the site puts on or around them. */
export const checkBranding = (branding: { primary: string; accent: string }): ContrastCheck[] => {
  const onPrimary = textColourOn(branding.primary)
  const primary = contrastRatio(branding.primary, onPrimary)
  const accent = contrastRatio(branding.accent, '#ffffff')
  return [
    {
      field: 'primary',
      against: onPrimary,
      ratio: floor2(primary),
      minimum: contrastMinimum.primary,
      ok: primary >= contrastMinimum.primary,
    },
    {
      field: 'accent',
      against: '#ffffff',
      ratio: floor2(accent),
      minimum: contrastMinimum.accent,
      ok: accent >= contrastMinimum.accent,
    },
  ]
}

/** A ratio as people read it: "4,52" in Indonesian, "4.52" in English. */
export const formatRatio = (ratio: number, lang: 'id' | 'en') => {
  const text = String(Number(ratio.toFixed(2)))
  return lang === 'id' ? text.replace('.', ',') : text
}

export const isHexColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value)
