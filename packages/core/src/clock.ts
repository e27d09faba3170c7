/**
 * The machine's clock. This is the only module that reads it: the Lambda entries, `npm start` and the browser
 * scripts take their time from here and hand it on as an injected `Clock`; tests hand in their own. So a rule
 * that depends on time (session expiry, business days, deadlines, rate-limit windows, signed links, TTLs)
 * behaves the same whatever the date the machine says, and `test/unit/wall-clock.test.ts` keeps it that way.
 */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()
