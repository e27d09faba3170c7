import { type IssueRule, issueRules } from '@mpp/core/issue-rules'
import type { FieldIssue } from '@mpp/web/components/form-errors'
import type { Messages } from '@mpp/web/i18n/messages'
import type { z } from 'zod'

export type { FieldIssue }

/** A word of the catalog's `issues`: what a person reads beside a refused field. */
export type IssueWord = keyof Messages['issues']

/**
 * A refused field by rule, before it is worded: zod's issues and the hand-made checks both come to this, and
 * `wordIssue` turns it into the reader's language. `limit` is the schema's bound (300 characters, 12 months).
 */
export interface RuleIssue {
  path: string
  word: IssueWord
  limit?: number
}

const isCoreRule = (message: string): message is IssueRule =>
  (issueRules as readonly string[]).includes(message)

/** The value the client sent at an issue's path, to tell a missing field from a wrong one. */
const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  )

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

const bound = (value: number | bigint) => Number(value)

/**
 * The one mapping from a zod issue to a catalog word, by the issue's kind and the schema's constraint. It
 * reads the rejected input only to tell "missing" from "wrong"; the input never reaches the words.
 */
export const ruleOfIssue = (issue: z.core.$ZodIssue, input?: unknown): RuleIssue => {
  const path = issue.path.map(String).join('.')
  const value = valueAt(input, issue.path)
  const at = (word: IssueWord, limit?: number): RuleIssue =>
    limit === undefined ? { path, word } : { path, word, limit }
  // A field left empty is "required", whatever rule it then fails (a pattern, a phone number).
  const missing = input !== undefined && isEmpty(value)
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return at('required')
      if (issue.expected === 'number' || issue.expected === 'bigint') return at('number')
      if (issue.expected === 'int') return at('wholeNumber')
      if (issue.expected === 'boolean') return at('yesNo')
      if (issue.expected === 'string') return at(value === undefined ? 'required' : 'text')
      return at(value === undefined ? 'required' : 'invalid')
    case 'too_small': {
      const n = bound(issue.minimum)
      if (issue.origin === 'string') return n <= 1 || isEmpty(value) ? at('required') : at('minLength', n)
      if (issue.origin === 'array' || issue.origin === 'set') return at('chooseAtLeast', n)
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? at('aboveNumber', n) : at('minNumber', n)
      return at('invalid')
    }
    case 'too_big': {
      const n = bound(issue.maximum)
      if (issue.origin === 'string') return at('maxLength', n)
      if (issue.origin === 'array' || issue.origin === 'set') return at('atMostItems', n)
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? at('belowNumber', n) : at('maxNumber', n)
      return at('invalid')
    }
    case 'invalid_format':
      if (missing) return at('required')
      if (isCoreRule(issue.message)) return at(issue.message)
      if (issue.format === 'email') return at('email')
      if (issue.format === 'url') return at('url')
      if (issue.format === 'date')
        return at(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'realDate' : 'date')
      if (issue.format === 'time') return at('time')
      return at('format')
    case 'invalid_value':
      if (issue.values.length === 1 && issue.values[0] === true) return at('mustTick')
      return at(missing ? 'required' : 'chooseOption')
    case 'not_multiple_of':
      return at('multipleOf', bound(issue.divisor))
    case 'unrecognized_keys':
      return at('unknownField') // one per key: see rulesOfIssue
    case 'custom':
      if (!isCoreRule(issue.message)) return at(missing ? 'required' : 'invalid')
      return at(missing && issue.message !== 'nameUnlessAnonymous' ? 'required' : issue.message)
    default:
      return at('invalid')
  }
}

/** Every refused field of an issue: an unknown key is named by its own path, one issue per key. */
export const rulesOfIssue = (issue: z.core.$ZodIssue, input?: unknown): RuleIssue[] =>
  issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join('.'), word: 'unknownField' }))
    : [ruleOfIssue(issue, input)]

/** A rule issue in the reader's words: `{ path, message }`. */
export const wordIssue = (issue: RuleIssue, m: Messages): FieldIssue => {
  const word = m.issues[issue.word]
  return { path: issue.path, message: typeof word === 'function' ? word(issue.limit ?? 0) : word }
}

export const isRuleIssue = (value: unknown): value is RuleIssue =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RuleIssue).path === 'string' &&
  typeof (value as RuleIssue).word === 'string'

/**
 * An error's details as a client reads them: rule issues (from checks that run without the request's
 * language, such as a report's period) worded in `m`, anything else as it is.
 */
export const wordDetails = (details: unknown, m: Messages): unknown =>
  Array.isArray(details) ? details.map((d) => (isRuleIssue(d) ? wordIssue(d, m) : d)) : details
