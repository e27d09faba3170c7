import { defineConfig } from 'vitest/config'

// Node 20 here, 22 in Lambda: the SDK's notice about Node 20 is known and only clutters test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.{ts,tsx}',
      'test/infra/**/*.test.ts',
    ],
    globalSetup: ['test/support/dynamodb-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
