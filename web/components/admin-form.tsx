import { type Child, cloneElement, isValidElement } from 'hono/jsx'
import { describedBy, FieldError, type FieldIssue, issueAt } from './form-errors'

/** A form that came back refused: which one, its message, and what was typed, to put back. */
export interface FormRefusal {
  form: string
  message: string
  values: Record<string, string | string[]>
  /** Each refused field's message (from the one mapping), shown beside it. */
  fields?: FieldIssue[]
}

/**
 * A labelled field with an optional hint and, when refused, its message beside it: the control (the one child)
 * is then marked `aria-invalid` and described by the hint and the message.
 */
export const Field = ({
  id,
  label,
  children,
  hint,
  error,
}: {
  id: string
  label: string
  children: Child
  hint?: string
  error?: string
}) => {
  const control =
    error !== undefined && isValidElement(children)
      ? cloneElement(children, {
          'aria-invalid': 'true',
          'aria-describedby': describedBy(
            ...new Set([
              ...String(children.props['aria-describedby'] ?? '').split(' '),
              hint && `${id}-hint`,
              `${id}-error`,
            ]),
          ),
        })
      : children
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {hint && (
        <p class="muted small" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
    </div>
  )
}

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
  /** The message of a refused field of this form (`name` as the form sends it), if it was refused. */
  const errorOf = (form: string, name: string) => issueAt(refusalOf(form)?.fields, name)
  const Alert = ({ form }: { form: string }) => {
    const r = refusalOf(form)
    return r ? (
      <p class="alert" role="alert">
        {r.message}
      </p>
    ) : null
  }
  return { refusalOf, value, checked, errorOf, Alert }
}
