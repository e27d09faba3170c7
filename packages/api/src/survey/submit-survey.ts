import { surveyCounters } from '@mpp/core/rollup'
import { type SurveyInput, type SurveyResponse, surveyElements } from '@mpp/core/satisfaction'
import type { Tenant } from '@mpp/core/tenant'
import { parseTicketKey, type Ticket, ticketKey as ticketKeySchema } from '@mpp/core/ticket'
import { rollupWrites } from '@mpp/db/rollup-repository'
import {
  getSurveyResponse,
  giveBackSurveyCodeTry,
  saveSurveyResponse,
  takeSurveyCodeTry,
} from '@mpp/db/survey-repository'
import { getTicket } from '@mpp/db/ticket-repository'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { todayOf } from '../queue/queue-context'
import { normaliseSurveyCode, sameSecret, surveyCodeOf } from '../queue/secret-link'

/**
 * Who may rate a ticket: whoever holds its secret link (a phone, or the printed QR), or the exit kiosk with
 * the survey code printed on today's ticket. Never the number alone: staff could rate their own work.
 */
export type SurveyProof = { secret: string } | { kioskCode: string }

/** Tries are remembered past the ticket's day: by then the kiosk no longer takes it anyway. */
const surveyCodeTriesSeconds = 2 * 24 * 3600

/** The right survey code of the ticket, within its few tries (see `takeSurveyCodeTry`), or a refusal. */
const checkSurveyCode = async (deps: AppDeps, tenant: Tenant, ticket: Ticket, typed: string) => {
  // A malformed code can never match: refuse it without using a try.
  const code = normaliseSurveyCode(typed)
  if (!code) throw new ApiError(403, 'survey_code_wrong')
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + surveyCodeTriesSeconds
  if (!(await takeSurveyCodeTry(deps.db, tenant.id, ticket.key, expiresAt)))
    throw new ApiError(429, 'survey_code_locked')
  if (!sameSecret(surveyCodeOf(ticket.secret), code)) throw new ApiError(403, 'survey_code_wrong')
  await giveBackSurveyCodeTry(deps.db, tenant.id, ticket.key)
}

/** The ticket a survey is for, once the proof holds; a wrong secret looks exactly like a missing ticket. */
export const ticketForSurvey = async (deps: AppDeps, tenant: Tenant, key: string, proof: SurveyProof) => {
  if (!ticketKeySchema.safeParse(key).success) throw new ApiError(404, 'ticket_not_found')
  // The kiosk takes only today's tickets (the tenant's business day).
  if ('kioskCode' in proof && parseTicketKey(key).day !== todayOf(tenant, deps.now()))
    throw new ApiError(404, 'ticket_not_found')
  const ticket = await getTicket(deps.db, tenant.id, key)
  if (!ticket || ('secret' in proof && !sameSecret(ticket.secret, proof.secret))) {
    throw new ApiError(404, 'ticket_not_found')
  }
  if ('kioskCode' in proof) await checkSurveyCode(deps, tenant, ticket, proof.kioskCode)
  return ticket
}

/** Whether the ticket can be rated now, or why not (not yet served, already rated). */
export const surveyState = async (deps: AppDeps, tenant: Tenant, ticket: { key: string; status: string }) => {
  if (ticket.status !== 'completed') return 'not_completed' as const
  return (await getSurveyResponse(deps.db, tenant.id, ticket.key)) ? ('answered' as const) : ('open' as const)
}

/**
 * Records a citizen's response to the satisfaction survey for a completed ticket, once, and adds it to the
 * roll-ups of the ticket's day (with its service and queue) in the same transaction.
 */
export const submitSurvey = async (
  deps: AppDeps,
  tenant: Tenant,
  key: string,
  proof: SurveyProof,
  input: SurveyInput,
): Promise<SurveyResponse> => {
  const ticket = await ticketForSurvey(deps, tenant, key, proof)
  if (ticket.status !== 'completed') throw new ApiError(409, 'survey_not_open', { status: ticket.status })
  const comment = input.comment?.trim()
  const profile = Object.fromEntries(Object.entries(input.profile ?? {}).filter(([, v]) => v))
  const response: SurveyResponse = {
    answers: Object.fromEntries(surveyElements.map((e) => [e, input.answers[e]])) as SurveyInput['answers'],
    ...(Object.keys(profile).length ? { profile } : {}),
    ...(comment ? { comment } : {}),
    ticketKey: ticket.key,
    day: ticket.day,
    serviceId: ticket.serviceId,
    queueId: ticket.queueId,
    via: 'kioskCode' in proof ? 'kiosk' : 'phone',
    at: deps.now().toISOString(),
  }
  const counters = surveyCounters(response.answers)
  const saved = await saveSurveyResponse(deps.db, tenant.id, response, [
    ...rollupWrites(
      deps.db,
      tenant.id,
      ticket.day,
      counters,
      { svc: { [ticket.serviceId]: counters }, q: { [ticket.queueId]: counters } },
      profile,
    ),
  ])
  if (!saved) throw new ApiError(409, 'survey_already_answered')
  return response
}
