import type { Service } from '@mpp/core/catalog'
import { type DocumentSuggestion, suggestDocumentKinds } from '@mpp/core/document-kind'
import { idFromName } from '@mpp/core/search'
import {
  type ServiceOnlineForm,
  type ServiceOnlineFormInput,
  serviceOnlineForm,
  workingDaysIn,
} from '@mpp/core/service-online-form'
import type { Tenant } from '@mpp/core/tenant'
import { getService } from '@mpp/db/catalog-repository'
import type { Db } from '@mpp/db/client'
import { listDocumentKinds } from '@mpp/db/document-kind-repository'
import { getServiceOnlineForm, putServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'

/**
 * A service opened for online application by its tenant admin (issue 14): its form, the documents it asks
 * for and its completion time in working days. The JSON routes and the admin page call these.
 */

export interface OnlineSetup {
  service: Service
  form?: ServiceOnlineForm
  /** What the standard's text suggests, for the admin to confirm: documents, and the working days. */
  suggestions: { documents: DocumentSuggestion[]; completionDays?: number }
}

const findService = async (db: Db, tenant: Tenant, serviceId: string) => {
  const service = await getService(db, tenant.id, serviceId)
  if (!service) throw new ApiError(404, 'not_found')
  return service
}

export const getOnlineSetup = async (db: Db, tenant: Tenant, serviceId: string): Promise<OnlineSetup> => {
  const [service, form, kinds] = await Promise.all([
    findService(db, tenant, serviceId),
    getServiceOnlineForm(db, tenant.id, serviceId),
    listDocumentKinds(db, tenant.id),
  ])
  const completionDays = workingDaysIn(service.completionTime)
  return {
    service,
    ...(form ? { form } : {}),
    suggestions: {
      documents: suggestDocumentKinds(service.requirements, kinds),
      ...(completionDays ? { completionDays } : {}),
    },
  }
}

/**
 * Saves a service's online form: each field without an id gets one from its Indonesian label, and every
 * document must be an active kind of the tenant's list (400 naming the row otherwise).
 */
export const setServiceOnlineForm = async (
  db: Db,
  tenant: Tenant,
  serviceId: string,
  input: ServiceOnlineFormInput,
): Promise<ServiceOnlineForm> => {
  const form = serviceOnlineForm.parse({
    ...input,
    fields: input.fields.map((f) => ({ ...f, id: f.id ?? idFromName(f.label.id, 40) })),
  })
  const kinds = new Map((await listDocumentKinds(db, tenant.id)).map((k) => [k.id, k]))
  const issues = form.documents.flatMap((d, i): RuleIssue[] => {
    const kind = kinds.get(d.kindId)
    const path = `documents.${i}.kindId`
    if (!kind) return [{ path, word: 'documentKindUnknown' }]
    return kind.retired ? [{ path, word: 'documentKindRetired' }] : []
  })
  if (issues.length > 0) throw new ApiError(400, 'invalid_request', issues)
  await findService(db, tenant, serviceId)
  if (!(await putServiceOnlineForm(db, tenant.id, serviceId, form))) throw new ApiError(404, 'not_found')
  return form
}
