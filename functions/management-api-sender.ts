import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi'
import type { LiveSender } from '@mpp/api/live/fanout'
import { boundedRequests } from './bounded-requests'

const gone = (error: unknown) =>
  error instanceof GoneException ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410

/**
 * The fan-out's sender in AWS: PostToConnection on the WebSocket API's stage (`endpoint` is its
 * `https://{api}.execute-api.{region}.amazonaws.com/{stage}` callback URL). A connection API Gateway no longer
 * knows (410 Gone) is `gone`, and the fan-out prunes its record; any other failure is thrown, after the SDK's
 * retries, so the batch is tried again. Bounded like every other AWS client: a stuck stage costs a batch a
 * retry, never the function's whole timeout.
 */
export const managementApiSender = (endpoint: string): LiveSender => {
  const client = new ApiGatewayManagementApiClient({
    endpoint,
    maxAttempts: 3,
    requestHandler: boundedRequests(1000, 3000),
  })
  return {
    async send(connectionId, message) {
      try {
        await client.send(
          new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(message) }),
        )
        return 'sent'
      } catch (error) {
        if (gone(error)) return 'gone'
        throw error
      }
    },
  }
}
