import { checkBranding, formatRatio } from '@mpp/core/branding'
import { contrastRatio, textColourOn } from '@mpp/core/colour-contrast'
import { describe, expect, it } from 'vitest'
import * as client from '../../web/client/lib/contrast'

describe('branding contrast', () => {
  it('measures the primary against the text the site puts on it and the accent against white', () => {
    expect(checkBranding({ primary: '#777777', accent: '#dddddd' })).toEqual([
      { field: 'primary', against: '#ffffff', ratio: 4.47, minimum: 4.5, ok: false },
      { field: 'accent', against: '#ffffff', ratio: 1.35, minimum: 3, ok: false },
    ])
    const light = checkBranding({ primary: '#f2b705', accent: '#767676' })
    expect(light[0]).toMatchObject({ against: '#111111', ok: true })
    expect(light[1]).toMatchObject({ ratio: 4.54, ok: true })
  })

  it('rounds down, so a failing ratio never reads as the minimum', () => {
    // #777777 on white is 4.478...: shown as 4.47, not 4.48 or 4.5.
    expect(checkBranding({ primary: '#777777', accent: '#000000' })[0]?.ratio).toBe(4.47)
    expect(formatRatio(4.5, 'id')).toBe('4,5')
    expect(formatRatio(4.47, 'en')).toBe('4.47')
    expect(formatRatio(3, 'id')).toBe('3')
  })

  it("the browser's measure is the core's", () => {
    const colours = [
      '#000000',
      '#ffffff',
      '#777777',
      '#0b6e4f',
      '#f2b705',
      '#9b1c1c',
      '#e0b000',
      '#123456',
      '#abcdef',
    ]
    for (const a of colours) {
      expect(client.textColourOn(a)).toBe(textColourOn(a))
      for (const b of colours) expect(client.contrastRatio(a, b)).toBeCloseTo(contrastRatio(a, b), 10)
    }
    expect(client.formatRatio(4.478, 'id')).toBe('4,47')
  })
})
