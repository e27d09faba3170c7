import { type Rollup, type RollupCounter, rollupCounters, zeroRollup } from '@mpp/core/rollup'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { keys } from './keys'
import { queryAll } from './query-all'
import type { TransactItem } from './transactions'

/**
 * The breakdowns a tenant's day keeps beside its totals, per service, queue and agency, for what happens one at
 * a time (a response, a complaint, an application; an expression has at most 4 KB: an application's event
 * names at most 3 counters in each of the totals, its service and its agency). Tickets' breakdowns are on the
 * day's summary.
 */
export type RollupDimension = 'svc' | 'q' | 'ag'
const dimensions: readonly RollupDimension[] = ['svc', 'q', 'ag']
const isDimension = (name: string): name is RollupDimension =>
  (dimensions as readonly string[]).includes(name)
export type RollupBreakdown = Partial<Record<RollupDimension, Record<string, Partial<Rollup>>>>

const isCounter = (name: string): name is RollupCounter =>
  (rollupCounters as readonly string[]).includes(name)

/** One UpdateItem that ADDs `counters` (flat attribute names, so ADD creates them) and SETs `set`. */
const addUpdate = (
  db: Db,
  key: Record<string, string>,
  counters: Record<string, number>,
  set: Record<string, string> = {},
): TransactItem => {
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  const adds = Object.entries(counters)
    .filter(([, v]) => v !== 0)
    .map(([name, v], i) => {
      names[`#c${i}`] = name
      values[`:c${i}`] = v
      return `#c${i} :c${i}`
    })
  const sets = Object.entries(set).map(([name, v], i) => {
    names[`#s${i}`] = name
    values[`:s${i}`] = v
    return `#s${i} = :s${i}`
  })
  const { pk, sk, ...indexed } = key as { pk: string; sk: string }
  for (const [name, v] of Object.entries(indexed)) {
    sets.push(`${name} = :${name}`)
    values[`:${name}`] = v
  }
  return {
    Update: {
      TableName: db.tableName,
      Key: { pk, sk },
      UpdateExpression: [
        sets.length ? `SET ${sets.join(', ')}` : '',
        adds.length ? `ADD ${adds.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

/**
 * The writes that add `counters` to a tenant's day and month and to the nation's day, for the transaction
 * that records the event itself (a survey response, a complaint, a day's close): the roll-ups move exactly
 * when the event is recorded, and reading statistics never scans anything.
 */
export const rollupWrites = (
  db: Db,
  tenantId: TenantId,
  day: string,
  counters: Partial<Rollup>,
  breakdown: RollupBreakdown = {},
  /** A respondent's profile (`gender: 'P'`), counted on the day only, for the survey report. */
  profile: Record<string, string> = {},
): TransactItem[] => {
  const perDimension = Object.entries(breakdown).flatMap(([dimension, ids]) =>
    Object.entries(ids ?? {}).flatMap(([id, c]) =>
      Object.entries(c).map(([name, v]) => [`${dimension}#${id}#${name}`, v ?? 0] as const),
    ),
  )
  const totals = Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, v ?? 0]))
  const profiles = Object.entries(profile).map(([field, value]) => [`pf#${field}#${value}`, 1] as const)
  return [
    addUpdate(
      db,
      keys.rollupDay(tenantId, day),
      { ...totals, ...Object.fromEntries(perDimension), ...Object.fromEntries(profiles) },
      { day },
    ),
    addUpdate(db, keys.rollupMonth(tenantId, day.slice(0, 7)), totals, { tenantId, month: day.slice(0, 7) }),
    addUpdate(db, keys.nationalDay(day), totals, { day }),
  ]
}

const rollupOf = (item: Record<string, unknown>): Rollup => {
  const r = zeroRollup()
  for (const [name, v] of Object.entries(item)) if (isCounter(name) && typeof v === 'number') r[name] = v
  return r
}

const breakdownOf = (item: Record<string, unknown>) => {
  const out: Record<RollupDimension, Record<string, Rollup>> = { svc: {}, q: {}, ag: {} }
  const profile: Record<string, Record<string, number>> = {}
  for (const [attribute, v] of Object.entries(item)) {
    const [dimension, id, name] = attribute.split('#')
    if (dimension === 'pf' && id && name && typeof v === 'number') {
      profile[id] ??= {}
      ;(profile[id] as Record<string, number>)[name] = v
      continue
    }
    if (!id || !name || !dimension || !isDimension(dimension)) continue
    if (!isCounter(name) || typeof v !== 'number') continue
    out[dimension][id] ??= zeroRollup()
    ;(out[dimension][id] as Rollup)[name] = v
  }
  return { ...out, profile }
}

export interface DayRollup {
  day: string
  totals: Rollup
  services: Record<string, Rollup>
  queues: Record<string, Rollup>
  /** Online applications' counters by the agency of their service when they happened. */
  agencies: Record<string, Rollup>
  /** Respondents by profile field and answer: `{ gender: { L: 3, P: 5 } }`. */
  profile: Record<string, Record<string, number>>
}

/** A tenant's days from `from` to `to` (inclusive), with their breakdowns: at most a year of one partition. */
export const tenantDayRollups = async (db: Db, tenantId: TenantId, from: string, to: string) => {
  const { pk } = keys.rollupDay(tenantId, from)
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': pk, ':from': `S#${from}`, ':to': `S#${to}` },
  })
  return items.map((item): DayRollup => {
    const b = breakdownOf(item)
    return {
      day: String(item.day),
      totals: rollupOf(item),
      services: b.svc,
      queues: b.q,
      agencies: b.ag,
      profile: b.profile,
    }
  })
}

/** Every tenant's totals of one month (`2026-11`), through gsi1: one item per tenant that had any. */
export const monthRollups = async (db: Db, month: string) => {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `MONTH#${month}` },
  })
  return items.map((item) => ({ tenantId: String(item.tenantId), month, totals: rollupOf(item) }))
}

/** A tenant's months from `from` to `to` (`2026-01` .. `2026-12`). */
export const tenantMonthRollups = async (db: Db, tenantId: TenantId, from: string, to: string) => {
  const { pk } = keys.rollupMonth(tenantId, from)
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': pk, ':from': `M#${from}`, ':to': `M#${to}` },
  })
  return items.map((item) => ({ month: String(item.month), totals: rollupOf(item) }))
}

/** The nation's days from `from` to `to` (inclusive). */
export const nationalDayRollups = async (db: Db, from: string, to: string) => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.nationalDay(from).pk, ':from': `D#${from}`, ':to': `D#${to}` },
  })
  return items.map((item) => ({ day: String(item.day), totals: rollupOf(item) }))
}
