import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { App, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import type { CustomDomain } from './mpp-stack'
import { buildStacks } from './stacks'

const app = new App()

const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key)
  return typeof value === 'string' && value !== '' ? value : undefined
}

const customDomain = (): CustomDomain | undefined => {
  const rootDomain = context('rootDomain')
  const certificateArn = context('certificateArn')
  const hostedZoneId = context('hostedZoneId')
  // In the stack's region, covering origin.{rootDomain}: CloudFront's origin instead of the execute-api host.
  const originCertificateArn = context('originCertificateArn')
  if (rootDomain && certificateArn && hostedZoneId)
    return { rootDomain, certificateArn, hostedZoneId, ...(originCertificateArn && { originCertificateArn }) }
  // Half a domain set-up is a typo, not a wish to deploy without one.
  if (rootDomain || certificateArn || hostedZoneId)
    throw new Error('give all of rootDomain, certificateArn and hostedZoneId (-c key=value), or none')
  if (originCertificateArn)
    throw new Error(
      'originCertificateArn is for origin.{rootDomain}: give rootDomain, certificateArn and hostedZoneId too',
    )
  return undefined
}

const assetsDir = context('assetsDir') ?? fileURLToPath(new URL('../dist/web/static', import.meta.url))
if (!existsSync(assetsDir))
  throw new Error(`${assetsDir} does not exist: run \`npx tsx web/build-assets.ts\` first`)

// Jakarta unless told otherwise: public-service data stays in Indonesia. Not CDK_DEFAULT_REGION, which the
// CLI fills with us-east-1 when no AWS profile is configured. The edge stack goes to us-east-1 whatever this says.
buildStacks(app, {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: context('region') ?? 'ap-southeast-3',
  assetsDir,
  domain: customDomain(),
  mailFrom: context('mailFrom'),
  alarmEmail: context('alarmEmail'),
})

// cdk-nag 3 is a policy-validation plugin: any unacknowledged finding fails `cdk synth`.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }))
