import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  title: string
  body: string
}

/** A friendly page for 4xx and 5xx answers; shows the request id so support can find the log line. */
export const ErrorPage = ({ ctx, title, body }: Props) => (
  <Layout ctx={ctx} title={title}>
    <h1>{title}</h1>
    <p>{body}</p>
    <p class="muted">
      {ctx.m.errorPages.requestId}: <code>{ctx.requestId}</code>
    </p>
    <p>
      <a href="/">{ctx.m.common.backHome}</a>
    </p>
  </Layout>
)
