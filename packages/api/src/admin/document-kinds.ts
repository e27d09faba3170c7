import { type DocumentKind, documentKind } from '@mpp/core/document-kind'
import type { Tenant } from '@mpp/core/tenant'
import type { Db } from '@mpp/db/client'
import { listDocumentKinds, putDocumentKind } from '@mpp/db/document-kind-repository'
import type { Messages } from '@mpp/web/i18n/messages'
import type { z } from 'zod'
import { ApiError } from '../errors'
import { idOrFromName } from './catalog-admin'

/**
 * The tenant's document kinds: add, rename, retire (and bring back). A kind is never deleted, as documents
 * handed in are filed under it. The JSON routes and the admin page call these.
 */

/** What `createDocumentKind` takes: without an id, one is made from the Indonesian name. */
export const documentKindInput = documentKind
  .omit({ id: true, retired: true })
  .extend({ id: documentKind.shape.id.optional() })
  .strict()
export type DocumentKindInput = z.infer<typeof documentKindInput>

/** What `updateDocumentKind` takes: everything but the id. */
export const documentKindUpdate = documentKind.omit({ id: true }).strict()
export type DocumentKindUpdate = z.infer<typeof documentKindUpdate>

const idTaken = (id: string, m: Messages) =>
  new ApiError(409, 'config_conflict', { field: 'id', id, message: m.catalogAdmin.idTaken(id) })

export const createDocumentKind = async (
  db: Db,
  tenant: Tenant,
  input: DocumentKindInput,
  m: Messages,
): Promise<DocumentKind> => {
  const id = idOrFromName(input.id, input.name.id, m)
  // A default is no stored item until it changes: its id is taken all the same.
  if ((await listDocumentKinds(db, tenant.id)).some((k) => k.id === id)) throw idTaken(id, m)
  const kind = documentKind.parse({ ...input, id, retired: false })
  if (!(await putDocumentKind(db, tenant.id, kind, 'create'))) throw idTaken(id, m)
  return kind
}

export const updateDocumentKind = async (
  db: Db,
  tenant: Tenant,
  kindId: string,
  input: DocumentKindUpdate,
): Promise<DocumentKind> => {
  if (!(await listDocumentKinds(db, tenant.id)).some((k) => k.id === kindId))
    throw new ApiError(404, 'not_found')
  const kind = documentKind.parse({ ...input, id: kindId })
  await putDocumentKind(db, tenant.id, kind, 'replace')
  return kind
}
