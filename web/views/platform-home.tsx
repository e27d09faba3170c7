import type { TenantStage } from '@mpp/core/tenant'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

export interface TenantLink {
  id: string
  name: string
  provinceName: string
  stage: TenantStage
  url: string
}

interface Props {
  ctx: PageContext
  tenants: TenantLink[]
  totalRegencies: number
}

/** The platform's front door: what MPP Cloud is and which MPPs run on it. */
export const PlatformHome = ({ ctx, tenants, totalRegencies }: Props) => {
  const { m } = ctx
  return (
    <Layout ctx={ctx} title={m.platformHome.title} description={m.platformHome.lead}>
      <section class="hero">
        <h1>{m.platformHome.title}</h1>
        <p class="lead">{m.platformHome.lead}</p>
      </section>
      <section aria-labelledby="tenants">
        <h2 id="tenants">{m.platformHome.tenants}</h2>
        <p class="muted">{m.platformHome.coverage(tenants.length, totalRegencies)}</p>
        {tenants.length === 0 ? (
          <p>{m.platformHome.none}</p>
        ) : (
          <ul class="card-list">
            {tenants.map((t) => (
              <li>
                <a href={t.url}>{t.name}</a>
                <span class="muted">
                  {t.provinceName} · {m.stages[t.stage]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="button-row">
        <a class="button" href="/daftar">
          {m.platformHome.join}
        </a>
        <a class="button button--secondary" href="/masuk">
          {m.platformHome.ministryLogin}
        </a>
      </p>
    </Layout>
  )
}
