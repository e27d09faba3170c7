import { phoneCodeHash } from '@mpp/api/queue/phone-proof'
import { normalisePhone } from '@mpp/core/phone'
import { listOutbox } from '@mpp/db/outbox-repository'
import { getPhoneCode } from '@mpp/db/phone-code-repository'
import { expect } from 'vitest'
import type { TestApp } from './test-app'

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

export interface Issued {
  key: string
  label: string
  queueId: string
  link: string
}

/** Takes a ticket through the API and returns it; fails the test on anything but 201/200. */
export const take = async (
  t: TestApp,
  host: string,
  serviceId: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => {
  const res = await t.request(host, '/api/tickets', json({ serviceId, ...extra }, headers))
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`takeTicket ${res.status}: ${await res.text()}`)
  return (await res.json()) as Issued
}

/** Calls an officer endpoint of a counter with a staff cookie. */
export const counterPost = (
  t: TestApp,
  host: string,
  cookie: string,
  counterId: string,
  action: string,
  body: unknown = {},
) => t.request(host, `/api/counters/${counterId}/${action}`, json(body, { cookie }))

export const expectGapless = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b)
  expect(sorted).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
}

export const numberOf = (key: string) => Number(key.split('.')[2])

/** Changes some settings of a queue through the admin API. */
export const configureQueue = async (
  t: TestApp,
  host: string,
  adminCookie: string,
  queueId: string,
  changes: Record<string, unknown>,
) => {
  const { queues } = await (
    await t.request(host, '/api/admin/queues', { headers: { cookie: adminCookie } })
  ).json()
  const { id: _, ...current } = queues.find((q: { id: string }) => q.id === queueId)
  const res = await t.request(host, `/api/admin/queues/${queueId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: adminCookie },
    body: JSON.stringify({ ...current, ...changes }),
  })
  if (res.status !== 204) throw new Error(`putQueue ${res.status}: ${await res.text()}`)
}

/**
 * The code last sent to a phone number, read from the notifier's outbox (a WhatsApp or SMS in production). Of
 * the codes sent, the one the number holds now is the one stored (messages of one instant have no order).
 */
export const lastPhoneCode = async (t: TestApp, tenantId: string, phone: string) => {
  const to = normalisePhone(phone) ?? phone
  const stored = await getPhoneCode(t.db, tenantId, to)
  const code = (await listOutbox(t.db, tenantId))
    .filter((m) => m.kind === 'phone_code' && m.to === to)
    .map((m) => /\b(\d{6})\b/.exec(m.text)?.[1] ?? '')
    .find((c) => stored && phoneCodeHash(to, c) === stored.hash)
  if (!code) throw new Error(`no code was sent to ${phone}`)
  return code
}

/** Books through the API as a citizen does: asks for a code, reads it from the outbox, books with it. */
export const bookWithProof = async (
  t: TestApp,
  host: string,
  tenantId: string,
  booking: { serviceId: string; date: string; time: string; phone: string },
  headers: Record<string, string> = {},
) => {
  const sent = await t.request(host, '/api/appointments/phone-codes', json({ phone: booking.phone }, headers))
  if (sent.status !== 202) return sent
  const phoneCode = await lastPhoneCode(t, tenantId, booking.phone)
  return t.request(host, '/api/appointments', json({ ...booking, phoneCode }, headers))
}

/**
 * The timeout of a test that races hundreds of writes on one item: DynamoDB Local, writing the table's stream
 * too, takes 10 s alone on two cores and three times that while the whole suite runs beside it.
 */
export const contended = 120_000
