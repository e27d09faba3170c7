import { Layout } from '../components/layout'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'
import type { TenantLink } from './platform-home'

interface Props {
  ctx: PageContext
  tenants: TenantLink[]
}

/** The ministry's console: every tenant on the platform. */
export const MinistryHome = ({ ctx, tenants }: Props) => {
  const { m } = ctx
  const t = m.ministryHome
  return (
    <Layout ctx={ctx} title={t.title}>
      <MinistryNav m={m} />
      <h1>{t.title}</h1>
      <h2>{t.tenants}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.province}</th>
              <th scope="col">{t.stage}</th>
              <th scope="col">{t.site}</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr>
                <td>
                  <a href={`/kementerian/tenant/${tenant.id}`}>{tenant.name}</a>
                </td>
                <td>{tenant.provinceName}</td>
                <td>{m.stages[tenant.stage]}</td>
                <td>
                  <a href={tenant.url}>{new URL(tenant.url).host}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  )
}
