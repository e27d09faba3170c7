import { describe, expect, it } from 'vitest'
import { callIsNews } from '../../web/client/lib/console-call'

describe("the console's view of a pushed call", () => {
  it('takes the echo of the action that rendered the page, and anything older, for no news', () => {
    expect(callIsNews('7:called', { callSeq: 7, status: 'called' })).toBe(false)
    expect(callIsNews('7:serving', { callSeq: 7, status: 'called' })).toBe(false)
    expect(callIsNews('7:idle', { callSeq: 7, status: 'serving' })).toBe(false)
    expect(callIsNews('7:called', { callSeq: 6, status: 'idle' })).toBe(false)
  })

  it('takes a call past what the page shows for news: started, finished or a new call elsewhere', () => {
    expect(callIsNews('7:called', { callSeq: 7, status: 'serving' })).toBe(true)
    expect(callIsNews('7:serving', { callSeq: 7, status: 'idle' })).toBe(true)
    expect(callIsNews('7:idle', { callSeq: 8, status: 'called' })).toBe(true)
  })

  it('counts any call as news for a console that showed none yet', () => {
    expect(callIsNews('0:idle', { callSeq: 1, status: 'called' })).toBe(true)
    expect(callIsNews('', { callSeq: 1, status: 'called' })).toBe(true)
  })
})
