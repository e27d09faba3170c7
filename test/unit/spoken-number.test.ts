import { callAnnouncement, numberToWords, spokenTicket, ticketLabel } from '@mpp/core/spoken-number'
import { describe, expect, it } from 'vitest'

describe('numberToWords', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [1000000, 'satu juta'],
    [2500000, 'dua juta lima ratus ribu'],
    [
      999_999_999,
      'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
    ],
  ])('says %i as "%s"', (n, words) => {
    expect(numberToWords(n)).toBe(words)
  })

  it('refuses numbers out of range and fractions', () => {
    for (const n of [-1, 1_000_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => numberToWords(n)).toThrow(RangeError)
    }
  })
})

describe('ticketLabel', () => {
  it('pads the number after the prefix', () => {
    expect(ticketLabel('A', 12)).toBe('A-012')
    expect(ticketLabel('AB', 1)).toBe('AB-001')
    expect(ticketLabel('B', 1234)).toBe('B-1234')
    expect(ticketLabel('C', 7, 4)).toBe('C-0007')
  })
})

describe('spokenTicket', () => {
  it.each([
    ['A', 12, 'A nol dua belas'],
    ['A', 7, 'A nol nol tujuh'],
    ['B', 105, 'B seratus lima'],
    ['AB', 1, 'A B nol nol satu'],
    ['C', 1000, 'C seribu'],
    ['C', 1234, 'C seribu dua ratus tiga puluh empat'],
  ] as const)('says %s-%i as "%s"', (prefix, number, words) => {
    expect(spokenTicket(prefix, number)).toBe(words)
  })

  it('speaks as many leading zeros as the printed number has', () => {
    expect(spokenTicket('A', 7, 4)).toBe('A nol nol nol tujuh')
  })
})

describe('callAnnouncement', () => {
  it('calls the ticket to its counter', () => {
    expect(callAnnouncement('A', 12, 3)).toBe('Nomor antrean A nol dua belas, silakan ke loket tiga')
    expect(callAnnouncement('AB', 101, 12)).toBe('Nomor antrean A B seratus satu, silakan ke loket dua belas')
  })
})
