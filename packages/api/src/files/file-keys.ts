import { type TenantId, tenantId as tenantIdSchema } from '@mpp/core/tenant'
import { scopedTenant } from '@mpp/db/tenant-scope'
import type { FileStore } from './file-store'

/**
 * A key's part chosen by the app: an opaque reference or id (letters, digits, `-`, `_`), never an email
 * address or a phone number, which keys (and S3's access logs) would then carry.
 */
const opaque = /^[\w-]{1,100}$/

const part = (name: string, value: string) => {
  if (!opaque.test(value))
    throw new Error(`a file key's ${name} must be an opaque id, not ${JSON.stringify(value)}`)
  return value
}

/** Where a tenant's files live: `tenants/{tenantId}/`; the tenant role's S3 rights end there (tenant-role.ts). */
export const tenantFilesPrefix = (tenantId: TenantId) => `tenants/${tenantIdSchema.parse(tenantId)}/`

/** A document a citizen keeps to hand in again (`citizenRef`: the account's opaque id, `docId`: the document's). */
export const citizenDocumentKey = (tenantId: TenantId, citizenRef: string, docId: string) =>
  `${tenantFilesPrefix(tenantId)}citizens/${part('citizenRef', citizenRef)}/documents/${part('docId', docId)}`

/** A file of one service request (`code`: its tracking code), the MPP's own record of what was handed in. */
export const serviceRequestFileKey = (tenantId: TenantId, code: string, fileId: string) =>
  `${tenantFilesPrefix(tenantId)}requests/${part('code', code)}/files/${part('fileId', fileId)}`

/** The tenant whose files a key (accepted, or in the upload area) is among; undefined for the platform's. */
export const fileKeyTenant = (key: string): string | undefined =>
  /^(?:incoming\/)?tenants\/([^/]*)/.exec(key)?.[1]

/** A file key outside the tenant the request works for: a bug in how the key was built, never a user error. */
export class CrossTenantFileError extends Error {
  constructor(tenantId: TenantId | undefined, key: string) {
    super(
      `a request for ${tenantId ? `tenant ${tenantId}` : 'the platform'} reached the file ${JSON.stringify(key)}`,
    )
    this.name = 'CrossTenantFileError'
  }
}

/**
 * Refuses a key that is not the scoped tenant's: in a tenant's request scope (`inTenantScope`) only keys
 * under `tenants/{that tenant}/` (or its upload area); outside any (the platform host, the jobs) no tenant's.
 */
export const assertFileKeyWithinTenant = (tenantId: TenantId | undefined, key: string) => {
  if (fileKeyTenant(key) !== tenantId) throw new CrossTenantFileError(tenantId, key)
}

/**
 * `store` refusing, in every environment, a key of another tenant than the request's (like the table's
 * tenant-guard.ts): both stores are made through it. In AWS the tenant role refuses it too.
 */
export const guardTenantFiles = (store: FileStore): FileStore => {
  /** Checks every key before the store sees any, so a refused call does nothing. */
  const within = <T>(keys: string[], call: () => Promise<T>) => {
    const tenantId = scopedTenant()
    for (const key of keys) assertFileKeyWithinTenant(tenantId, key)
    return call()
  }
  return {
    uploadForm: async (rules) => within([rules.key], () => store.uploadForm(rules)),
    accept: async (key, recognise) => within([key], () => store.accept(key, recognise)),
    downloadUrl: async (key, as) => within([key], () => store.downloadUrl(key, as)),
    delete: async (key) => within([key], () => store.delete(key)),
    copy: async (from, to) => within([from, to], () => store.copy(from, to)),
  }
}
