import type { TenantId } from '@mpp/core/tenant'
import { type Ticket, ticket as ticketSchema } from '@mpp/core/ticket'
import { batchGet, itemWithKey } from './batch-get'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import { type CounterCall, counterCall } from './live-repository'

/** A counter's current call and one ticket, read together in one round trip (consistently). */
export const getCounterAndTicket = async (
  db: Db,
  tenantId: TenantId,
  day: string,
  counterId: string,
  ticketKey: string,
): Promise<{ call: CounterCall | undefined; ticket: Ticket | undefined }> => {
  const callKey = keys.counterCall(tenantId, day, counterId)
  const ticketKeys = keys.ticket(tenantId, ticketKey)
  const items = await batchGet(db, [callKey, ticketKeys])
  const call = itemWithKey(items, callKey)
  const ticket = itemWithKey(items, ticketKeys)
  return {
    call: call && parseItem(counterCall, call),
    ticket: ticket && parseItem(ticketSchema, ticket),
  }
}
