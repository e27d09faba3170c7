import type { Tenant } from '@mpp/core/tenant'
import { forgetKeptDocument, keptDocuments } from '@mpp/db/service-request-repository'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { documentKindsById } from './citizen-service-requests'

/**
 * The citizen's kept documents ("Dokumen saya", issue 14 point 3): one per kind, the last one handed in,
 * offered to their next request that asks for that kind.
 */

/** `listMyDocuments`: each kept document with its kind's name, its file's name, size and type. */
export const listMyDocuments = async (deps: AppDeps, tenant: Tenant, citizen: string) => {
  const [kept, kinds] = await Promise.all([
    keptDocuments(deps.db, tenant.id, citizen),
    documentKindsById(deps, tenant),
  ])
  return kept.map((k) => ({
    kindId: k.kindId,
    name: kinds.get(k.kindId)?.name ?? { id: k.kindId, en: k.kindId },
    fileName: k.file.name,
    contentType: k.file.contentType,
    bytes: k.file.bytes,
    keptAt: k.keptAt,
  }))
}

/**
 * `deleteMyDocument`: the kept document is gone from the store, then from the list (in that order, so a
 * failure in between leaves a record to delete again, never a file nobody can reach). Requests that used it
 * keep their own copies.
 */
export const deleteMyDocument = async (deps: AppDeps, tenant: Tenant, citizen: string, kindId: string) => {
  const kept = (await keptDocuments(deps.db, tenant.id, citizen)).find((k) => k.kindId === kindId)
  if (!kept) throw new ApiError(404, 'kept_document_not_found')
  await deps.files.delete(kept.file.key)
  await forgetKeptDocument(deps.db, tenant.id, citizen, kindId)
}
