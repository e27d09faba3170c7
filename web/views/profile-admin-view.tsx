import { type ContrastCheck, checkBranding, formatRatio, isHexColour } from '@mpp/core/branding'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

export interface ProfileValues {
  name: string
  tagline?: string
  address: string
  mapUrl?: string
  phone?: string
  email?: string
  branding: { primary: string; accent: string }
}

interface Props {
  ctx: PageContext
  profile: ProfileValues
  /** The stored logo, if any. */
  logo?: { url: string; contentType: string }
  /** What was just saved: the profile, a new logo, or the logo's removal. */
  saved?: 'profile' | 'logo' | 'logoRemoved'
  refusal?: FormRefusal
}

const ContrastLine = ({ ctx, check }: { ctx: PageContext; check: ContrastCheck }) => {
  const t = ctx.m.profileAdmin
  return (
    <p
      class={`contrast small ${check.ok ? 'contrast--ok' : 'contrast--low'}`}
      id={`${check.field}-contrast`}
      data-ok={t.contrastOk}
      data-low={t.contrastLow}
      data-lang={ctx.lang}
      data-minimum={String(check.minimum)}
      aria-live="polite"
    >
      {t.contrastAgainst} <span class="contrast-against">{check.against}</span>:{' '}
      <strong class="contrast-ratio">{formatRatio(check.ratio, ctx.lang)}:1</strong>{' '}
      <span class="contrast-verdict">{check.ok ? t.contrastOk : t.contrastLow}</span>{' '}
      {t.contrastMinimum(formatRatio(check.minimum, ctx.lang))}
    </p>
  )
}

/** The MPP's profile, colours (with the contrast they reach) and logo. Works without script. */
export const ProfileAdminPage = ({ ctx, profile, logo, saved, refusal }: Props) => {
  const { m } = ctx
  const t = m.profileAdmin
  const { value, Alert, errorOf } = refusalHelpers(refusal)
  const form = 'profile'
  const colour = (name: 'primary' | 'accent') => {
    const typed = value(form, name, profile.branding[name])
    return { typed, valid: isHexColour(typed) ? typed.toLowerCase() : profile.branding[name] }
  }
  const primary = colour('primary')
  const accent = colour('accent')
  const checks = checkBranding({ primary: primary.valid, accent: accent.valid })
  const colourField = (
    name: 'primary' | 'accent',
    label: string,
    shown: { typed: string; valid: string },
  ) => {
    const check = checks.find((c) => c.field === name) as ContrastCheck
    return (
      <fieldset class="colour-field">
        <legend>{label}</legend>
        <div class="colour-field__row">
          <div class="field colour-field__picker">
            <label for={`${name}-picker`}>{t.picker}</label>
            <input type="color" id={`${name}-picker`} name={`${name}Picker`} value={shown.valid} />
          </div>
          <div class="field">
            <label for={name}>{t.hex}</label>
            <input
              id={name}
              name={name}
              value={shown.typed}
              required
              maxlength={7}
              pattern="#[0-9a-fA-F]{6}"
              spellcheck={false}
              autocomplete="off"
              aria-describedby={`${name}-contrast colour-hint`}
            />
          </div>
        </div>
        <ContrastLine ctx={ctx} check={check} />
      </fieldset>
    )
  }
  return (
    <Layout ctx={ctx} title={t.title} styles={['catalog.css', 'staff-admin.css']} scripts={['profile.js']}>
      <AdminNav m={ctx.m} current="profile" />
      <p>
        <a href="/staf">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {saved && (
        <p class="notice" role="status">
          {saved === 'profile' ? t.saved : saved === 'logo' ? t.logoSaved : t.logoRemoved}
        </p>
      )}

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t.profile}</h2>
        <form method="post" action="/admin/profil" class="form admin-form wide-form" data-profile-form>
          <Alert form={form} />
          <Field id="profile-name" label={t.name} error={errorOf(form, 'name')}>
            <input
              id="profile-name"
              name="name"
              value={value(form, 'name', profile.name)}
              required
              minlength={3}
              maxlength={120}
            />
          </Field>
          <Field id="profile-tagline" label={t.tagline} error={errorOf(form, 'tagline')}>
            <input
              id="profile-tagline"
              name="tagline"
              value={value(form, 'tagline', profile.tagline ?? '')}
              maxlength={160}
            />
          </Field>
          <Field id="profile-address" label={t.address} error={errorOf(form, 'address')}>
            <textarea id="profile-address" name="address" rows={3} required minlength={5} maxlength={240}>
              {value(form, 'address', profile.address)}
            </textarea>
          </Field>
          <Field id="profile-map" label={t.mapUrl} hint={t.mapUrlHint} error={errorOf(form, 'mapUrl')}>
            <input
              id="profile-map"
              name="mapUrl"
              type="url"
              inputmode="url"
              value={value(form, 'mapUrl', profile.mapUrl ?? '')}
              maxlength={500}
              aria-describedby="profile-map-hint"
            />
          </Field>
          <div class="field-row">
            <Field id="profile-phone" label={t.phone} error={errorOf(form, 'phone')}>
              <input
                id="profile-phone"
                name="phone"
                type="tel"
                autocomplete="off"
                value={value(form, 'phone', profile.phone ?? '')}
                maxlength={40}
              />
            </Field>
            <Field id="profile-email" label={t.email} error={errorOf(form, 'email')}>
              <input
                id="profile-email"
                name="email"
                type="email"
                autocomplete="off"
                value={value(form, 'email', profile.email ?? '')}
                maxlength={254}
              />
            </Field>
          </div>
          <h3>{t.colours}</h3>
          <p class="muted small" id="colour-hint">
            {t.coloursLead}
          </p>
          {colourField('primary', t.primary, primary)}
          {colourField('accent', t.accent, accent)}
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      </section>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t.preview}</h2>
        <p class="muted small">{t.previewLead}</p>
        <div class="brand-preview" id="brand-preview">
          <div class="brand-preview__header">
            {logo && <img src={logo.url} alt="" width="32" height="32" />}
            <span>{profile.name}</span>
          </div>
          <div class="brand-preview__body">
            <span class="brand-preview__button">{t.previewButton}</span>
            <span class="brand-preview__accent">{t.previewAccent}</span>
          </div>
        </div>
      </section>

      <section aria-labelledby="logo-title">
        <h2 id="logo-title">{t.logo}</h2>
        <p>{t.logoLead}</p>
        {logo ? (
          <p class="logo-current">
            <img src={logo.url} alt={t.currentLogo} width="96" height="96" />
          </p>
        ) : (
          <p class="muted">{t.noLogo}</p>
        )}
        <form
          method="post"
          action="/admin/profil/logo"
          enctype="multipart/form-data"
          class="form admin-form narrow"
        >
          <Alert form="logo" />
          <Field id="logo-file" label={t.logoFile} hint={t.logoFileHint} error={errorOf('logo', 'logo')}>
            <input
              id="logo-file"
              name="logo"
              type="file"
              accept="image/png,image/svg+xml,.png,.svg"
              required
              aria-describedby="logo-file-hint"
            />
          </Field>
          <button type="submit" class="button">
            {t.upload}
          </button>
        </form>
        {logo && (
          <form method="post" action="/admin/profil/logo/hapus" class="form">
            <Alert form="logo:delete" />
            <button type="submit" class="button button--secondary">
              {t.removeLogo}
            </button>
          </form>
        )}
      </section>
    </Layout>
  )
}
