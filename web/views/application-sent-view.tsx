import { Field } from '../components/admin-form'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  /** The form that posts the PDF straight to the file store. */
  upload: { url: string; fields: Record<string, string> }
  /** The PDF already attached, if any. */
  attached?: { bytes: number }
  /** Why the last upload was not accepted. */
  alert?: string
}

/** After filing: the application is sent, and the urgency study's PDF can be attached (or replaced). */
export const ApplicationSentPage = ({ ctx, upload, attached, alert }: Props) => {
  const t = ctx.m.signup
  const title = attached ? t.attachedTitle : t.sentTitle
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{attached ? t.attached(Math.ceil(attached.bytes / 1024)) : t.sent}</p>
      {alert && (
        <div class="alert" role="alert">
          <p>{alert}</p>
        </div>
      )}
      <section aria-labelledby="attach">
        <h2 id="attach">{attached ? t.attachAgain : t.attachTitle}</h2>
        <p>{t.attachLead}</p>
        {/* Goes to the store directly (S3 in AWS): the fields sign the key, size and type it accepts. */}
        <form method="post" action={upload.url} enctype="multipart/form-data" class="form">
          {Object.entries(upload.fields).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <Field id="urgency-pdf" label={t.attachFile}>
            <input id="urgency-pdf" name="file" type="file" accept="application/pdf,.pdf" required />
          </Field>
          <button type="submit" class="button">
            {t.attachButton}
          </button>
        </form>
      </section>
    </Layout>
  )
}
