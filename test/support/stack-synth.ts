import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildWebAssets } from '@mpp/web/build-assets'
import { App, type Stack } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { AwsSolutionsChecks } from 'cdk-nag'
import { expect } from 'vitest'
import type { CustomDomain } from '../../infra/mpp-stack'
import { buildStacks, type MppStacksProps } from '../../infra/stacks'

// Bundling the Lambda takes seconds; each variant is synthesised once and shared by its tests.
export const synthTimeout = 120_000

export type SynthProps = Partial<Omit<MppStacksProps, 'account' | 'assetsDir'>> & { domain?: CustomDomain }

/**
 * Both stacks as infra/app.ts builds them, with the feature flags `cdk synth` runs with (cdk.json), so the
 * tests see the template the CLI would deploy. `setUp` builds the web assets once into a temporary directory
 * that `tearDown` removes; call them from beforeAll and afterAll.
 */
export const stackSynthesiser = () => {
  let workDir = ''
  let assetsDir = ''
  let context: Record<string, unknown> = {}
  return {
    /** The built web assets the stacks deploy. */
    get assetsDir() {
      return assetsDir
    },
    setUp: async () => {
      workDir = await mkdtemp(join(tmpdir(), 'mpp-infra-'))
      assetsDir = (await buildWebAssets(join(workDir, 'static'))).outDir
      context = JSON.parse(await readFile(new URL('../../cdk.json', import.meta.url), 'utf8')).context
    },
    tearDown: async () => {
      if (workDir) await rm(workDir, { recursive: true, force: true })
    },
    /** The platform's stack (`stack`) and the edge's in us-east-1, with their templates. */
    synth: (name: string, props: SynthProps = {}) => {
      const app = new App({ context, outdir: join(workDir, name) })
      const { main, edge } = buildStacks(app, {
        ...props,
        account: '111111111111',
        region: props.region ?? 'ap-southeast-3',
        assetsDir,
      })
      return { stack: main, template: Template.fromStack(main), edge, edgeTemplate: Template.fromStack(edge) }
    },
  }
}

/** The app's function whose description starts with `MPP Cloud <name>` (http, an audience's, or jobs). */
export const appFunction = (template: Template, name: 'http' | 'citizen' | 'staff' | 'platform' | 'jobs') => {
  const handlers = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Description: Match.stringLikeRegexp(`^MPP Cloud ${name}:`) },
    }),
  )
  expect(handlers).toHaveLength(1)
  return handlers[0]?.Properties
}

/** The logical id of the one resource of `type` (whose properties match `properties`, if given). */
export const onlyResourceId = (
  template: Template,
  type: string,
  properties?: Record<string, unknown>,
): string => {
  const ids = Object.keys(template.findResources(type, properties && { Properties: properties }))
  expect(ids).toHaveLength(1)
  return ids[0] as string
}

/** cdk-nag 3 runs as a policy-validation plugin at synthesis; here it runs over the stack directly. */
export const nagViolations = (stack: Stack) =>
  new AwsSolutionsChecks(undefined, { verbose: true })
    .validateScope(stack)
    .violations.map(
      (violation) =>
        `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
    )

export type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, unknown> }
export const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action])

/** The statements of the policies of the role `roleId`: inline ones and those attached to it. */
export const roleStatements = (template: Template, roleId: string): Statement[] => {
  const role = template.toJSON().Resources[roleId]
  const inline = (role.Properties.Policies ?? []).flatMap(
    (p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement,
  )
  const attached = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
  ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
  return [...inline, ...attached]
}
