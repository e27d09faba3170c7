// First: stack traces read the source maps only when one is formatted.
import './lazy-source-maps'
import { createApp } from '@mpp/api/app'
import { httpHandler } from './http-handler'

/**
 * The whole app: every path no audience's function answers (login, invites, the live token, the OpenAPI
 * document), and every route locally and in the tests' Lambda events.
 */
export const handler = httpHandler(createApp, 'mpp-cloud-http')
