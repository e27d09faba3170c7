/**
 * A link that carries a secret: a path segment of 20 or more URL-safe characters (the app's tokens are 32,
 * application ids 36). Recognised by shape, so a new mail with a secret link is covered without a list.
 */
const secretLink = /https?:\/\/[^\s/]+(?:\/[^\s/]*)*\/[\w-]{20,}(?:[/?#]\S*)?/g

/**
 * The mail as another role may read it: every secret link replaced by `hidden`. Invites, confirmation and
 * revision links are for their recipient only; whoever reads the outbox (the ministry) must not be able to
 * use them.
 */
export const hideSecretLinks = (text: string, hidden: string) => text.replace(secretLink, hidden)
