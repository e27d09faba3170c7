import type { AppDeps } from '@mpp/api/app-env'
import {
  closeComplaint,
  respondComplaint,
  submitComplaint,
  verifyComplaint,
} from '@mpp/api/complaints/complaints'
import { ApiError } from '@mpp/api/errors'
import { callNext } from '@mpp/api/queue/call-next'
import { actOnCounterTicket } from '@mpp/api/queue/counter-actions'
import { closeDay, dayCloseGraceMinutes } from '@mpp/api/queue/day-close'
import { createQueueContext, scheduleOf, todayOf } from '@mpp/api/queue/queue-context'
import { takeTicket } from '@mpp/api/queue/take-ticket'
import { submitSurvey } from '@mpp/api/survey/submit-survey'
import { addDays, clockMinutes, type IsoDate, weekdayOf, zonedInstant } from '@mpp/core/business-day'
import { ageBands, educationLevels, genders, occupations, surveyElements } from '@mpp/core/satisfaction'
import { closingInstant, intervalsOn } from '@mpp/core/schedule'
import type { Tenant } from '@mpp/core/tenant'
import { addWorkingDays, isWorkingDay } from '@mpp/core/working-days'
import { daySummariesBetween } from '@mpp/db/day-summary-repository'
import { getTenant } from '@mpp/db/tenant-repository'
import { cancelReasons } from '@mpp/db/transactions'
import type { ServiceKey } from './demo-services'
import { type DemoTenant, demoTenants } from './demo-tenants'
import {
  citizenNames,
  complaintSamples,
  criticism,
  elementLean,
  praise,
  serviceProfiles,
  weekdayLoad,
} from './history-profile'
import { type SeededRandom, seededRandom, seedOf } from './seeded-random'

/** Tickets on an ordinary Wednesday, per MPP: modest, so the history is written within minutes of a start. */
const baseTicketsPerDay: Record<string, number> = { '16.73': 6, '16.71': 8, '14.71': 7, '64.72': 5 }
/** A real MPP's counter hours, whatever longer hours the demo keeps so tickets can be taken at any time. */
const workingHours = { open: clockMinutes('08:00'), close: clockMinutes('15:00') }

export interface HistoryOptions {
  /** Days of history, ending the day before the app's today. */
  days?: number
  /** The demo tenants to write history for (all four by default). */
  tenantIds?: string[]
  /** How many days are written at once. */
  concurrency?: number
}

export interface HistoryCounts {
  tickets: number
  surveys: number
  complaints: number
}

/** A clock the seeder moves through the history; the product's code reads it as `deps.now`. */
const movingClock = (start: Date) => {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    set: (instant: Date) => {
      current = instant.getTime()
    },
  }
}

/** Runs `step` again while another transaction held one of its items (the seeder writes several days at once). */
const retryingConflicts = async <T>(step: () => Promise<T>): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step()
    } catch (error) {
      const conflict =
        cancelReasons(error)?.some((r) => r.code === 'TransactionConflict') ||
        (error instanceof ApiError && error.status === 503)
      if (!conflict || attempt >= 20) throw error
      await new Promise((done) => setTimeout(done, 5 * (attempt + 1)))
    }
  }
}

/** Runs `tasks` with at most `limit` at a time. */
const pooled = async (tasks: (() => Promise<void>)[], limit: number) => {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)()
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
}

/** The service ids of a demo tenant with what its profile says about them. */
const servicesOf = (demo: DemoTenant) =>
  demo.agencies.flatMap((a) =>
    a.services.map((key: ServiceKey) => ({ id: `${a.id}-${key}`, ...serviceProfiles[key] })),
  )

/** The minutes of a day the counters work: the schedule's intervals within real office hours. */
const workingWindows = (tenant: Tenant, day: IsoDate) =>
  intervalsOn(day, scheduleOf(tenant))
    .map((i) => ({
      from: Math.max(clockMinutes(i.open), workingHours.open),
      to: Math.min(clockMinutes(i.close), workingHours.close),
    }))
    .filter((w) => w.to > w.from)

const isHistoryWorkday = (tenant: Tenant, day: IsoDate) =>
  isWorkingDay(day, new Set(tenant.holidays.map((h) => h.date))) && workingWindows(tenant, day).length > 0

