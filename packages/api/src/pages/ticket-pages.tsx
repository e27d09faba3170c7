import { TicketPage } from '@mpp/web/views/ticket-view'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { liveAccess } from '../live/live-access'
import { requireSite, tenantOf } from '../middleware/require-site'
import type { QueueContext } from '../queue/queue-context'
import { surveyCodeOf } from '../queue/secret-link'
import { ticketView } from '../queue/ticket-view'
import { ticketLink } from '../routes/ticket-api'
import { surveyState } from '../survey/submit-survey'
import { pageContext } from './page-context'

/**
 * The citizen's ticket page, `GET /tiket/{key}/{secret}` on a tenant's host: whoever has the link follows the
 * ticket, no login. A wrong secret is a 404, exactly like a ticket that does not exist.
 */
export const ticketPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()

  pages.get('/tiket/:key/:secret', requireSite('tenant'), async (c) => {
    const key = c.req.param('key')
    const secret = c.req.param('secret')
    const tenant = tenantOf(c.var.site)
    const ticket = await ticketView(queue, tenant, key, secret)
    const self = ticketLink(encodeURIComponent(key), encodeURIComponent(secret))
    const survey = await surveyState(queue.deps, tenant, ticket)
    c.header('Cache-Control', 'no-store')
    // The address is the ticket's key: keep it out of search engines.
    c.header('X-Robots-Tag', 'noindex')
    return c.html(
      <TicketPage
        ctx={pageContext(c, queue.deps.config)}
        ticket={ticket}
        apiUrl={`/api${self.replace(/^\/tiket/, '/tickets')}`}
        selfUrl={self}
        survey={survey === 'answered' ? 'answered' : { url: `${self}/survei`, open: survey === 'open' }}
        surveyCode={surveyCodeOf(secret)}
        timeZone={tenant.timeZone}
        // ticketView checked the secret: this link's holder may follow the ticket.
        live={liveAccess(c, queue.deps, tenant, { topics: [`ticket:${ticket.key}`] })}
      />,
    )
  })

  return pages
}
