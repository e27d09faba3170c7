import { bundleLambda } from '../../infra/lambda-bundling'

/** Builds a function exactly as the CDK stack bundles it and reports its size. */
export const bundleFunction = bundleLambda