/** A minute of the working windows, mornings busier than afternoons. */
const arrivalMinute = (random: SeededRandom, windows: { from: number; to: number }[]) => {
  const total = windows.reduce((sum, w) => sum + (w.to - w.from), 0)
  let offset = total * random.next() ** 1.4
  for (const w of windows) {
    if (offset < w.to - w.from) return w.from + offset
    offset -= w.to - w.from
  }
  return (windows.at(-1) as { to: number }).to - 1
}

const answersFor = (random: SeededRandom, rating: number) => {
  const mood = random.normal() * 0.35
  return Object.fromEntries(
    surveyElements.map((e) => [
      e,
      Math.min(4, Math.max(1, Math.round(rating + elementLean[e] + mood + random.normal() * 0.45))),
    ]),
  ) as Record<(typeof surveyElements)[number], number>
}

type DayEvent =
  | {
      at: number
      kind: 'arrive'
      serviceId: string
      priority: boolean
      channel: 'online' | 'kiosk' | 'officer'
    }
  | { at: number; kind: 'call'; counterId: string }
  | {
      at: number
      kind: 'act'
      counterId: string
      ticketKey: string
      action: 'start' | 'complete' | 'no_show'
    }
  | { at: number; kind: 'survey'; ticketKey: string; secret: string; serviceId: string }

interface DayCounts {
  tickets: number
  surveys: number
}

/**
 * One business day at one MPP, through the product's own operations with the clock at each instant: citizens
 * take tickets through the day, counters call, serve (or find nobody), some citizens rate the service, and
 * the day is closed as the scheduled job closes it, which writes the day's roll-ups.
 */
