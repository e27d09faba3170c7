import type { ErrorCode } from '@mpp/web/i18n/error-codes'
import { ApiError } from '../errors'
import type { AcceptedFile, FileStore } from './file-store'
import { detectFileType, type FileType, jpegType, pdfType, pngType } from './file-types'

/** A kind of file people upload: the types it may be (each recognised by its content) and its largest size. */
export interface UploadKind {
  types: readonly FileType[]
  maxBytes: number
  /** What to answer when the content is none of `types`. */
  refusal: ErrorCode
  /** What to answer when the file is over `maxBytes`; `refusal` when unset. */
  tooLarge?: ErrorCode
  /** How long its upload form works; an hour when unset. */
  formSeconds?: number
}

/** A document a citizen hands in (KTP, KK, pas foto, ...): a scan as PDF, or a photo as JPEG or PNG, ≤ 5 MB. */
export const citizenDocumentUpload = {
  types: [pdfType, jpegType, pngType],
  maxBytes: 5 * 1024 * 1024,
  refusal: 'file_type_not_accepted',
  tooLarge: 'file_too_large',
  // In AWS the form is signed with the tenant role's credentials, which always have over 40 minutes left
  // (functions/s3-file-store.ts): a form may not outlive what signed it.
  formSeconds: 30 * 60,
} as const satisfies UploadKind

/**
 * The Content-Type the upload form fixes. A kind of one type fixes that type. A kind of several cannot: the
 * form must work as a plain HTML form with no script, so nothing can read the chosen file and set a hidden
 * field, and S3 keeps the form's `Content-Type` field, not the type the browser gave the file part. So the
 * form fixes the neutral `application/octet-stream` (an exact condition, not `starts-with ""`: nobody can
 * store an upload under a type they chose) and `accept` writes the type its bytes show. Nothing in the upload
 * area is ever served, so the neutral type is never seen.
 */
export const formContentType = (kind: UploadKind) =>
  kind.types.length === 1 && kind.types[0] ? kind.types[0].contentType : 'application/octet-stream'

/** The form that sends a file of this kind straight to the store, to be accepted at `key` afterwards. */
export const uploadFormFor = (files: FileStore, kind: UploadKind, key: string, redirect: string) =>
  files.uploadForm({
    key,
    contentType: formContentType(kind),
    maxBytes: kind.maxBytes,
    redirect,
    expiresInSeconds: kind.formSeconds ?? 3600,
  })

/** An accepted upload: its size and the type its content showed, which the record and downloads use. */
export interface AcceptedUpload extends AcceptedFile {
  type: FileType
}

/**
 * Checks what the form for `key` uploaded and keeps it at `key`, out of the form's reach, as the type its
 * content shows (never the one the browser claimed), so the file the app then records is the file it checked.
 * Refuses with 400 `file_missing`, the kind's `tooLarge` (details: bytes, maxBytes) or its `refusal`.
 */
export const acceptUpload = async (
  files: FileStore,
  kind: UploadKind,
  key: string,
): Promise<AcceptedUpload> => {
  let refused: ApiError | undefined
  let type: FileType | undefined
  const accepted = await files.accept(key, (file) => {
    type = file.bytes > 0 ? detectFileType(file.firstBytes, kind.types) : undefined
    if (file.bytes > kind.maxBytes)
      refused = kind.tooLarge
        ? new ApiError(400, kind.tooLarge, { bytes: file.bytes, maxBytes: kind.maxBytes })
        : new ApiError(400, kind.refusal)
    else if (!type) refused = new ApiError(400, kind.refusal)
    return refused ? undefined : type?.contentType
  })
  if (accepted === 'missing') throw new ApiError(400, 'file_missing')
  // Also when the check passed but the upload changed under it (posted again): what is there now was not checked.
  if (accepted === 'refused' || !type) throw refused ?? new ApiError(400, kind.refusal)
  return { ...accepted, type }
}
