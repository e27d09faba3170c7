import { Match, type Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appFunction,
  nagViolations,
  onlyResourceId,
  stackSynthesiser,
  synthTimeout,
} from '../support/stack-synth'

// IAM's policy variable, spelled as it appears in the template.
const tagged = '$' + '{aws:PrincipalTag/tenant}'

const stacks = stackSynthesiser()
let template: Template
let violations: string[]

beforeAll(async () => {
  await stacks.setUp()
  const synthesised = stacks.synth('tenant-role')
  template = synthesised.template
  violations = nagViolations(synthesised.stack)
}, synthTimeout)
afterAll(() => stacks.tearDown())

interface Statement {
  Action: string | string[]
  Effect: string
  Resource?: unknown
  Condition?: Record<string, Record<string, unknown>>
  Principal?: unknown
}

const tenantRole = () => {
  const roles = template.findResources('AWS::IAM::Role', {
    Properties: { Description: Match.stringLikeRegexp("^One tenant's requests") },
  })
  expect(Object.keys(roles)).toHaveLength(1)
  const [id, role] = Object.entries(roles)[0] as [string, { Properties: Record<string, unknown> }]
  return { id, properties: role.Properties }
}

/** The statements of one of the role's inline policies: `tenant` (the table) or `files` (the bucket). */
const policyOf = (properties: Record<string, unknown>, name: string): Statement[] =>
  (properties.Policies as { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[])
    .filter((policy) => policy.PolicyName === name)
    .flatMap((policy) => policy.PolicyDocument.Statement)

const tableStatements = (properties: Record<string, unknown>) => policyOf(properties, 'tenant')

describe("the tenant role (a tenant host's credentials)", () => {
  it('may touch only keys that lead with T#{its session tag}, and the nation’s roll-ups', () => {
    const statements = tableStatements(tenantRole().properties)
    expect(statements).toHaveLength(1)
    const [statement] = statements as [Statement]
    expect(statement.Effect).toBe('Allow')
    expect(statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual([
      `T#${tagged}`,
      `T#${tagged}#*`,
      'P#NATIONAL',
    ])
    expect(statement.Condition?.Null?.['dynamodb:LeadingKeys']).toBe('false')
  })

  it('has no wildcard action, no Scan, and names the table and its index, not table/*', () => {
    const [statement] = tableStatements(tenantRole().properties) as [Statement]
    const actions = [statement.Action].flat()
    expect(actions.every((action) => action.startsWith('dynamodb:') && !action.includes('*'))).toBe(true)
    expect(actions).not.toContain('dynamodb:Scan')
    expect(JSON.stringify(statement.Resource)).not.toContain('*')
    expect(JSON.stringify(statement.Resource)).toContain('/index/gsi1')
  })

  it('reaches in the files bucket only its own tenants/{tag}/ and incoming/tenants/{tag}/, writing kept files only as copies', () => {
    const { properties } = tenantRole()
    expect((properties.Policies as { PolicyName: string }[]).map((p) => p.PolicyName).sort()).toEqual([
      'files',
      'tenant',
    ])
    const [bucketId] = Object.keys(
      template.findResources('AWS::S3::Bucket', {
        Properties: { LoggingConfiguration: { LogFilePrefix: 'files/' } },
      }),
    )
    const objects = (prefix: string) => ({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${prefix}/*`]],
    })
    const copiedFrom = (prefix: string) => ({ 'Fn::Join': ['', [{ Ref: bucketId }, `/${prefix}/*`]] })
    expect(policyOf(properties, 'files')).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
        Resource: objects(`incoming/tenants/${tagged}`),
      },
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: objects(`tenants/${tagged}`),
        Condition: {
          StringLike: {
            's3:x-amz-copy-source': [
              copiedFrom(`incoming/tenants/${tagged}`),
              copiedFrom(`tenants/${tagged}`),
            ],
          },
        },
      },
      {
        Effect: 'Allow',
        Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetObject'],
        Resource: objects(`tenants/${tagged}`),
      },
      {
        Effect: 'Allow',
        Action: 's3:ListBucketVersions',
        Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        Condition: { StringLike: { 's3:prefix': `tenants/${tagged}/*` } },
      },
    ])
  })

  it('is assumed only by the http function’s role, with exactly one tag: a regency code', () => {
    const trust = tenantRole().properties.AssumeRolePolicyDocument as { Statement: Statement[] }
    expect(trust.Statement).toHaveLength(1)
    const [statement] = trust.Statement as [Statement]
    expect([statement.Action].flat().sort()).toEqual(['sts:AssumeRole', 'sts:TagSession'])
    const httpRole = appFunction(template, 'http').Role['Fn::GetAtt'][0]
    expect(JSON.stringify(statement.Principal)).toContain(httpRole)
    expect(statement.Condition?.StringLike?.['aws:RequestTag/tenant']).toBe('??.??')
    expect(statement.Condition?.['ForAllValues:StringEquals']?.['aws:TagKeys']).toEqual(['tenant'])
  })

  it('is handed to the http function, whose role may assume it with a session tag', () => {
    const { id } = tenantRole()
    const http = appFunction(template, 'http')
    expect(http.Environment.Variables.TENANT_ROLE_ARN).toEqual({ 'Fn::GetAtt': [id, 'Arn'] })
    const grants = template.findResources('AWS::IAM::Policy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: ['sts:AssumeRole', 'sts:TagSession'],
              Resource: { 'Fn::GetAtt': [id, 'Arn'] },
            }),
          ]),
        },
        Roles: [{ Ref: http.Role['Fn::GetAtt'][0] }],
      },
    })
    expect(Object.keys(grants)).toHaveLength(1)
    // The jobs (every tenant's day close) keep their own role and never assume a tenant's.
    expect(appFunction(template, 'jobs').Environment.Variables.TENANT_ROLE_ARN).toBeUndefined()
    expect(
      onlyResourceId(template, 'AWS::IAM::Role', { Description: Match.stringLikeRegexp("^One tenant's") }),
    ).toBe(id)
  })

  it('leaves cdk-nag clean', () => {
    expect(violations).toEqual([])
  })
})