const writeDay = async (
  base: AppDeps,
  demo: DemoTenant,
  tenant: Tenant,
  day: IsoDate,
): Promise<DayCounts> => {
  const random = seededRandom(seedOf(`${tenant.id}|${day}`))
  const clock = movingClock(zonedInstant(day, '07:00', tenant.timeZone))
  const deps: AppDeps = { ...base, now: clock.now }
  const ctx = createQueueContext(deps)
  const officer = `petugas@${tenant.slug}.test`
  const counts: DayCounts = { tickets: 0, surveys: 0 }
  const windows = isHistoryWorkday(tenant, day) ? workingWindows(tenant, day) : []

  if (windows.length > 0) {
    const config = await ctx.config.get(tenant.id)
    const queued = new Set(config.queues.flatMap((q) => q.serviceIds))
    const services = servicesOf(demo).filter((s) => queued.has(s.id))
    const profile = new Map(services.map((s) => [s.id, s]))
    const load = weekdayLoad[weekdayOf(day)] * (0.8 + 0.4 * random.next())
    const arrivals = Math.max(1, Math.round((baseTicketsPerDay[tenant.id] ?? 8) * load))
    const events: DayEvent[] = []
    for (let i = 0; i < arrivals; i++) {
      events.push({
        at: arrivalMinute(random, windows),
        kind: 'arrive',
        serviceId: random.weighted(services.map((s) => [s.id, s.demand] as const)),
        priority: random.chance(0.08),
        channel: random.weighted([
          ['online', 3],
          ['kiosk', 5],
          ['officer', 2],
        ] as const),
      })
    }
    // Counters that could call now; a counter is busy from its call until it finishes that ticket.
    const idle = new Set(config.counters.filter((c) => c.active).map((c) => c.id))
    const lastMinute = (windows.at(-1) as { to: number }).to + 30
    const callWhenIdle = (at: number, queueId: string) => {
      for (const c of config.counters) {
        if (idle.has(c.id) && c.queueIds.includes(queueId)) {
          idle.delete(c.id)
          events.push({ at: at + random.between(0.5, 4), kind: 'call', counterId: c.id })
        }
      }
    }
    const secrets = new Map<string, string>()
    const serviceOf = new Map<string, string>()
    while (events.length > 0) {
      events.sort((a, b) => a.at - b.at)
      const event = events.shift() as DayEvent
      clock.set(new Date(zonedInstant(day, '00:00', tenant.timeZone).getTime() + event.at * 60_000))
      switch (event.kind) {
        case 'arrive': {
          const { ticket, queue } = await takeTicket(ctx, tenant, {
            serviceId: event.serviceId,
            channel: event.channel,
            priority: event.priority,
            by: event.channel === 'online' ? undefined : officer,
          })
          counts.tickets++
          secrets.set(ticket.key, ticket.secret)
          serviceOf.set(ticket.key, ticket.serviceId)
          callWhenIdle(event.at, queue.id)
          break
        }
        case 'call': {
          if (event.at > lastMinute) break
          const called = await retryingConflicts(() => callNext(ctx, tenant, event.counterId, officer))
          if (!called) {
            idle.add(event.counterId)
            break
          }
          const ticketKey = called.marker.ticketKey
          if (random.chance(0.06)) {
            events.push({
              at: event.at + random.between(3, 6),
              kind: 'act',
              counterId: event.counterId,
              ticketKey,
              action: 'no_show',
            })
            break
          }
          const started = event.at + random.between(0.5, 2)
          const minutes = (profile.get(called.marker.serviceId)?.minutes ?? 8) * random.between(0.5, 1.6)
          events.push({ at: started, kind: 'act', counterId: event.counterId, ticketKey, action: 'start' })
          events.push({
            at: started + minutes,
            kind: 'act',
            counterId: event.counterId,
            ticketKey,
            action: 'complete',
          })
          break
        }
        case 'act': {
          await retryingConflicts(() =>
            actOnCounterTicket(ctx, tenant, {
              counterId: event.counterId,
              ticketKey: event.ticketKey,
              action: event.action,
              by: officer,
            }),
          )
          if (event.action === 'start') break
          // Between citizens the officer files the paperwork, or steps away for a while.
          events.push({
            at: event.at + random.between(0.5, random.chance(0.3) ? 25 : 6),
            kind: 'call',
            counterId: event.counterId,
          })
          const serviceId = serviceOf.get(event.ticketKey) as string
          if (event.action === 'complete' && random.chance(0.45)) {
            events.push({
              at: event.at + random.between(1, 10),
              kind: 'survey',
              ticketKey: event.ticketKey,
              secret: secrets.get(event.ticketKey) as string,
              serviceId,
            })
          }
          break
        }
        case 'survey': {
          const rating = profile.get(event.serviceId)?.rating ?? 3.2
          const answers = answersFor(random, rating)
          const average = Object.values(answers).reduce((a, b) => a + b, 0) / surveyElements.length
          const comment = random.chance(0.2) ? random.pick(average >= 3 ? praise : criticism) : undefined
          const profiled = random.chance(0.7)
          await retryingConflicts(() =>
            submitSurvey(
              deps,
              tenant,
              event.ticketKey,
              { secret: event.secret },
              {
                answers,
                ...(profiled
                  ? {
                      profile: {
                        gender: random.pick(genders),
                        ageBand: random.pick(ageBands),
                        education: random.pick(educationLevels),
                        occupation: random.pick(occupations),
                      },
                    }
                  : {}),
                ...(comment ? { comment } : {}),
              },
            ),
          )
          counts.surveys++
          break
        }
      }
    }
  }

  // As the scheduled job does: at the closing time and its grace, or at midnight on a day closed all day.
  const closesAt = closingInstant(day, scheduleOf(tenant))
  const due = closesAt
    ? new Date(closesAt.getTime() + dayCloseGraceMinutes * 60_000)
    : zonedInstant(addDays(day, 1), '00:00', tenant.timeZone)
  clock.set(new Date(Math.min(due.getTime(), base.now().getTime())))
  await retryingConflicts(() => closeDay(deps, tenant, day))
  return counts
}

/**
 * A few complaints over the period: filed, verified, responded (most on time, some late) and closed once the
 * citizen has nothing to add, each step on its own day; the latest ones are still open for staff to handle.
 */
