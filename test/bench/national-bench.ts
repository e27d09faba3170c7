import { addDays } from '@mpp/core/business-day'
import { regencies } from '@mpp/core/regions'
import {
  type Rollup,
  rollupCounters,
  waitThresholdsMinutes,
  waitWithinMetric,
  zeroRollup,
} from '@mpp/core/rollup'
import { surveyElements } from '@mpp/core/satisfaction'
import { batchWriteAll } from '@mpp/db/catalog-admin-repository'
import type { Db } from '@mpp/db/client'
import { keys } from '@mpp/db/keys'
import { directoryItem, getTenant } from '@mpp/db/tenant-repository'
import { benchApp, benchClock } from './bench-app'
import { median, percentile, round, timeMs } from './stats'

/** 90 days: September to November 2026, the three whole months the dashboard is asked for. */
const firstDay = '2026-09-01'
const dayCount = 90
const months = ['2026-09', '2026-10', '2026-11']
const steps = [50, 100, 250, 514]
const runs = 15

/** Deterministic numbers, so every run of the bench reads the same data. */
const random = (seed: number) => {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** One plausible day of an MPP: a few hundred citizens, most rating 3 or 4, a complaint now and then. */
const dayOf = (next: () => number): Rollup => {
  const r = zeroRollup()
  r.daysClosed = 1
  r.issued = 100 + Math.floor(next() * 400)
  r.served = Math.floor(r.issued * (0.85 + next() * 0.1))
  r.noShow = r.issued - r.served
  r.waitCount = r.served
  r.waitSecondsSum = r.served * (300 + Math.floor(next() * 1500))
  r.serviceCount = r.served
  r.serviceSecondsSum = r.served * (240 + Math.floor(next() * 600))
  for (const m of waitThresholdsMinutes)
    r[waitWithinMetric(m)] = Math.floor(r.served * Math.min(1, m / 30) * next())
  r.svRespondents = Math.floor(r.served * 0.2)
  for (const e of surveyElements) r[`sv${e}`] = Math.round(r.svRespondents * (3 + next()))
  r.cpFiled = Math.floor(next() * 3)
  r.cpResponded = r.cpFiled
  r.cpRespondedOnTime = Math.floor(r.cpFiled * next())
  return r
}

const add = (a: Rollup, b: Rollup) => {
  for (const c of rollupCounters) a[c] += b[c]
}

/**
 * The ministry's dashboard against 514 tenants x 90 days of roll-ups in DynamoDB Local, measured at 50, 100, 250
 * and 514 tenants: the page (HTML) and the JSON API, through the app, with a ministry session.
 */
export const benchNational = async (db: Db, password: string) => {
  const app = await benchApp(db, benchClock('2026-11-30T03:00:00Z'))
  const login = await app.request('http://localhost/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ email: 'kementerian@panrb.test', password }),
  })
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] as string
  const get = async (path: string) => {
    const res = await app.request(`http://localhost${path}`, { headers: { cookie } })
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    return res.text()
  }

  const days = Array.from({ length: dayCount }, (_, i) => addDays(firstDay, i))
  const national = new Map(days.map((d) => [d, zeroRollup()]))
  const next = random(42)
  let seeded = 0
  const results: {
    tenants: number
    items: number
    pageMs: { p50: number; p90: number }
    apiMs: { p50: number; p90: number }
    pageKiB: number
  }[] = []
  let items = 0

  for (const step of steps) {
    const writes: { PutRequest: { Item: Record<string, unknown> } }[] = []
    for (const regency of regencies.slice(seeded, step)) {
      const existing = await getTenant(db, regency.code)
      if (!existing) {
        writes.push({
          PutRequest: {
            Item: directoryItem({
              id: regency.code,
              slug: `r${regency.code.replace('.', '')}`,
              name: `Mal Pelayanan Publik ${regency.name}`,
              regencyName: regency.name,
              provinceName: regency.provinceName,
              stage: 'live',
            }),
          },
        })
      }
      const perMonth = new Map(months.map((m) => [m, zeroRollup()]))
      for (const day of days) {
        const r = dayOf(next)
        add(perMonth.get(day.slice(0, 7)) as Rollup, r)
        add(national.get(day) as Rollup, r)
        writes.push({ PutRequest: { Item: { ...keys.rollupDay(regency.code, day), day, ...r } } })
      }
      for (const [month, r] of perMonth) {
        writes.push({
          PutRequest: {
            Item: { ...keys.rollupMonth(regency.code, month), tenantId: regency.code, month, ...r },
          },
        })
      }
    }
    for (const [day, r] of national)
      writes.push({ PutRequest: { Item: { ...keys.nationalDay(day), day, ...r } } })
    await batchWriteAll(db, writes as never, 8)
    items += writes.length - national.size
    seeded = step

    const query = `from=${months[0]}&to=${months.at(-1)}`
    const page = await get(`/kementerian/statistik?${query}`)
    for (let i = 0; i < 2; i++) await get(`/api/stats/national?${query}`)
    const pageMs: number[] = []
    const apiMs: number[] = []
    for (let i = 0; i < runs; i++) {
      pageMs.push(await timeMs(() => get(`/kementerian/statistik?${query}`)))
      apiMs.push(await timeMs(() => get(`/api/stats/national?${query}`)))
    }
    results.push({
      tenants: step,
      items: items + national.size,
      pageMs: { p50: round(median(pageMs)), p90: round(percentile(pageMs, 90)) },
      apiMs: { p50: round(median(apiMs)), p90: round(percentile(apiMs, 90)) },
      pageKiB: round(Buffer.byteLength(page) / 1024, 1),
    })
  }
  return { days: dayCount, months, runs, steps: results }
}
