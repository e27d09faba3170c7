import type { FileStore } from '@mpp/api/files/file-store'
import type { TenantId } from '@mpp/core/tenant'
import type { AwsCredentialIdentityProvider } from '@mpp/db/client'

/**
 * The SDKs few requests need (S3 and its presigned POST for uploads, STS for the tenant role) are imported on
 * first use, so a cold start does not read them (issue 12). A load that failed is tried again next time.
 */
const onFirstUse = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined
  return () => {
    loaded ??= load().catch((error) => {
      loaded = undefined
      throw error
    })
    return loaded
  }
}

/** A file store whose implementation is loaded on its first call. */
export const lazyFileStore = (load: () => Promise<FileStore>): FileStore => {
  const store = onFirstUse(load)
  return {
    uploadForm: async (rules) => (await store()).uploadForm(rules),
    accept: async (key, check) => (await store()).accept(key, check),
    downloadUrl: async (key, as) => (await store()).downloadUrl(key, as),
    delete: async (key) => (await store()).delete(key),
    copy: async (from, to) => (await store()).copy(from, to),
  }
}

/** `tenantCredentials` (tenant-credentials.ts), its STS client loaded on a tenant's first request. */
export const lazyTenantCredentials = (roleArn: string) => {
  const credentials = onFirstUse(() =>
    import('./tenant-credentials').then((m) => m.tenantCredentials(roleArn)),
  )
  return (tenantId: TenantId): AwsCredentialIdentityProvider =>
    async () =>
      (await credentials())(tenantId)()
}
