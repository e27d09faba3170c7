import { Layout } from '../components/layout'
import { formatDay, formatPeriod } from '../components/local-time'
import type { PageContext } from '../components/page-context'
import { decimals } from '../components/stats-format'
import {
  ElementsTable,
  ProfileTables,
  type SatisfactionReportData,
  ScopeTable,
} from './satisfaction-report-view'

/** Who files the report: the letterhead's identity and the place of the signature. */
export interface ReportIssuer {
  name: string
  regencyName: string
  address: string
  phone?: string
  email?: string
  logoUrl: string
}

interface Props {
  ctx: PageContext
  issuer: ReportIssuer
  /** The day it is printed, in the MPP's own calendar. */
  printedOn: string
  report: SatisfactionReportData
}

/** The MPP's letterhead (kop surat): logo, name, address and contacts over a double rule. */
const Letterhead = ({ issuer }: { issuer: ReportIssuer }) => (
  <header class="letterhead">
    <img src={issuer.logoUrl} alt="" width="72" height="72" />
    <div>
      <p class="letterhead-name">{issuer.name}</p>
      <p>{issuer.address}</p>
      {(issuer.phone || issuer.email) && <p>{[issuer.phone, issuer.email].filter(Boolean).join(' · ')}</p>}
    </div>
  </header>
)

/**
 * The satisfaction report laid out like the annual SKM report a unit files: method, results per element, the
 * index and its grade, per service, the respondents, the weakest elements with room for the follow-up plan,
 * and the citizens' comments. Print it from the browser (A4).
 */
export const SatisfactionPrintPage = ({ ctx, issuer, printedOn, report }: Props) => {
  const { m, lang } = ctx
  const t = m.satisfaction
  const d2 = decimals(lang)
  const { overall } = report
  const title = t.printTitle(issuer.name)
  // The place of signing is the regency's name without its kind: "Lubuklinggau", not "Kota Lubuklinggau".
  const place = issuer.regencyName.replace(/^(Kota|Kabupaten)\s+/, '')
  return (
    <Layout ctx={ctx} title={title} styles={['report.css']} bare>
      <div class="print-report">
        <Letterhead issuer={issuer} />
        <h1>{title}</h1>
        <p class="lead">{t.period(formatPeriod(report.period.from, report.period.to, lang))}</p>

        <h2>1. {t.method}</h2>
        <p>{t.methodText}</p>

        <h2>2. {t.ikm}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t.respondents}</th>
              <td>{overall.respondents}</td>
            </tr>
            <tr>
              <th scope="row">{t.served}</th>
              <td>{overall.served}</td>
            </tr>
            <tr>
              <th scope="row">{t.minimumSample}</th>
              <td>
                {overall.minimumSample}
                {overall.served > 0 &&
                  (overall.sampleReached
                    ? ` (${t.sampleReached})`
                    : ` (${t.sampleShort(overall.minimumSample - overall.respondents)})`)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t.ikm}</th>
              <td>
                <strong>{d2(overall.index?.ikm)}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">{t.grade}</th>
              <td>
                <strong>{overall.index ? t.grades[overall.index.grade] : t.noData}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        <h3 id="elements-heading">{t.elementsChart}</h3>
        <ElementsTable ctx={ctx} index={overall.index} />

        <h2>3. {t.byService}</h2>
        <ScopeTable
          ctx={ctx}
          id="print-agency"
          caption={t.byAgency}
          nameHeader={t.agency}
          rows={report.agencies}
        />
        <ScopeTable
          ctx={ctx}
          id="print-service"
          caption={t.byService}
          nameHeader={t.service}
          rows={report.services}
        />
        <ScopeTable ctx={ctx} id="print-month" caption={t.trend} nameHeader={t.month} rows={report.months} />

        <h2>4. {t.profile}</h2>
        <ProfileTables ctx={ctx} profile={report.profile} />

        <h2>5. {t.weakest}</h2>
        <ol>
          {report.weakest.map((e) => (
            <li>
              {e} {(m.survey.elements[e] as { name: string }).name}: {d2(overall.index?.nrr[e])}
            </li>
          ))}
        </ol>
        <h3>{t.followUp}</h3>
        <p class="muted">{t.followUpHint}</p>
        <div class="write-in" />

        <h2>6. {t.comments}</h2>
        {report.comments.length === 0 ? (
          <p>{t.noComments}</p>
        ) : (
          <ul>
            {report.comments.map((c) => (
              <li>
                {c.comment} <span class="muted">({c.service})</span>
              </li>
            ))}
          </ul>
        )}

        <section class="signature" aria-label={t.signatureLabel}>
          <p>
            {place}, {formatDay(printedOn, lang)}
          </p>
          <p>{t.signatory(issuer.name)}</p>
          <div class="signature-space" />
          <p class="signature-name">{t.signatureName}</p>
          <p>{t.signatureId}</p>
        </section>
      </div>
    </Layout>
  )
}
