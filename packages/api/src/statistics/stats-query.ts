import { type WaitThreshold, waitThresholdsMinutes } from '@mpp/core/rollup'
import { type Ranking, rankings } from '@mpp/core/stats-summary'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'
import { monthRangeOf } from './month-range'

/** A statistics request: whole months, the wait that counts as on time (15 minutes), the ranking (the IKM). */
export const statsQueryOf = (query: Record<string, string | undefined>, now: Date) => {
  const range = monthRangeOf({ from: query.from, to: query.to }, now)
  const wait = Number(query.wait ?? 15)
  if (!(waitThresholdsMinutes as readonly number[]).includes(wait)) {
    throw new ApiError(400, 'invalid_request', [{ path: 'wait', word: 'chooseOption' } satisfies RuleIssue])
  }
  const rankBy = (query.rank ?? 'ikm') as Ranking
  if (!rankings.includes(rankBy)) {
    throw new ApiError(400, 'invalid_request', [{ path: 'rank', word: 'chooseOption' } satisfies RuleIssue])
  }
  return { range, waitMinutes: wait as WaitThreshold, rankBy }
}

/** The query string that asks for the same statistics again (for links and the CSV). */
export const statsQueryString = (q: ReturnType<typeof statsQueryOf>) =>
  new URLSearchParams({
    from: q.range.from,
    to: q.range.to,
    wait: String(q.waitMinutes),
    rank: q.rankBy,
  }).toString()