const writeComplaints = async (base: AppDeps, tenant: Tenant, first: IsoDate, today: IsoDate) => {
  const random = seededRandom(seedOf(`${tenant.id}|complaints`))
  const holidays = new Set(tenant.holidays.map((h) => h.date))
  const clock = movingClock(zonedInstant(first, '07:00', tenant.timeZone))
  const deps: AppDeps = { ...base, now: clock.now }
  const staff = `admin@${tenant.slug}.test`
  const at = (day: IsoDate, from: string, to: string) =>
    clock.set(
      new Date(
        zonedInstant(day, from, tenant.timeZone).getTime() +
          random.next() * (clockMinutes(to) - clockMinutes(from)) * 60_000,
      ),
    )
  let filed = 0
  for (let day = first; day < today; day = addDays(day, 1)) {
    if (!isHistoryWorkday(tenant, day) || !random.chance(0.12)) continue
    const sample = random.pick(complaintSamples)
    const anonymous = random.chance(0.3)
    at(day, '09:00', '16:00')
    const { complaint } = await retryingConflicts(() =>
      submitComplaint(
        deps,
        tenant,
        {
          category: sample.category,
          text: sample.text,
          anonymous,
          ...(anonymous ? {} : { contact: { name: random.pick(citizenNames) } }),
        },
        // Nobody gives an email here, so no receipt is mailed.
        { site: `http://${tenant.slug}.${base.config.rootDomain}/`, lang: 'id' },
      ),
    )
    filed++
    const verifyOn = addWorkingDays(day, random.int(1, 2), holidays)
    if (verifyOn >= today) continue
    at(verifyOn, '08:30', '11:00')
    await retryingConflicts(() => verifyComplaint(deps, tenant, complaint.code, staff))
    // One in five is answered after its deadline: the ministry's "on time" share should show it.
    const respondOn = random.chance(0.2)
      ? addWorkingDays(complaint.respondBy, random.int(1, 3), holidays)
      : addWorkingDays(verifyOn, random.int(1, 3), holidays)
    if (respondOn >= today) continue
    at(respondOn, '09:00', '15:00')
    const responded = await retryingConflicts(() =>
      respondComplaint(deps, tenant, complaint.code, staff, sample.response),
    )
    const closeOn = addDays(responded.replyBy as IsoDate, 1)
    if (closeOn >= today) continue
    at(closeOn, '08:00', '09:00')
    await retryingConflicts(() => closeComplaint(deps, tenant, complaint.code, staff))
  }
  return filed
}

export interface HistoryPlan {
  /** Tenants that get history; the others had closed days in the range already. */
  seeded: string[]
  kept: string[]
  /** Writes it: the newest days first, so reports fill from yesterday backwards while it runs. */
  write: () => Promise<HistoryCounts>
}

/**
 * Plans `days` days of history for the demo MPPs, ending the day before the app's today, written through the
 * same operations the product runs (take a ticket, call, serve, rate, complain, close the day), each with
 * the clock at its moment, so every report and roll-up reads it as real. A tenant that has any closed day in
 * that range already keeps what it has: a second start writes nothing.
 */
export const planHistory = async (deps: AppDeps, options: HistoryOptions = {}): Promise<HistoryPlan> => {
  const { days = 90, concurrency = 4 } = options
  const plan = { seeded: [] as string[], kept: [] as string[] }
  const counts: HistoryCounts = { tickets: 0, surveys: 0, complaints: 0 }
  const perTenant: (() => Promise<void>)[][] = []
  for (const demo of demoTenants.filter(
    (d) => !options.tenantIds || options.tenantIds.includes(d.tenant.id),
  )) {
    const tenant = await getTenant(deps.db, demo.tenant.id)
    if (!tenant) continue
    const today = todayOf(tenant, deps.now())
    const first = addDays(today, -days)
    if ((await daySummariesBetween(deps.db, tenant.id, first, addDays(today, -1))).length > 0) {
      plan.kept.push(tenant.slug)
      continue
    }
    plan.seeded.push(tenant.slug)
    const tasks: (() => Promise<void>)[] = []
    perTenant.push(tasks)
    for (let day = addDays(today, -1); day >= first; day = addDays(day, -1)) {
      const d = day
      tasks.push(async () => {
        const written = await writeDay(deps, demo, tenant, d)
        counts.tickets += written.tickets
        counts.surveys += written.surveys
      })
    }
    tasks.push(async () => {
      counts.complaints += await writeComplaints(deps, tenant, first, today)
    })
  }
  return {
    ...plan,
    write: async () => {
      // Tenants taken in turn, so the writers at work at once rarely touch the same tenant's month roll-up.
      const longest = Math.max(0, ...perTenant.map((t) => t.length))
      const interleaved = Array.from({ length: longest }, (_, i) => perTenant.flatMap((t) => t[i] ?? []))
      await pooled(interleaved.flat(), concurrency)
      return counts
    },
  }
}

/** Plans and writes the history at once (see `planHistory`). */
export const seedHistory = async (deps: AppDeps, options: HistoryOptions = {}) => {
  const plan = await planHistory(deps, options)
  return { seeded: plan.seeded, kept: plan.kept, ...(await plan.write()) }
}
