import type { Tenant } from '@mpp/core/tenant'
import { Layout } from '../components/layout'
import { formatDay } from '../components/local-time'
import { type AuditLine, AuditTable, MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  tenant: Tenant
  siteUrl: string
  audit: AuditLine[]
  saved?: boolean
  refusal?: { form: string; message: string; values: Record<string, string> }
}

/** A tenant's record for the ministry: its stage, what can be decided from it, and its history. */
export const MinistryTenantPage = ({ ctx, tenant, siteUrl, audit, saved, refusal }: Props) => {
  const t = ctx.m.ministryConsole
  const action = `/kementerian/tenant/${tenant.id}/keputusan`
  const typed = (form: string, name: string) => (refusal?.form === form ? (refusal.values[name] ?? '') : '')
  const Alert = ({ form }: { form: string }) =>
    refusal?.form === form ? (
      <p class="alert" role="alert">
        {refusal.message}
      </p>
    ) : null
  return (
    <Layout ctx={ctx} title={tenant.name}>
      <MinistryNav m={ctx.m} current="home" within />
      <h1>{tenant.name}</h1>
      {saved && (
        <p class="notice" role="status">
          {t.decided}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t.stage}</dt>
          <dd>{ctx.m.stages[tenant.stage]}</dd>
        </div>
        <div>
          <dt>{t.site}</dt>
          <dd>
            <a href={siteUrl}>{new URL(siteUrl).host}</a>
          </dd>
        </div>
        {tenant.inauguratedOn && (
          <div>
            <dt>{t.inauguratedOn}</dt>
            <dd>{formatDay(tenant.inauguratedOn, ctx.lang)}</dd>
          </div>
        )}
        {tenant.suspendedReason && (
          <div>
            <dt>{t.suspendedReason}</dt>
            <dd>{tenant.suspendedReason}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="decide">
        <h2 id="decide">{t.decide}</h2>
        <div class="grid-2">
          {tenant.stage === 'trial' && (
            <form method="post" action={action} class="form decision-form">
              <input type="hidden" name="action" value="inaugurate" />
              <Alert form="inaugurate" />
              <label for="date">{t.inaugurateDate}</label>
              <input id="date" name="date" type="date" value={typed('inaugurate', 'date')} required />
              <button type="submit" class="button">
                {t.inaugurate}
              </button>
            </form>
          )}
          {(tenant.stage === 'trial' || tenant.stage === 'live') && (
            <form method="post" action={action} class="form decision-form">
              <input type="hidden" name="action" value="suspend" />
              <Alert form="suspend" />
              <label for="reason">{t.suspendReason}</label>
              <textarea id="reason" name="reason" rows={2} required>
                {typed('suspend', 'reason')}
              </textarea>
              <button type="submit" class="button button--secondary">
                {t.suspend}
              </button>
            </form>
          )}
          {tenant.stage === 'suspended' && (
            <>
              <form method="post" action={action} class="form decision-form">
                <input type="hidden" name="action" value="reactivate" />
                <Alert form="reactivate" />
                <button type="submit" class="button">
                  {t.reactivate}
                </button>
              </form>
              <form method="post" action={action} class="form decision-form">
                <input type="hidden" name="action" value="close" />
                <Alert form="close" />
                <label for="close-note">{t.closeNote}</label>
                <textarea id="close-note" name="note" rows={2}>
                  {typed('close', 'note')}
                </textarea>
                <button type="submit" class="button button--secondary">
                  {t.close}
                </button>
              </form>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="audit">
        <h2 id="audit">{t.audit}</h2>
        <AuditTable m={ctx.m} lang={ctx.lang} entries={audit} />
      </section>
    </Layout>
  )
}
