import { surveyInput } from '@mpp/core/satisfaction'
import type { Tenant } from '@mpp/core/tenant'
import { ticketKeyOf } from '@mpp/core/ticket'
import { getService } from '@mpp/db/catalog-repository'
import { KioskSurvey, KioskSurveyStart, KioskSurveyThanks } from '@mpp/web/views/kiosk-survey'
import { MessagePage } from '@mpp/web/views/message-view'
import { SurveyPage } from '@mpp/web/views/survey-view'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { type QueueContext, todayOf } from '../queue/queue-context'
import { normaliseSurveyCode } from '../queue/secret-link'
import { ticketLink } from '../routes/ticket-api'
import { type SurveyProof, submitSurvey, surveyState, ticketForSurvey } from '../survey/submit-survey'
import { readSurveyForm } from '../survey/survey-form'
import { kioskScreen } from './kiosk-pages'
import { pageContext } from './page-context'
import { formString } from './take-ticket-pages'

/** "A-012", "a12", "A 12" -> the queue letter(s) and the number. */
const parseLabel = (typed: string) => {
  const match = /^([A-Za-z]{1,2})\s*-?\s*0*(\d{1,5})$/.exec(typed.trim())
  return match ? { prefix: (match[1] as string).toUpperCase(), number: Number(match[2]) } : undefined
}

/** The kiosk's survey of a ticket, proven by the survey code printed on it. */
const kioskSurveyLink = (key: string, code: string) =>
  `/kios/survei/${encodeURIComponent(key)}/${encodeURIComponent(code)}`

/**
 * The satisfaction survey: on the citizen's phone from the ticket's link (`/tiket/{key}/{secret}/survei`), and
 * on the kiosk at the exit by the number and the survey code on today's ticket (`/kios/survei`). One response
 * per ticket.
 */
export const surveyPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()
  const { deps } = queue

  /** The form, the thanks, or why it is not open yet, for a ticket whose proof holds. */
  const answer = async (
    c: Context<AppEnv>,
    tenant: Tenant,
    key: string,
    proof: SurveyProof,
    show: (
      ticket: { label: string; service: string },
      refused?: { values: Record<string, string>; missing: string[] },
    ) => Response | Promise<Response>,
    thanks: () => Response | Promise<Response>,
  ) => {
    const ticket = await ticketForSurvey(deps, tenant, key, proof)
    const service = await getService(deps.db, tenant.id, ticket.serviceId)
    const about = { label: ticket.label, service: service?.name ?? ticket.serviceId }
    if (c.req.method === 'GET') {
      const state = await surveyState(deps, tenant, ticket)
      if (state === 'answered') return thanks()
      if (state === 'not_completed') throw new ApiError(409, 'survey_not_open')
      return show(about)
    }
    const { values, missing, input } = readSurveyForm(await c.req.parseBody())
    const parsed = surveyInput.safeParse(input)
    if (missing.length > 0 || !parsed.success) return show(about, { values, missing })
    await countPublicWrite(deps, c, 'survey')
    try {
      await submitSurvey(deps, tenant, key, proof, parsed.data)
    } catch (error) {
      // A second press of the button, or a retry after a lost answer: the response is already in.
      if (!(error instanceof ApiError && error.code === 'survey_already_answered')) throw error
    }
    return null
  }

  const phone = async (c: Context<AppEnv>) => {
    const tenant = tenantOf(c.var.site)
    const { key, secret } = c.req.param() as { key: string; secret: string }
    const self = `${ticketLink(encodeURIComponent(key), encodeURIComponent(secret))}/survei`
    c.header('Cache-Control', 'no-store')
    c.header('X-Robots-Tag', 'noindex')
    const t = c.var.m.survey
    const done = await answer(
      c,
      tenant,
      key,
      { secret },
      (ticket, refused) =>
        c.html(
          <SurveyPage
            ctx={pageContext(c, deps.config)}
            ticket={ticket}
            action={self}
            values={refused?.values}
            missing={refused?.missing}
          />,
          refused ? 400 : 200,
        ),
      () =>
        c.html(
          <MessagePage ctx={pageContext(c, deps.config)} title={t.thanksTitle} text={t.thanks}>
            <p>
              <a href={ticketLink(encodeURIComponent(key), encodeURIComponent(secret))}>
                {c.var.m.ticketPage.heading}
              </a>
            </p>
          </MessagePage>,
        ),
    )
    return done ?? c.redirect(self, 303)
  }
  pages.get('/tiket/:key/:secret/survei', requireSite('tenant'), phone)
  pages.post('/tiket/:key/:secret/survei', requireSite('tenant'), phone)

  pages.use('/kios/survei', ...kioskScreen)
  pages.use('/kios/survei/*', ...kioskScreen)
  pages.get('/kios/survei', (c) => c.html(<KioskSurveyStart ctx={pageContext(c, deps.config)} />))

  pages.post('/kios/survei', async (c) => {
    const tenant = tenantOf(c.var.site)
    const form = await c.req.parseBody()
    const typed = { number: formString(form.nomor), code: formString(form.kode) }
    const m = c.var.m
    const again = (status: 400 | 403 | 404 | 409 | 429, error: string, field: 'number' | 'code') =>
      c.html(
        <KioskSurveyStart ctx={pageContext(c, deps.config)} {...typed} error={{ field, text: error }} />,
        status,
      )
    const label = parseLabel(typed.number)
    if (!label) return again(400, m.survey.kioskNotFound, 'number')
    const code = normaliseSurveyCode(typed.code)
    if (!code) return again(400, m.survey.kioskCodeInvalid, 'code')
    const config = await queue.config.get(tenant.id)
    const issuing = config.queues.find((q) => q.prefix === label.prefix)
    if (!issuing) return again(404, m.survey.kioskNotFound, 'number')
    const key = ticketKeyOf(todayOf(tenant, deps.now()), issuing.id, label.number)
    try {
      const ticket = await ticketForSurvey(deps, tenant, key, { kioskCode: code })
      const state = await surveyState(deps, tenant, ticket)
      if (state === 'not_completed') return again(409, m.errors.survey_not_open, 'number')
      if (state === 'answered') return again(409, m.errors.survey_already_answered, 'number')
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.code === 'ticket_not_found') return again(404, m.survey.kioskNotFound, 'number')
      if (error.code === 'survey_code_wrong') return again(403, m.errors.survey_code_wrong, 'code')
      if (error.code === 'survey_code_locked') return again(429, m.errors.survey_code_locked, 'code')
      throw error
    }
    return c.redirect(kioskSurveyLink(key, code), 303)
  })

  const kiosk = async (c: Context<AppEnv>) => {
    const tenant = tenantOf(c.var.site)
    const { key, code } = c.req.param() as { key: string; code: string }
    const self = kioskSurveyLink(key, code)
    const done = await answer(
      c,
      tenant,
      key,
      { kioskCode: code },
      (ticket, refused) =>
        c.html(
          <KioskSurvey
            ctx={pageContext(c, deps.config)}
            ticket={ticket}
            action={self}
            values={refused?.values}
            missing={refused?.missing}
          />,
          refused ? 400 : 200,
        ),
      () => c.html(<KioskSurveyThanks ctx={pageContext(c, deps.config)} />),
    )
    return done ?? c.redirect(self, 303)
  }
  pages.get('/kios/survei/:key/:code', kiosk)
  pages.post('/kios/survei/:key/:code', kiosk)

  return pages
}
