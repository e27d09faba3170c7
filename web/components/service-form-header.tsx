import type { Agency, Service } from '@mpp/core/catalog'
import type { Messages } from '../i18n/messages'

interface Props {
  m: Messages
  title: string
  service: Service
  agency: Agency | undefined
  /** Where "choose another service" leads. */
  backHref: string
  backLabel: string
}

/** The top of a page that acts on one service (take a ticket, book a slot): the way back and what it is for. */
export const ServiceFormHeader = ({ m, title, service, agency, backHref, backLabel }: Props) => (
  <>
    <p>
      <a href={backHref}>{backLabel}</a>
    </p>
    <h1>{title}</h1>
    <p class="lead">{service.name}</p>
    {agency && (
      <p class="muted">
        {m.servicePage.providedBy}: {agency.name}
      </p>
    )}
  </>
)
