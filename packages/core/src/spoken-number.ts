/** Indonesian number words for the spoken calls of the display board. */

const digits = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan']

const word = (n: number): string => digits[n] ?? ''

const belowHundred = (n: number): string => {
  if (n < 10) return word(n)
  if (n === 10) return 'sepuluh'
  if (n === 11) return 'sebelas'
  if (n < 20) return `${word(n - 10)} belas`
  const ones = n % 10
  return ones ? `${word(Math.floor(n / 10))} puluh ${word(ones)}` : `${word(n / 10)} puluh`
}

/** 1..999; `se-` replaces `satu` before `ratus`, as in seratus. */
const belowThousand = (n: number): string => {
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  const parts: string[] = []
  if (hundreds === 1) parts.push('seratus')
  else if (hundreds > 1) parts.push(`${word(hundreds)} ratus`)
  if (rest) parts.push(belowHundred(rest))
  return parts.join(' ')
}

const assertWhole = (n: number, max: number, what: string) => {
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new RangeError(`${what} must be a whole number 0..${max}: ${n}`)
}

/** A whole number 0..999,999,999 in Indonesian words: 1000 is `seribu`, but 1,000,000 is `satu juta`. */
export const numberToWords = (n: number): string => {
  assertWhole(n, 999_999_999, 'number')
  if (n === 0) return 'nol'
  const millions = Math.floor(n / 1_000_000)
  const thousands = Math.floor(n / 1000) % 1000
  const rest = n % 1000
  const parts: string[] = []
  if (millions) parts.push(`${belowThousand(millions)} juta`)
  if (thousands === 1) parts.push('seribu')
  else if (thousands) parts.push(`${belowThousand(thousands)} ribu`)
  if (rest) parts.push(belowThousand(rest))
  return parts.join(' ')
}

/** The printed ticket number, prefix and zero-padded number: `A-012`. */
export const ticketLabel = (prefix: string, number: number, digits = 3): string => {
  assertWhole(number, 999_999_999, 'ticket number')
  return `${prefix}-${String(number).padStart(digits, '0')}`
}

/**
 * The ticket as the board speaks it: each letter of the prefix, each leading zero of the printed number as
 * `nol`, then the number in words, so a citizen hears what the ticket shows: `A nol dua belas` for A-012.
 */
export const spokenTicket = (prefix: string, number: number, digits = 3): string => {
  assertWhole(number, 999_999_999, 'ticket number')
  const zeros = Math.max(0, digits - String(number).length)
  return [...prefix, ...Array<string>(zeros).fill('nol'), numberToWords(number)].join(' ')
}

/** The full spoken call: `Nomor antrean A nol dua belas, silakan ke loket tiga`. */
export const callAnnouncement = (prefix: string, number: number, counterNumber: number): string =>
  `Nomor antrean ${spokenTicket(prefix, number)}, silakan ke loket ${numberToWords(counterNumber)}`
