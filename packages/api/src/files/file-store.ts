/** A form the browser posts one file to, straight to the store (an S3 presigned POST in AWS). */
export interface UploadForm {
  url: string
  /** Hidden fields to send before the file field, which must be named `file`. */
  fields: Record<string, string>
}

export interface UploadRules {
  key: string
  contentType: string
  maxBytes: number
  /** Where the store sends the browser after the upload (S3's success_action_redirect). */
  redirect: string
  expiresInSeconds: number
}

/**
 * Where uploaded files live: S3 in AWS, DATA_DIR locally. Uploads go from the browser to the store directly,
 * so a 5 MB file never passes through Lambda (whose request limit, after base64, it would exceed).
 */
export interface FileStore {
  uploadForm(rules: UploadRules): Promise<UploadForm>
  /** The stored file's size and first bytes (to check what it is), or undefined when there is none. */
  head(key: string): Promise<{ bytes: number; firstBytes: Uint8Array } | undefined>
  /** A short-lived address to download it from, for someone already authorised. */
  downloadUrl(key: string, fileName: string): Promise<string>
}

/** PDF files start with `%PDF-`. */
export const looksLikePdf = (firstBytes: Uint8Array) =>
  Buffer.from(firstBytes.subarray(0, 5)).toString('latin1') === '%PDF-'
