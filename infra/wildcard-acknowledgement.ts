import { Stack, Validations } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'

/** cdk-nag's spelling of a resource in an IAM5 finding: `${X}`, `Ref` and `GetAtt` become `<X>`, `<Id.Attr>`. */
const flatten = (value: unknown): string => {
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>')
  const node = value as Record<string, unknown>
  if (node['Fn::Join']) {
    const [delimiter, parts] = node['Fn::Join'] as [string, unknown[]]
    return parts.map(flatten).join(delimiter)
  }
  if (node['Fn::Sub']) return flatten(node['Fn::Sub'])
  if (node['Fn::GetAtt']) {
    const [id, attribute] = node['Fn::GetAtt'] as [string, string]
    return `<${id}.${attribute}>`
  }
  if (node.Ref) return `<${flatten(node.Ref)}>`
  return JSON.stringify(value)
}

/**
 * Acknowledges exactly these wildcard actions and resources (AwsSolutions-IAM5) on `scope`, one finding each,
 * so a wildcard added later is still reported.
 */
export const acknowledgeWildcards = (
  scope: IConstruct,
  reason: string,
  wildcards: { actions: string[]; resources: string[] },
): void => {
  const stack = Stack.of(scope)
  const findings = [
    ...wildcards.actions.map((action) => `Action::${action}`),
    ...wildcards.resources.map((arn) => `Resource::${flatten(stack.resolve(arn))}`),
  ]
  Validations.of(scope).acknowledge(
    ...findings.map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason })),
  )
}
