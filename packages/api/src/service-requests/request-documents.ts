import { randomBytes } from 'node:crypto'
import { formatTrackingCode } from '@mpp/core/complaint'
import type { ServiceOnlineForm } from '@mpp/core/service-online-form'
import type { RequestDocument, ServiceRequest, StoredFileRecord } from '@mpp/core/service-request'
import type { Tenant, TenantId } from '@mpp/core/tenant'
import { getServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { keepDocumentPut, keptDocuments } from '@mpp/db/service-request-repository'
import type { AppDeps } from '../app-env'
import { purposeSigner } from '../auth/purpose-key'
import { ApiError } from '../errors'
import { acceptUpload, citizenDocumentUpload, uploadFormFor } from '../files/accept-upload'
import { citizenDocumentKey, serviceRequestFileKey } from '../files/file-keys'
import { changeServiceRequest, editable, ownServiceRequest } from './citizen-service-requests'

/**
 * A request's documents (issue 14, point 3): each goes from the browser straight to the file store, then is
 * accepted here by its content (PDF, JPEG or PNG, at most 5 MB) and recorded on the request; a copy of it is
 * kept as the citizen's document of its kind, offered to their next request that asks for that kind.
 *
 * Files: the request always has its own file (`tenants/{t}/requests/{code}/files/{kind}-{upload}`), and the
 * kept document its own (`tenants/{t}/citizens/{ref}/documents/{kind}-{upload}`), copies of each other: the
 * citizen deleting a kept document never takes away a file staff are deciding on. Each upload has its own key
 * (a random upload id in the form), so a retried accept finds its file already recorded and changes nothing.
 */

/** The citizen's opaque reference in file keys (an HMAC of their address), never the address itself. */
const citizenRef = (deps: AppDeps, tenantId: TenantId, address: string) =>
  purposeSigner(deps.config.sessionSecret, 'mpp-cloud', 'citizen-file-ref')
    .sign(`${tenantId}|${address}`)
    .slice(0, 22)

/** An upload's id as the form carries it back: 16 random symbols of base64url. */
export const uploadIdPattern = /^[\w-]{16}$/
const newUploadId = () => randomBytes(12).toString('base64url')

const requestFileKey = (tenantId: TenantId, code: string, kindId: string, fileId: string) =>
  serviceRequestFileKey(tenantId, code, `${kindId}-${fileId}`)

/** Where the store sends the browser once a document is uploaded: its accept step, with the upload's id. */
export const acceptPath = (code: string, kindId: string, uploadId: string) =>
  `/warga/permohonan/${formatTrackingCode(code)}/dokumen/${kindId}/diterima?unggahan=${uploadId}`

/**
 * Whether the citizen may hand in (or replace) this kind now: the form must ask for it; a draft takes any,
 * a request sent back for fixes only the documents flagged (or missing), never one an officer accepted.
 */
const mayHandIn = (request: ServiceRequest, form: ServiceOnlineForm | undefined, kindId: string) => {
  editable(request)
  if (!form?.documents.some((d) => d.kindId === kindId)) throw new ApiError(404, 'document_not_asked')
  const current = request.documents.find((d) => d.kindId === kindId)
  if (request.status === 'needs_fix' && current && current.status !== 'fix')
    throw new ApiError(409, 'service_request_locked', { status: request.status, kindId })
}

/** Whether the document of this kind could be handed in now (for the page: an upload form or none). */
export const canHandIn = (request: ServiceRequest, form: ServiceOnlineForm | undefined, kindId: string) => {
  try {
    mayHandIn(request, form, kindId)
    return true
  } catch (error) {
    if (error instanceof ApiError) return false
    throw error
  }
}

/** The upload form of one document of a request already read and checked (the page makes one per kind). */
export const documentUploadForm = async (
  deps: AppDeps,
  tenant: Tenant,
  request: ServiceRequest,
  kindId: string,
  site: string,
) => {
  const uploadId = newUploadId()
  const key = requestFileKey(tenant.id, request.code, kindId, uploadId)
  const redirect = new URL(acceptPath(request.code, kindId, uploadId), site).toString()
  const form = await uploadFormFor(deps.files, citizenDocumentUpload, key, redirect)
  return { ...form, uploadId, redirect }
}

/**
 * `createDocumentUpload`: the form that sends one document of the citizen's request straight to the store
 * (good for 30 minutes), then brings the browser back to the accept step at `redirect`.
 */
export const createDocumentUpload = async (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
  code: string,
  kindId: string,
  site: string,
) => {
  const request = await ownServiceRequest(deps, tenant, citizen, code)
  mayHandIn(request, await getServiceOnlineForm(deps.db, tenant.id, request.serviceId), kindId)
  return documentUploadForm(deps, tenant, request, kindId, site)
}

/** Removes files no record names any more; a failure leaves a file behind, never a record without its file. */
const removeFiles = async (deps: AppDeps, keys: (string | undefined)[]) => {
  for (const key of keys)
    if (key)
      await deps.files.delete(key).catch((error: unknown) => {
        deps.logger.warn('a replaced file stays in the store', { key, error: String(error) })
      })
}

/** The request's document of a kind, the file replaced (version + 1, back to `handed_in`) or the first one. */
const withDocument = (
  read: ServiceRequest,
  kindId: string,
  file: StoredFileRecord,
  at: string,
): ServiceRequest => {
  const previous = read.documents.find((d) => d.kindId === kindId)
  const document: RequestDocument = {
    kindId,
    file,
    status: 'handed_in',
    // An officer's reason stays after the fix, so the history reads whole.
    ...(previous?.reason ? { reason: previous.reason } : {}),
    version: (previous?.version ?? 0) + 1,
    handedInAt: at,
  }
  return {
    ...read,
    documents: previous
      ? read.documents.map((d) => (d.kindId === kindId ? document : d))
      : [...read.documents, document],
    updatedAt: at,
  }
}

/**
 * The accept step of an upload: checks the file by its content, records it on the request (a replacement
 * bumps the document's version and sets it back to `handed_in`) and keeps a copy as the citizen's document of
 * its kind, in the request's own transaction. A retried accept (the page reloaded) finds the file recorded
 * and changes nothing.
 */
export const acceptDocumentUpload = async (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
  code: string,
  kindId: string,
  uploadId: string,
) => {
  if (!uploadIdPattern.test(uploadId)) throw new ApiError(400, 'file_missing')
  const request = await ownServiceRequest(deps, tenant, citizen, code)
  const key = requestFileKey(tenant.id, request.code, kindId, uploadId)
  if (request.documents.some((d) => d.kindId === kindId && d.file.key === key)) return request
  mayHandIn(request, await getServiceOnlineForm(deps.db, tenant.id, request.serviceId), kindId)

  const accepted = await acceptUpload(deps.files, citizenDocumentUpload, key)
  const file: StoredFileRecord = {
    key,
    contentType: accepted.type.contentType as StoredFileRecord['contentType'],
    bytes: accepted.bytes,
    name: `${kindId}.${accepted.type.extension}`,
  }
  const keptKey = citizenDocumentKey(tenant.id, citizenRef(deps, tenant.id, citizen), `${kindId}-${uploadId}`)
  const [keptBefore] = await Promise.all([
    keptDocuments(deps.db, tenant.id, citizen).then((all) => all.find((k) => k.kindId === kindId)),
    deps.files.copy(key, keptKey),
  ])
  let replaced: string | undefined
  const saved = await changeServiceRequest(
    deps,
    tenant,
    citizen,
    code,
    (read, at) => {
      if (read.documents.some((d) => d.kindId === kindId && d.file.key === key)) return undefined
      editable(read)
      replaced = read.documents.find((d) => d.kindId === kindId)?.file.key
      return withDocument(read, kindId, file, at)
    },
    (next) => [
      keepDocumentPut(deps.db, tenant.id, citizen, {
        kindId,
        file: { ...file, key: keptKey },
        keptAt: next.updatedAt,
      }),
    ],
  )
  await removeFiles(deps, [
    replaced,
    keptBefore && keptBefore.file.key !== keptKey ? keptBefore.file.key : undefined,
  ])
  return saved
}

/**
 * Hands in the citizen's kept document of a kind without uploading it again: the request gets its own copy
 * (`FileStore.copy`), named after the kept file, so a retry finds it recorded and changes nothing.
 */
export const useKeptDocument = async (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
  code: string,
  kindId: string,
) => {
  const [request, kept] = await Promise.all([
    ownServiceRequest(deps, tenant, citizen, code),
    keptDocuments(deps.db, tenant.id, citizen).then((all) => all.find((k) => k.kindId === kindId)),
  ])
  if (!kept) throw new ApiError(404, 'kept_document_not_found')
  const key = requestFileKey(tenant.id, request.code, 'k', kept.file.key.split('/').at(-1) ?? kindId)
  if (request.documents.some((d) => d.kindId === kindId && d.file.key === key)) return request
  mayHandIn(request, await getServiceOnlineForm(deps.db, tenant.id, request.serviceId), kindId)
  try {
    await deps.files.copy(kept.file.key, key)
  } catch (error) {
    deps.logger.warn('a kept document has no file', { error: String(error) })
    throw new ApiError(404, 'kept_document_not_found')
  }
  let replaced: string | undefined
  const saved = await changeServiceRequest(deps, tenant, citizen, code, (read, at) => {
    if (read.documents.some((d) => d.kindId === kindId && d.file.key === key)) return undefined
    editable(read)
    replaced = read.documents.find((d) => d.kindId === kindId)?.file.key
    return withDocument(read, kindId, { ...kept.file, key }, at)
  })
  await removeFiles(deps, [replaced])
  return saved
}
