import { messagesFor } from '@mpp/web/i18n/messages'
import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../web/client/lib/backoff'
import { type TicketData, ticketTexts, withTicketMessage } from '../../web/client/lib/ticket-text'

describe('backoffDelay', () => {
  it('polls at the interval while all is well, then doubles per failure up to the cap', () => {
    const mid = () => 0.5
    expect(backoffDelay(0, 1500, 30_000, mid)).toBe(1500)
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((f) => backoffDelay(f, 1500, 30_000, mid))).toEqual([
      1500, 3000, 6000, 12_000, 24_000, 30_000, 30_000, 30_000,
    ])
  })

  it('jitters by ±20 % and never waits longer than the cap', () => {
    expect(backoffDelay(3, 1500, 30_000, () => 0)).toBe(4800)
    expect(backoffDelay(3, 1500, 30_000, () => 0.999999)).toBe(7200)
    for (let f = 1; f < 20; f++)
      expect(backoffDelay(f, 1500, 30_000, () => 0.999999)).toBeLessThanOrEqual(30_000)
  })
})

describe('ticketTexts', () => {
  const id = messagesFor('id')
  const en = messagesFor('en')
  const base = { label: 'A-012', queue: { name: 'Kependudukan' }, service: { name: 'KTP-el' } }

  it('words a waiting ticket, with or without an estimate', () => {
    expect(
      ticketTexts(id, { ...base, status: 'waiting', peopleAhead: 3, estimatedWaitMinutes: 12 }),
    ).toMatchObject({
      status: 'Menunggu',
      waiting: true,
      peopleAhead: '3 orang',
      estimate: '± 12 menit',
      called: '',
    })
    expect(ticketTexts(en, { ...base, status: 'waiting', peopleAhead: 1 })).toMatchObject({
      peopleAhead: '1 person',
      estimate: 'cannot be estimated yet',
    })
  })

  it('says where to go once called, and a sentence for every other status', () => {
    expect(ticketTexts(id, { ...base, status: 'called', counterNumber: 3 })).toMatchObject({
      status: 'Dipanggil',
      called: 'Dipanggil — silakan ke loket 3',
      waiting: false,
    })
    expect(ticketTexts(en, { ...base, status: 'called', counterNumber: 3 }).called).toBe(
      'Called — please go to counter 3',
    )
    for (const status of ['serving', 'held', 'completed', 'no_show', 'expired'] as const) {
      const texts = ticketTexts(id, { ...base, status })
      expect(texts.sentence, status).toBeTruthy()
      expect(texts.called, status).toBe('')
      expect(texts.waiting, status).toBe(false)
    }
  })
})

describe('withTicketMessage', () => {
  const waiting: TicketData = {
    label: 'A-012',
    status: 'waiting',
    queue: { name: 'Kependudukan' },
    service: { name: 'KTP-el' },
    peopleAhead: 2,
    estimatedWaitMinutes: 8,
  }
  const message = { type: 'ticket' as const, key: '2026-11-23.ktp.12', label: 'A-012', queueId: 'ktp' }

  it('turns a waiting ticket to "go to counter N", Indonesian first, keeping what the message leaves out', () => {
    const called = withTicketMessage(waiting, { ...message, status: 'called', counterNumber: 3 })
    expect(called).toMatchObject({ status: 'called', counterNumber: 3, service: { name: 'KTP-el' } })
    expect(ticketTexts(messagesFor('id'), called).called).toBe('Dipanggil — silakan ke loket 3')
    expect(ticketTexts(messagesFor('en'), called).called).toBe('Called — please go to counter 3')
  })

  it('takes the people ahead when the message has them, and keeps them otherwise', () => {
    expect(withTicketMessage(waiting, { ...message, status: 'waiting', peopleAhead: 1 }).peopleAhead).toBe(1)
    expect(withTicketMessage(waiting, { ...message, status: 'waiting' }).peopleAhead).toBe(2)
  })
})
