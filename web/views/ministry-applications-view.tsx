import type { Application } from '@mpp/core/application'
import type { ApplicationStatus } from '@mpp/core/tenant-lifecycle'
import { Layout } from '../components/layout'
import { formatInstant } from '../components/local-time'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'

const statuses: ApplicationStatus[] = ['verified', 'revision_requested', 'applied', 'approved', 'rejected']

/** Applications of one status, newest first, with a search. */
export const MinistryApplicationsPage = ({
  ctx,
  status,
  q,
  applications,
}: {
  ctx: PageContext
  status: ApplicationStatus
  q: string
  applications: Application[]
}) => {
  const t = ctx.m.ministryConsole
  return (
    <Layout ctx={ctx} title={t.applications}>
      <MinistryNav m={ctx.m} current="applications" />
      <h1>{t.applications}</h1>
      <ul class="tabs">
        {statuses.map((s) => (
          <li>
            <a href={`/kementerian/permohonan?status=${s}`} aria-current={s === status ? 'page' : undefined}>
              {t.statuses[s]}
            </a>
          </li>
        ))}
      </ul>
      <search>
        <form method="get" action="/kementerian/permohonan" class="inline-form search-row">
          <input type="hidden" name="status" value={status} />
          <label for="q" class="visually-hidden">
            {t.search}
          </label>
          <input id="q" name="q" type="search" value={q} placeholder={t.search} />
          <button type="submit" class="button">
            {t.searchButton}
          </button>
        </form>
      </search>
      {applications.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t.statuses[status]}</caption>
            <thead>
              <tr>
                <th scope="col">{t.regency}</th>
                <th scope="col">{t.applicant}</th>
                <th scope="col">{t.subdomain}</th>
                <th scope="col">{t.filed}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr>
                  <td>
                    <a href={`/kementerian/permohonan/${a.id}`}>{a.regencyName}</a>
                    <br />
                    <span class="muted small">{a.provinceName}</span>
                  </td>
                  <td>{a.applicant.name}</td>
                  <td>{a.subdomain}</td>
                  <td>{formatInstant(a.createdAt, 'Asia/Jakarta', ctx.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}
