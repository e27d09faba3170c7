/**
 * What a log line must never hold, removed as the line is written: passwords, secrets and tokens (by the
 * field's name, and by shape anywhere in a text: signed session tokens, the secret segment of a link, a
 * complaint's tracking code, a presigned URL's signature) and full phone numbers (only the last three digits
 * stay, enough to tell two apart in a support case). Logs are kept a year and read by whoever runs the
 * platform; none of these may outlive the minute they were useful in.
 */

export const redacted = '[redacted]'

/** Fields whose value is a secret whatever it looks like. */
const secretField = /pass(word|wd)?|secret|token|cookie|authorization|signature|credential|otp|phone.?code/i

const replacements: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // A signed token (JWT: header.payload.signature, the header always starts `{"` = `eyJ`).
  [/\beyJ[\w-]{5,}\.[\w-]+\.[\w-]*/g, () => redacted],
  // A link's secret: a path segment of 20 or more URL-safe characters (ticket and booking secrets are 22,
  // invite and confirmation tokens 32; application ids, 36, go too).
  [/(?<=\/)[\w-]{20,}(?=[/?#\s"'<>]|$)/g, () => redacted],
  // A complaint's tracking code is the only key to it: whatever follows /pengaduan/ or /complaints/.
  [/(?<=\/(?:pengaduan|complaints)\/)[^/?#\s"'<>]+/g, () => redacted],
  // Presigned URLs and signed links carry their signature and credentials in the query.
  [
    /([?&](?:token|signature|sig|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&#\s"'<>]*/gi,
    (_, name: string) => `${name}${redacted}`,
  ],
  // An Indonesian mobile number (08..., 628..., +62 8...), however written: all but its last three digits.
  [
    /(?<![\w+])(?:\+?62[\s-]?|0)8(?:[\s-]?\d){7,12}(?!\d)/g,
    (phone) => `[phone …${phone.replace(/\D/g, '').slice(-3)}]`,
  ],
]

/** `text` with every secret and phone number it holds replaced. */
export const redactText = (text: string): string =>
  replacements.reduce((out, [pattern, replace]) => out.replace(pattern, replace as never), text)

/**
 * Powertools Logger's `jsonReplacerFn`: called for every key and value of a line (error messages and stacks
 * included) before it is serialised. Child loggers inherit it.
 */
export const redactLogValue = (key: string, value: unknown): unknown => {
  if (key !== '' && secretField.test(key) && value !== undefined && value !== null && value !== '')
    return redacted
  return typeof value === 'string' ? redactText(value) : value
}
