import type { ErrorCode } from '@mpp/web/i18n/error-codes'
import { ApiError } from '../errors'
import type { FileStore, StoredFile } from './file-store'

/** A kind of file people upload: its declared type, its largest size, and how its content is recognised. */
export interface UploadKind {
  contentType: string
  maxBytes: number
  /** Whether the first bytes are what the type claims: a browser can label any bytes `application/pdf`. */
  looksRight: (firstBytes: Uint8Array) => boolean
  /** What to answer when they are not. */
  refusal: ErrorCode
}

/** The form that sends a file of this kind straight to the store, to be accepted at `key` afterwards. */
export const uploadFormFor = (files: FileStore, kind: UploadKind, key: string, redirect: string) =>
  files.uploadForm({
    key,
    contentType: kind.contentType,
    maxBytes: kind.maxBytes,
    redirect,
    expiresInSeconds: 3600,
  })

/**
 * Checks what the form for `key` uploaded and keeps it at `key`, out of the form's reach, so the file the app
 * then records is the file it checked. Refuses with 400 `file_missing` or the kind's refusal.
 */
export const acceptUpload = async (files: FileStore, kind: UploadKind, key: string): Promise<StoredFile> => {
  const accepted = await files.accept(
    key,
    (file) => file.bytes > 0 && file.bytes <= kind.maxBytes && kind.looksRight(file.firstBytes),
  )
  if (accepted === 'missing') throw new ApiError(400, 'file_missing')
  if (accepted === 'refused') throw new ApiError(400, kind.refusal)
  return accepted
}
