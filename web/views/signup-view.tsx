import type { Regency } from '@mpp/core/regions'
import { describedBy, ErrorSummary, FieldError, type FieldIssue, issueAt } from '../components/form-errors'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

/** What the form shows: what was typed (kept when it comes back refused) or the application being revised. */
export interface SignupValues {
  regency: string
  subdomain: string
  name: string
  position: string
  email: string
  phone: string
  plannedAgencies: string
  plannedServices: string
  urgencyStudy: string
  commitment: boolean
}

export const emptySignup: SignupValues = {
  regency: '',
  subdomain: '',
  name: '',
  position: '',
  email: '',
  phone: '',
  plannedAgencies: '',
  plannedServices: '',
  urgencyStudy: '',
  commitment: false,
}

/** The option text of a regency in the list; its code in brackets is what the server reads back. */
export const regencyOption = (r: Pick<Regency, 'code' | 'name' | 'provinceName'>) =>
  `${r.name}, ${r.provinceName} (${r.code})`

interface Props {
  ctx: PageContext
  rootDomain: string
  regencies: readonly Regency[]
  values: SignupValues
  /** The refusal to show above the form, and the fields it concerns. */
  alert?: string
  fieldErrors?: FieldIssue[]
  /** Revising: the form posts back to the revision link, the regency is fixed, the ministry's note is shown. */
  revision?: { action: string; note?: string }
}

/** The application form of a regency joining the platform, plain HTML; signup.js checks the subdomain live. */
export const SignupPage = ({
  ctx,
  rootDomain,
  regencies,
  values,
  alert,
  fieldErrors = [],
  revision,
}: Props) => {
  const t = ctx.m.signup
  /** Each field's control id, its label and its path in the application (the schema's names). */
  const fields = [
    { id: 'regency', label: t.regency, path: 'regency' },
    { id: 'subdomain', label: t.subdomain, path: 'subdomain' },
    { id: 'name', label: t.name, path: 'applicant.name' },
    { id: 'position', label: t.position, path: 'applicant.position' },
    { id: 'email', label: t.email, path: 'applicant.email' },
    { id: 'phone', label: t.phone, path: 'applicant.phone' },
    { id: 'plannedAgencies', label: t.plannedAgencies, path: 'plannedAgencies' },
    { id: 'plannedServices', label: t.plannedServices, path: 'plannedServices' },
    { id: 'urgencyStudy', label: t.urgencyStudy, path: 'urgencyStudy' },
    { id: 'commitment', label: t.commitmentShort, path: 'commitment' },
  ] as const
  type FieldId = (typeof fields)[number]['id']
  const pathOf = (id: FieldId) => fields.find((f) => f.id === id)?.path ?? id
  const errorOf = (id: FieldId) => issueAt(fieldErrors, pathOf(id))
  /** The control's state: invalid and described by its hint and its message when refused. */
  const aria = (id: FieldId, ...more: (string | false | undefined)[]) => ({
    'aria-describedby': describedBy(...more, errorOf(id) !== undefined && `${id}-error`),
    'aria-invalid': errorOf(id) !== undefined ? ('true' as const) : undefined,
  })
  const Message = ({ id }: { id: FieldId }) => <FieldError id={id} message={errorOf(id)} />
  const summary = fields.flatMap((f) => {
    const message = errorOf(f.id)
    return message ? [{ href: `#${f.id}`, label: f.label, message }] : []
  })
  const title = revision ? t.reviseTitle : t.title
  return (
    <Layout ctx={ctx} title={title} scripts={['signup.js']}>
      <h1>{title}</h1>
      {!revision && <p class="lead">{t.lead}</p>}
      {revision?.note && (
        <div class="notice">
          <strong>{t.reviseNote}:</strong> {revision.note}
        </div>
      )}
      {alert && <ErrorSummary id="signup-error" alert={alert} title={t.fieldErrors} items={summary} />}
      <form method="post" action={revision?.action ?? '/daftar'} class="form wide-form" novalidate>
        <fieldset>
          <legend>{t.regencySection}</legend>
          <label for="regency">{t.regency}</label>
          <input
            id="regency"
            name="regency"
            list="regency-list"
            value={values.regency}
            required
            readonly={revision !== undefined}
            autocomplete="off"
            {...aria('regency', 'regency-hint')}
          />
          <p class="muted small" id="regency-hint">
            {t.regencyHint}
          </p>
          <Message id="regency" />
          <datalist id="regency-list">
            {regencies.map((r) => (
              <option value={regencyOption(r)} />
            ))}
          </datalist>

          <label for="subdomain">{t.subdomain}</label>
          <input
            id="subdomain"
            name="subdomain"
            value={values.subdomain}
            required
            autocomplete="off"
            spellcheck={false}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            minlength={3}
            maxlength={40}
            data-check-url="/api/subdomains/"
            data-available={t.subdomainAvailable}
            data-taken={t.subdomainTaken}
            data-reserved={t.subdomainReserved}
            data-invalid={t.subdomainInvalid}
            {...aria('subdomain', 'subdomain-hint', 'subdomain-status')}
          />
          <p class="muted small" id="subdomain-hint">
            {t.subdomainHint(rootDomain)}
          </p>
          <p class="small" id="subdomain-status" role="status" aria-live="polite" />
          <Message id="subdomain" />
        </fieldset>

        <fieldset>
          <legend>{t.applicantSection}</legend>
          {(
            [
              ['name', t.name, 'name', 'text'],
              ['position', t.position, 'organization-title', 'text'],
              ['email', t.email, 'email', 'email'],
              ['phone', t.phone, 'tel', 'tel'],
            ] as const
          ).map(([name, label, autocomplete, type]) => (
            <>
              <label for={name}>{label}</label>
              <input
                id={name}
                name={name}
                type={type}
                value={values[name]}
                autocomplete={autocomplete}
                required
                {...aria(name)}
              />
              <Message id={name} />
            </>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t.planSection}</legend>
          <label for="plannedAgencies">{t.plannedAgencies}</label>
          <textarea
            id="plannedAgencies"
            name="plannedAgencies"
            rows={5}
            required
            {...aria('plannedAgencies', 'plannedAgencies-hint')}
          >
            {values.plannedAgencies}
          </textarea>
          <p class="muted small" id="plannedAgencies-hint">
            {t.plannedAgenciesHint}
          </p>
          <Message id="plannedAgencies" />
          <label for="plannedServices">{t.plannedServices}</label>
          <textarea
            id="plannedServices"
            name="plannedServices"
            rows={5}
            required
            {...aria('plannedServices')}
          >
            {values.plannedServices}
          </textarea>
          <Message id="plannedServices" />
          <label for="urgencyStudy">{t.urgencyStudy}</label>
          <textarea
            id="urgencyStudy"
            name="urgencyStudy"
            rows={8}
            required
            {...aria('urgencyStudy', 'urgencyStudy-hint')}
          >
            {values.urgencyStudy}
          </textarea>
          <p class="muted small" id="urgencyStudy-hint">
            {t.urgencyStudyHint}
          </p>
          <Message id="urgencyStudy" />
          <label class="checkbox">
            <input
              type="checkbox"
              id="commitment"
              name="commitment"
              value="yes"
              checked={values.commitment}
              required
              {...aria('commitment')}
            />{' '}
            {t.commitment}
          </label>
          <Message id="commitment" />
        </fieldset>
        <button type="submit" class="button">
          {revision ? t.resubmit : t.submit}
        </button>
      </form>
    </Layout>
  )
}
