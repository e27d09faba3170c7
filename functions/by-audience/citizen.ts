// First: stack traces read the source maps only when one is formatted.
import '../lazy-source-maps'
import { createAppOf } from '@mpp/api/app-of-groups'
import { citizenGroups } from '@mpp/api/audiences/citizen'
import { httpHandler } from '../http-handler'

/** The public: an MPP's citizen site and the platform's landing page (packages/api/src/audiences/citizen.ts). */
export const handler = httpHandler((deps) => createAppOf(deps, citizenGroups), 'mpp-cloud-citizen')
