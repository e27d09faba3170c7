import type { Child } from 'hono/jsx'

/** A form that came back refused: which one, its message, and what was typed, to put back. */
export interface FormRefusal {
  form: string
  message: string
  values: Record<string, string | string[]>
}

/** A labelled field with an optional hint the input points at (`aria-describedby={`${id}-hint`}`). */
export const Field = ({
  id,
  label,
  children,
  hint,
}: {
  id: string
  label: string
  children: Child
  hint?: string
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    {children}
    {hint && (
      <p class="muted small" id={`${id}-hint`}>
        {hint}
      </p>
    )}
  </div>
)

/** What a page needs to put a refused form back as it was typed. */
export const refusalHelpers = (refusal: FormRefusal | undefined) => {
  const refusalOf = (form: string) => (refusal?.form === form ? refusal : undefined)
  /** The typed value when this form was refused, otherwise the stored one. */
  const value = (form: string, name: string, fallback: string) => {
    const v = refusalOf(form)?.values[name]
    return typeof v === 'string' ? v : Array.isArray(v) ? v.join('\n') : fallback
  }
  const checked = (form: string, name: string, option: string, fallback: boolean) => {
    const r = refusalOf(form)
    if (!r) return fallback
    const v = r.values[name]
    return v === undefined ? false : Array.isArray(v) ? v.includes(option) : v === option
  }
  const Alert = ({ form }: { form: string }) => {
    const r = refusalOf(form)
    return r ? (
      <p class="alert" role="alert">
        {r.message}
      </p>
    ) : null
  }
  return { refusalOf, value, checked, Alert }
}
