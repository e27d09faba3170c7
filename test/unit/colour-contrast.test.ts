import { contrastRatio, textColourOn } from '@mpp/core/colour-contrast'
import { describe, expect, it } from 'vitest'

describe('colour contrast', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })

  it('picks the readable text colour for a background', () => {
    expect(textColourOn('#0b6e4f')).toBe('#ffffff')
    expect(textColourOn('#f2b705')).toBe('#111111')
  })

  it('keeps every demo brand colour readable under white text (WCAG AA, 4.5:1)', async () => {
    const { demoTenants } = await import('@mpp/local/seed/demo-tenants')
    for (const { tenant } of demoTenants) {
      expect(
        contrastRatio(tenant.branding.primary, textColourOn(tenant.branding.primary)),
        tenant.slug,
      ).toBeGreaterThanOrEqual(4.5)
    }
  })
})
