import { platformPartitionsForTenants } from '@mpp/db/table-definition'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { ArnPrincipal, type IRole, PolicyDocument, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { acknowledgeWildcards } from '../wildcard-acknowledgement'
import { tableActions } from './app-function'
import { uploadGrants } from './files'

/** The session tag the http function sets when it assumes the role (functions/tenant-credentials.ts). */
const tag = 'tenant'
const tenant = `\${aws:PrincipalTag/${tag}}`

export interface TenantRoleProps {
  table: ITable
  indexArns: string[]
  /** The roles of the functions that serve tenant hosts and assume this role, per tenant, with the tag. */
  assumedBy: IRole[]
  /** Uploaded files, where a tenant's live under `tenants/{tenant}/` and their uploads under `incoming/tenants/{tenant}/`. */
  filesBucket: IBucket
}

/**
 * A tenant's rights in the files bucket, only under its own prefixes (packages/api/src/files/file-keys.ts),
 * with the same rule as the platform's files (`uploadGrants`): a form writes only to the upload area, and a
 * kept file is written only as a copy, of the tenant's upload or of another of its kept files (a service
 * request's own copy of a kept document). A kept file may be downloaded, copied and deleted with every past
 * version, which takes listing the versions of its own keys, and no other listing.
 */
const tenantFileGrants = (bucket: IBucket) => {
  const grants = uploadGrants(bucket, {
    kept: `tenants/${tenant}`,
    keptActions: ['s3:GetObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
    copiesBetweenKept: true,
  })
  const listVersions = new PolicyStatement({
    actions: ['s3:ListBucketVersions'],
    resources: [bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': `tenants/${tenant}/*` } },
  })
  return { statements: [...grants.statements, listVersions], wildcards: grants.wildcards }
}

/**
 * The credentials of a request on a tenant's host: the table's item actions, only on keys whose partition is
 * `T#{tenant}` or `T#{tenant}#...` (and the nation's roll-ups), where `{tenant}` is the session tag the
 * caller set. On a gsi1 Query, LeadingKeys is the index's partition key, so a tenant may query its own index
 * partitions (`T#{tenant}#CP#OPEN`) and no other: the ministry's cross-tenant index reads (`MONTH#`, `DAY#`,
 * `DIRECTORY`, `APPS#`) stay with the function's own role, used on the platform host and by the jobs.
 * In the files bucket, likewise, only `tenants/{tenant}/` and `incoming/tenants/{tenant}/` (`tenantFileGrants`).
 */
export class TenantRole extends Construct {
  readonly role: Role

  constructor(scope: Construct, id: string, props: TenantRoleProps) {
    super(scope, id)
    const [first, ...others] = props.assumedBy
    if (!first) throw new Error('the tenant role needs a function to assume it')
    const files = tenantFileGrants(props.filesBucket)
    const trust = (role: IRole) =>
      new ArnPrincipal(role.roleArn).withSessionTags().withConditions({
        // A regency code (16.73) and nothing else as the only tag: no session without a tenant.
        StringLike: { [`aws:RequestTag/${tag}`]: '??.??' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [tag] },
      })
    this.role = new Role(this, 'Role', {
      description: "One tenant's requests: only that tenant's keys in the table, by its session tag",
      assumedBy: trust(first),
      inlinePolicies: {
        tenant: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: tableActions,
              resources: [props.table.tableArn, ...props.indexArns],
              conditions: {
                'ForAllValues:StringLike': {
                  'dynamodb:LeadingKeys': [`T#${tenant}`, `T#${tenant}#*`, ...platformPartitionsForTenants],
                },
                // ForAllValues holds vacuously for a request without keys; require them.
                Null: { 'dynamodb:LeadingKeys': 'false' },
              },
            }),
          ],
        }),
        files: new PolicyDocument({ statements: files.statements }),
      },
    })
    acknowledgeWildcards(
      this.role,
      "A tenant's files are tenants/<tenant>/<kind>/<id>/... and their uploads incoming/tenants/<tenant>/...: the app picks every key within the tenant's prefix, and the browser only gets a presigned form or link for one of them.",
      { actions: [], resources: files.wildcards },
    )
    for (const role of others)
      if (this.role.assumeRolePolicy) trust(role).addToAssumeRolePolicy(this.role.assumeRolePolicy)
    for (const role of props.assumedBy) this.role.grant(role, 'sts:AssumeRole', 'sts:TagSession')
  }
}
