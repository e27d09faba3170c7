import { regencies } from '@mpp/core/regions'
import { addRollups, type Rollup, type WaitThreshold } from '@mpp/core/rollup'
import { type Ranking, type StatsSummary, summarise } from '@mpp/core/stats-summary'
import type { TenantStage } from '@mpp/core/tenant'
import {
  monthRollups,
  nationalDayRollups,
  tenantDayRollups,
  tenantMonthRollups,
} from '@mpp/db/rollup-repository'
import { getTenant, listDirectory } from '@mpp/db/tenant-repository'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import type { MonthRange } from './month-range'

const rankValue: Record<Ranking, (s: StatsSummary) => number | undefined> = {
  ikm: (s) => s.ikm,
  servedWithin: (s) => s.servedWithinShare,
  served: (s) => s.served,
  complaintsOnTime: (s) => s.complaintsOnTimeShare,
}

/** Best first; tenants without a value for the measure come last, by name. */
const rank = <T extends { name: string; summary: StatsSummary }>(rows: T[], by: Ranking): T[] =>
  [...rows].sort((a, b) => {
    const [x, y] = [rankValue[by](a.summary), rankValue[by](b.summary)]
    if (x === undefined || y === undefined)
      return x === y ? a.name.localeCompare(b.name, 'id') : x === undefined ? 1 : -1
    return y - x || a.name.localeCompare(b.name, 'id')
  })

/**
 * The ministry's view of every MPP over whole months: coverage of the 514 regencies, the nation's totals and
 * daily series, and every tenant's numbers ranked. Reads the tenant directory, one gsi1 query per month (one
 * item per tenant) and the nation's days: never a scan, and the same cost whatever happened in the MPPs.
 */
export const nationalStats = async (
  deps: AppDeps,
  range: MonthRange,
  options: { waitMinutes: WaitThreshold; rankBy: Ranking },
) => {
  const { db } = deps
  const [directory, perMonth, days] = await Promise.all([
    listDirectory(db),
    Promise.all(range.months.map((m) => monthRollups(db, m))),
    nationalDayRollups(db, range.firstDay, range.lastDay),
  ])
  const byTenant = new Map<string, Rollup[]>()
  for (const month of perMonth)
    for (const m of month) byTenant.set(m.tenantId, [...(byTenant.get(m.tenantId) ?? []), m.totals])

  const stages: Record<TenantStage, number> = { trial: 0, live: 0, suspended: 0, closed: 0 }
  for (const t of directory) stages[t.stage]++
  const provinces = new Map<string, { code: string; name: string; regencies: number; tenants: number }>()
  for (const r of regencies) {
    const p = provinces.get(r.provinceCode) ?? {
      code: r.provinceCode,
      name: r.provinceName,
      regencies: 0,
      tenants: 0,
    }
    p.regencies++
    provinces.set(r.provinceCode, p)
  }
  // On the platform: open to citizens (trial or live). Serving: of those, the ones that served at least one
  // citizen in the period, by the roll-ups; a trial MPP still filling its catalog is on the platform, not serving.
  const open = directory.filter((t) => t.stage === 'trial' || t.stage === 'live')
  for (const t of open) {
    const p = provinces.get(t.id.slice(0, 2))
    if (p) p.tenants++
  }

  const tenants = rank(
    directory.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      provinceName: t.provinceName,
      stage: t.stage,
      summary: summarise(addRollups(...(byTenant.get(t.id) ?? [])), options.waitMinutes),
    })),
    options.rankBy,
  )
  return {
    range: { from: range.from, to: range.to },
    waitMinutes: options.waitMinutes,
    rankBy: options.rankBy,
    coverage: {
      regencies: regencies.length,
      onPlatform: open.length,
      serving: tenants.filter((t) => (t.stage === 'trial' || t.stage === 'live') && t.summary.served > 0)
        .length,
      stages,
      provinces: [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code)),
    },
    national: summarise(addRollups(...perMonth.flat().map((m) => m.totals)), options.waitMinutes),
    days: days.map((d) => ({ day: d.day, ...summarise(d.totals, options.waitMinutes) })),
    tenants,
  }
}
export type NationalStats = Awaited<ReturnType<typeof nationalStats>>

/** One tenant's numbers over whole months: each month and each day. */
export const tenantStats = async (
  deps: AppDeps,
  tenantId: string,
  range: MonthRange,
  waitMinutes: WaitThreshold,
) => {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new ApiError(404, 'tenant_not_found')
  const [months, days] = await Promise.all([
    tenantMonthRollups(deps.db, tenant.id, range.from, range.to),
    tenantDayRollups(deps.db, tenant.id, range.firstDay, range.lastDay),
  ])
  const monthOf = new Map(months.map((m) => [m.month, m.totals]))
  return {
    tenant: {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      provinceName: tenant.provinceName,
      stage: tenant.stage,
    },
    range: { from: range.from, to: range.to },
    waitMinutes,
    total: summarise(addRollups(...months.map((m) => m.totals)), waitMinutes),
    months: range.months.map((month) => ({
      month,
      ...summarise(addRollups(monthOf.get(month) ?? {}), waitMinutes),
    })),
    days: days.map((d) => ({ day: d.day, ...summarise(d.totals, waitMinutes) })),
  }
}
export type TenantStats = Awaited<ReturnType<typeof tenantStats>>
