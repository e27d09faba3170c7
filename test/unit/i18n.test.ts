import { en } from '@mpp/web/i18n/en'
import { errorCodes } from '@mpp/web/i18n/error-codes'
import { id } from '@mpp/web/i18n/id'
import { describe, expect, it } from 'vitest'

/** Paths of every leaf message, so the two catalogs can be compared key by key. */
const leaves = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
    : [prefix]

describe('message catalogs', () => {
  it('have the same messages in Indonesian and English', () => {
    expect(leaves(en).sort()).toEqual(leaves(id).sort())
  })

  it('have a message for every API error code, different per language', () => {
    for (const code of errorCodes) {
      expect(id.errors[code]).toBeTruthy()
      expect(en.errors[code]).not.toBe(id.errors[code])
    }
  })
})
