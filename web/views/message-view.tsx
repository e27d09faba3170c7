import type { Child } from 'hono/jsx'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

/** A page that tells one thing (sent, confirmed, done), with an optional form or link below. */
export const MessagePage = ({
  ctx,
  title,
  text,
  children,
}: {
  ctx: PageContext
  title: string
  text: string
  children?: Child
}) => (
  <Layout ctx={ctx} title={title}>
    <h1>{title}</h1>
    <p class="lead">{text}</p>
    {children}
  </Layout>
)
