/** A refused field as the API and the forms show it: its path in the schema and one human sentence (never validator text). */
export interface FieldIssue {
  path: string
  message: string
}

/** The message for a field: its own path or one below it (`applicant` finds `applicant.name`). */
export const issueAt = (issues: readonly FieldIssue[] | undefined, path: string) =>
  issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message

/** The ids a control is described by, or nothing when there are none. */
export const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined

/** The message beside a field; the control points at it with `aria-describedby` and `aria-invalid`. */
export const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <p class="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null

/**
 * The refusal at the top of a form: what went wrong, then each refused field by its label, linked to the
 * control so a keyboard or screen-reader user lands on it.
 */
export const ErrorSummary = ({
  alert,
  title,
  items,
  id,
}: {
  alert: string
  title: string
  items: { href: string; label: string; message: string }[]
  id?: string
}) => (
  <div class="alert" role="alert" id={id}>
    <p>{alert}</p>
    {items.length > 0 && (
      <>
        <p>{title}</p>
        <ul>
          {items.map((item) => (
            <li>
              <a href={item.href}>
                {item.label}: {item.message}
              </a>
            </li>
          ))}
        </ul>
      </>
    )}
  </div>
)
