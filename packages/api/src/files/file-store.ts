/** A form the browser posts one file to, straight to the store (an S3 presigned POST in AWS). */
export interface UploadForm {
  url: string
  /** Hidden fields to send before the file field, which must be named `file`. */
  fields: Record<string, string>
}

export interface UploadRules {
  /** The key the file will have once accepted; the form itself writes only to `uploadKeyOf(key)`. */
  key: string
  /** The Content-Type the form fixes for the upload (`formContentType` in accept-upload.ts). */
  contentType: string
  maxBytes: number
  /** Where the store sends the browser after the upload (S3's success_action_redirect). */
  redirect: string
  expiresInSeconds: number
}

/** A stored file's size and first bytes, enough to tell what it is. */
export interface StoredFile {
  bytes: number
  firstBytes: Uint8Array
}

/** An accepted file: its size and first bytes, and the type it is kept (and served) as. */
export interface AcceptedFile extends StoredFile {
  contentType: string
}

/** What a download link tells the browser: the name to save the file as, and its type. */
export interface DownloadAs {
  fileName: string
  contentType: string
}

/**
 * Where uploaded files live: S3 in AWS, DATA_DIR locally. Uploads go from the browser to the store directly,
 * so a 5 MB file never passes through Lambda (whose request limit, after base64, it would exceed).
 *
 * A form writes only under `incoming/`, where it may be posted again until it expires; the app reads a file
 * only after `accept` has checked it and moved it to its own key, which no form can target.
 *
 * A tenant's files have keys under `tenants/{tenantId}/` (file-keys.ts), and both stores refuse such a key
 * outside that tenant's request scope (`guardTenantFiles`); in AWS they are signed with the tenant's own
 * credentials, which reach no other tenant's prefix. `delete` and `copy` are for tenants' files: in AWS the
 * functions' own roles, which hold the platform's, have no grant for them.
 */
export interface FileStore {
  uploadForm(rules: UploadRules): Promise<UploadForm>
  /**
   * Checks the file the form for `key` uploaded and, when `recognise` names its content type, makes exactly
   * those bytes the file at `key`, kept as that type (a form posted again meanwhile changes nothing that was
   * checked). A refused upload is left where it is, and whatever `key` held before stays.
   */
  accept(
    key: string,
    recognise: (file: StoredFile) => string | undefined,
  ): Promise<AcceptedFile | 'missing' | 'refused'>
  /** A short-lived address to download an accepted file from, for someone already authorised. */
  downloadUrl(key: string, as: DownloadAs): Promise<string>
  /** Removes the accepted file at `key` (in S3 every version of it): done at once, and done again is no error. */
  delete(key: string): Promise<void>
  /**
   * Makes the accepted file at `from` also the file at `to`, an independent copy: deleting or replacing either
   * leaves the other. Refuses (throws) when `from` holds nothing.
   */
  copy(from: string, to: string): Promise<void>
}

/** Where the form for `key` puts its file until the app accepts it. */
export const uploadKeyOf = (key: string) => `incoming/${key}`

/** True for keys in the upload area, which no download link may serve and no accepted file may have. */
export const isUploadKey = (key: string) => key.startsWith('incoming/')

/** A download's file name as a Content-Disposition can carry it: letters, digits, `.`, `-`, `_`. */
export const safeFileName = (fileName: string) => fileName.replace(/[^\w.-]/g, '_')
