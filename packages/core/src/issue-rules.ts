/**
 * The rules the schemas check beyond zod's own checks. A schema gives the rule's name as its issue message;
 * the API words it for the reader in Indonesian or English (`packages/api/src/issue-messages.ts`, catalog
 * `issues`), so no schema text ever reaches a person.
 */
export const issueRules = [
  'slug',
  'reservedSubdomain',
  'time',
  'openBeforeClose',
  'hoursInOrder',
  'phone',
  'queuePrefix',
  'regionCode',
  'colour',
  'trackingCode',
  'laporReference',
  'anonymousNoContact',
  'nameUnlessAnonymous',
  'bookingCode',
  'sixDigits',
  'realDate',
  'endAfterStart',
  'month',
  'nikDigits',
  'nikRegency',
  'nikDistrict',
  'nikBirthDate',
  'nikSerial',
  'emailOrPhone',
  'choiceOptions',
  'duplicate',
  'formEmpty',
  'number',
] as const
export type IssueRule = (typeof issueRules)[number]

/** The rule's name as a schema's issue message, checked against the list above. */
export const rule = (name: IssueRule): IssueRule => name
