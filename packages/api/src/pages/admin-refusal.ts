import type { FormRefusal } from '@mpp/web/components/admin-form'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { type FieldIssue, wordDetails } from '../issue-messages'
import { fieldIssues } from '../validation'

export type RefusalStatus = 400 | 404 | 409 | 413 | 415

/**
 * The message a refused admin form shows: the error's own words, then each field with its label (so the admin
 * reads "Warna utama: Kontras 3,1:1 ..." rather than a property path), and each field's message to show
 * beside it. Undefined for anything that is not a refusal, which the caller rethrows.
 */
export const refusalMessage = (
  error: unknown,
  c: Context<AppEnv>,
  labels: Record<string, string>,
): { status: RefusalStatus; message: string; fields: FieldIssue[] } | undefined => {
  const m = c.var.m
  const labelOf = (path: string) => labels[path] ?? labels[path.split('.')[0] ?? ''] ?? path
  const describe = (issues: FieldIssue[]) => issues.map((i) => `${labelOf(i.path)}: ${i.message}`).join('; ')
  if (error instanceof ApiError && error.status < 500) {
    const status: RefusalStatus = ([404, 409, 413, 415] as const).find((s) => s === error.status) ?? 400
    const d = wordDetails(error.details, m)
    // A conflict names its field (`{ field: 'prefix' }`): the refusal's words go beside that field.
    const field =
      d && typeof d === 'object' && 'field' in d && typeof d.field === 'string' ? d.field : undefined
    const fields = Array.isArray(d)
      ? d.filter(isFieldIssue)
      : field
        ? [{ path: field, message: m.errors[error.code] }]
        : []
    const detail = Array.isArray(d)
      ? describe(fields)
      : d && typeof d === 'object' && 'message' in d
        ? String(d.message)
        : ''
    return { status, message: detail ? `${m.errors[error.code]} ${detail}` : m.errors[error.code], fields }
  }
  if (error instanceof Error && error.name === 'ZodError') {
    const fields = fieldIssues(error as never, c.var.m)
    return { status: 400, message: `${m.errors.invalid_request} ${describe(fields)}`, fields }
  }
  return undefined
}

const isFieldIssue = (d: unknown): d is FieldIssue =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as FieldIssue).path === 'string' &&
  typeof (d as FieldIssue).message === 'string'

type FormValues = Record<string, string | string[]>

/** Only the text fields of a posted form (a file input is read on its own). */
export const formValues = (body: Record<string, unknown>): FormValues =>
  Object.fromEntries(
    Object.entries(body).flatMap(([k, v]): [string, string | string[]][] =>
      typeof v === 'string'
        ? [[k, v]]
        : Array.isArray(v)
          ? [[k, v.filter((x): x is string => typeof x === 'string')]]
          : [],
    ),
  )

export const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '')
export const optional = (v: string | string[] | undefined) => text(v) || undefined

export const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** A field of words separated by commas (or lines); none is left out rather than an empty list. */
export const commaList = (v: string | string[] | undefined) => {
  const items = text(v)
    .split(/[,\n]/)
    .map((w) => w.trim())
    .filter(Boolean)
  return items.length > 0 ? items : undefined
}

/** A refused form as a page shows it again, with the status to answer. */
export type PageRefusal = FormRefusal & { status: RefusalStatus }

/**
 * Runs an admin form's save: success redirects (303); a refusal renders the page again with its message,
 * each field's message at the control `pagePath` names and what was typed; anything else is thrown.
 */
export const saveOrRefuse = async (
  c: Context<AppEnv>,
  form: { name: string; values: FormValues; labels: Record<string, string> },
  save: () => Promise<unknown>,
  page: (refusal: PageRefusal) => Response | Promise<Response>,
  redirect: string,
  pagePath: (path: string) => string = (p) => p,
) => {
  try {
    await save()
    return c.redirect(redirect, 303)
  } catch (error) {
    const refusal = refusalMessage(error, c, form.labels)
    if (!refusal) throw error
    const fields = refusal.fields.map((f) => ({ ...f, path: pagePath(f.path) }))
    return page({ form: form.name, values: form.values, ...refusal, fields })
  }
}
