import type { Regency } from '@mpp/core/regions'
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
  fieldErrors?: { path: string; message: string }[]
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
  const errorOf = (path: string) => fieldErrors.find((e) => e.path === path || e.path.startsWith(`${path}.`))
  const described = (id: string, hint?: boolean) =>
    [hint ? `${id}-hint` : '', errorOf(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const FieldError = ({ id }: { id: string }) => {
    const error = errorOf(id)
    return error ? (
      <p class="field-error" id={`${id}-error`}>
        {error.message}
      </p>
    ) : null
  }
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
      {alert && (
        <div class="alert" role="alert" id="signup-error">
          <p>{alert}</p>
          {fieldErrors.length > 0 && (
            <>
              <p>{t.fieldErrors}</p>
              <ul>
                {fieldErrors.map((e) => (
                  <li>
                    {e.path}: {e.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
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
            aria-describedby={described('regency', true)}
            aria-invalid={errorOf('regency') ? 'true' : undefined}
          />
          <p class="muted small" id="regency-hint">
            {t.regencyHint}
          </p>
          <FieldError id="regency" />
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
            aria-describedby={
              described('subdomain', true)
                ? `${described('subdomain', true)} subdomain-status`
                : 'subdomain-status'
            }
            aria-invalid={errorOf('subdomain') ? 'true' : undefined}
          />
          <p class="muted small" id="subdomain-hint">
            {t.subdomainHint(rootDomain)}
          </p>
          <p class="small" id="subdomain-status" role="status" aria-live="polite" />
          <FieldError id="subdomain" />
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
                aria-describedby={described(`applicant.${name}`)}
                aria-invalid={errorOf(`applicant.${name}`) ? 'true' : undefined}
              />
              <FieldError id={`applicant.${name}`} />
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
            aria-describedby="plannedAgencies-hint"
          >
            {values.plannedAgencies}
          </textarea>
          <p class="muted small" id="plannedAgencies-hint">
            {t.plannedAgenciesHint}
          </p>
          <FieldError id="plannedAgencies" />
          <label for="plannedServices">{t.plannedServices}</label>
          <textarea id="plannedServices" name="plannedServices" rows={5} required>
            {values.plannedServices}
          </textarea>
          <FieldError id="plannedServices" />
          <label for="urgencyStudy">{t.urgencyStudy}</label>
          <textarea
            id="urgencyStudy"
            name="urgencyStudy"
            rows={8}
            required
            aria-describedby={described('urgencyStudy', true)}
          >
            {values.urgencyStudy}
          </textarea>
          <p class="muted small" id="urgencyStudy-hint">
            {t.urgencyStudyHint}
          </p>
          <FieldError id="urgencyStudy" />
          <label class="checkbox">
            <input type="checkbox" name="commitment" value="yes" checked={values.commitment} required />{' '}
            {t.commitment}
          </label>
          <FieldError id="commitment" />
        </fieldset>
        <button type="submit" class="button">
          {revision ? t.resubmit : t.submit}
        </button>
      </form>
    </Layout>
  )
}
