/** A form the browser posts one file to, straight to the store (an S3 presigned POST in AWS). */
export interface UploadForm {
  url: string
  /** Hidden fields to send before the file field, which must be named `file`. */
  fields: Record<string, string>
}

export interface UploadRules {
  /** The key the file will have once accepted; the form itself writes only to `uploadKeyOf(key)`. */
  key: string
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

/**
 * Where uploaded files live: S3 in AWS, DATA_DIR locally. Uploads go from the browser to the store directly,
 * so a 5 MB file never passes through Lambda (whose request limit, after base64, it would exceed).
 *
 * A form writes only under `incoming/`, where it may be posted again until it expires; the app reads a file
 * only after `accept` has checked it and moved it to its own key, which no form can target.
 */
export interface FileStore {
  uploadForm(rules: UploadRules): Promise<UploadForm>
  /**
   * Checks the file the form for `key` uploaded and, when `check` passes, makes exactly those bytes the file
   * at `key` (a form posted again meanwhile changes nothing that was checked). A refused upload is left
   * where it is, and whatever `key` held before stays.
   */
  accept(key: string, check: (file: StoredFile) => boolean): Promise<StoredFile | 'missing' | 'refused'>
  /** A short-lived address to download an accepted file from, for someone already authorised. */
  downloadUrl(key: string, fileName: string): Promise<string>
}

/** Where the form for `key` puts its file until the app accepts it. */
export const uploadKeyOf = (key: string) => `incoming/${key}`

/** True for keys in the upload area, which no download link may serve and no accepted file may have. */
export const isUploadKey = (key: string) => key.startsWith('incoming/')

/** PDF files start with `%PDF-`. */
export const looksLikePdf = (firstBytes: Uint8Array) =>
  Buffer.from(firstBytes.subarray(0, 5)).toString('latin1') === '%PDF-'
