import { purposeSigner } from '@mpp/api/auth/purpose-key'

/** What a signature lets someone do: post one upload form, or fetch one file. */
export type SignaturePurpose = 'upload' | 'download'

/**
 * Signs and checks the local file store's forms and links with a key derived for one purpose (HKDF), so the
 * secret handed in signs nothing itself and a signature made for one purpose is never valid for another.
 * The parts are signed as a JSON array: a part holding a newline cannot pass for two parts.
 */
export const fileSigner = (secret: string, purpose: SignaturePurpose) => {
  const signer = purposeSigner(secret, 'mpp-local-file-store', `file ${purpose}`)
  return {
    sign: (parts: string[]) => signer.sign(JSON.stringify(parts)),
    valid: (parts: string[], signature: string) => signer.valid(JSON.stringify(parts), signature),
  }
}

/** An expiry `seconds` from `now`, in whole seconds since the epoch, as S3 policies count. */
export const expiryAfter = (now: Date, seconds: number) => String(Math.floor(now.getTime() / 1000) + seconds)

/**
 * True while a signed expiry has not passed at `now`. Only digits count: a missing or garbage value (whose
 * `Number` is NaN, and `NaN < now` is false) must never read as "not expired".
 */
export const unexpired = (expires: string, now: Date) =>
  /^\d{1,12}$/.test(expires) && Number(expires) * 1000 >= now.getTime()
