import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { Schedule } from 'aws-cdk-lib/aws-events'
import { Construct } from 'constructs'

/** What AWS Backup keeps of the table, beside point-in-time recovery's 35 days. */
export const tableBackups = {
  /** Every night, kept as long as point-in-time recovery reaches, so a restore never depends on PITR alone. */
  dailyKeptDays: 35,
  /** Once a month (the 2nd, 02:30 WIB: the month's last day closed everywhere), kept a year. */
  monthlyKeptDays: 365,
} as const

/**
 * AWS Backup of the one table, in the stack's own region (no copy elsewhere: the data stays in Indonesia
 * unless the stack is deployed elsewhere). The vault and its recovery points outlive the stack.
 */
export class TableBackup extends Construct {
  readonly vault: BackupVault
  readonly plan: BackupPlan

  constructor(scope: Construct, id: string, props: { table: ITable }) {
    super(scope, id)
    this.vault = new BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN })
    this.plan = new BackupPlan(this, 'Plan', { backupVault: this.vault })
    // 02:00 WIB (19:00 UTC), when every MPP in the four time zones is closed and its day already closed.
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: Schedule.cron({ hour: '19', minute: '0' }),
        deleteAfter: Duration.days(tableBackups.dailyKeptDays),
      }),
    )
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Monthly',
        scheduleExpression: Schedule.cron({ day: '1', hour: '19', minute: '30' }),
        deleteAfter: Duration.days(tableBackups.monthlyKeptDays),
      }),
    )
    const selection = this.plan.addSelection('Table', {
      resources: [BackupResource.fromDynamoDbTable(props.table)],
    })
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service-role policy (AWSBackupServiceRolePolicyForBackup): AWS keeps it in step with what Backup needs to back up a DynamoDB table.",
    })
  }
}
