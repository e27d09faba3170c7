/**
 * A link that carries a secret: a path segment of 20 or more URL-safe characters (the app's tokens are 32,
 * application ids 36). Recognised by shape, so a new mail with a secret link is covered without a list.
 */
const secretLink = /https?:\/\/[^\s/]+(?:\/[^\s/]*)*\/[\w-]{20,}(?:[/?#]\S*)?/g

/** A complaint's tracking code as mailed (`KX7P-M2QD-9R`): whoever holds it reads the complaint and replies. */
const trackingCode = /\b[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}\b/g

/** A one-time code on a line of its own, as a citizen's sign-in mail carries it. */
const oneTimeCode = /^([ \t]*)\d{6}[ \t]*$/gm

/**
 * The mail as another role may read it: every secret link, complaint tracking code and sign-in code replaced by `hidden`.
 * Invites, confirmation and revision links and a complaint's code are for their recipient only; whoever reads
 * the outbox (the ministry) must not be able to use them.
 */
export const hideSecretLinks = (text: string, hidden: string) =>
  text.replace(secretLink, hidden).replace(trackingCode, hidden).replace(oneTimeCode, `$1${hidden}`)

/**
 * A notification as the MPP's admin reads it: a citizen's sign-in code hidden, so no staff member can sign in
 * as a citizen by asking a code for their number and reading it here (the sender reads the outbox from the
 * table). A booking's phone code stays: it proves a number for one booking, not an account.
 */
export const hideSignInCode = <M extends { kind: string; text: string }>(message: M, hidden: string): M =>
  message.kind === 'sign_in_code' ? { ...message, text: message.text.replace(/\b\d{6}\b/g, hidden) } : message
