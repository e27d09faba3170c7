import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'
import { SurveyForm, type SurveyValues } from '../components/survey-form'

interface Props {
  ctx: PageContext
  ticket: { label: string; service: string }
  action: string
  values?: SurveyValues
  missing?: string[]
}

/** The satisfaction survey on the citizen's phone, from the ticket page once the service is completed. */
export const SurveyPage = ({ ctx, ticket, action, values, missing }: Props) => {
  const t = ctx.m.survey
  return (
    <Layout ctx={ctx} title={t.title} styles={['citizen-queue.css']}>
      <h1>{t.heading}</h1>
      <p class="lead">{t.forTicket(ticket.label, ticket.service)}</p>
      <p>{t.lead}</p>
      <SurveyForm m={ctx.m} action={action} values={values} missing={missing} />
    </Layout>
  )
}
