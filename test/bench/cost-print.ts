import type { benchCost } from './cost-bench'
import { regencies, workingDaysPerMonth } from './cost-model'
import { mppDay } from './mpp-day'
import { pricesApSoutheast3 } from './prices-ap-southeast-3'
import { round } from './stats'

/** The cost model's tables: what one simulated MPP-day counted, and its price per MPP-month and nationally. */
export const printCost = (cost: Awaited<ReturnType<typeof benchCost>>) => {
  const { designs } = cost
  const columns = (pick: (d: (typeof designs)[number]) => Record<string, number>) =>
    Object.keys(pick(designs[0] as (typeof designs)[number])).map((line) => ({
      line,
      ...Object.fromEntries(designs.map((d) => [d.design, pick(d)[line]])),
    }))
  console.log(
    `\nOne MPP-day (${mppDay.tickets} tickets over ${mppDay.openMinutes / 60} h, ${mppDay.boards} boards, ${mppDay.counters.length} counters, ${mppDay.followingShare * 100}% of citizens following their ticket), counted:`,
  )
  for (const d of designs)
    console.table(
      d.rows.map((r) => ({
        [d.design]: r.kind,
        count: round(r.count, 0),
        'Lambda ms': round(r.lambdaMs, 0),
        RCU: round(r.read, 0),
        WCU: round(r.write, 0),
      })),
    )
  console.table(columns((d) => d.perDay))
  for (const d of designs)
    if (Object.keys(d.webSocket.messagesBy).length > 0)
      console.table(
        Object.entries(d.webSocket.messagesBy)
          .sort(([, a], [, b]) => b - a)
          .map(([kind, messages]) => ({ [`${d.design}: WebSocket messages`]: kind, 'per day': messages })),
      )
  console.log(
    `Usage-driven AWS cost per MPP-month (${workingDaysPerMonth} working days; prices ${pricesApSoutheast3.region} as of ${pricesApSoutheast3.date}, test/bench/prices-ap-southeast-3.ts), US$:`,
  )
  console.table([
    ...columns((d) => d.lines),
    { line: 'total per MPP-month', ...Object.fromEntries(designs.map((d) => [d.design, d.total])) },
    {
      line: `total for ${regencies} MPPs`,
      ...Object.fromEntries(designs.map((d) => [d.design, round(d.total * regencies, 0)])),
    },
  ])
  const fixed = Object.entries(pricesApSoutheast3.fixedPerMonth)
  console.log(
    `Fixed, for the whole platform whatever the traffic: ${fixed.map(([what, usd]) => `${what} $${usd}`).join(', ')} per month.`,
  )
}
