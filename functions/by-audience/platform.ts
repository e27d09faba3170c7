// First: stack traces read the source maps only when one is formatted.
import '../lazy-source-maps'
import { createAppOf } from '@mpp/api/app-of-groups'
import { platformGroups } from '@mpp/api/audiences/platform'
import { httpHandler } from '../http-handler'

/** The platform host: the ministry's console and statistics, applications (packages/api/src/audiences/platform.ts). */
export const handler = httpHandler((deps) => createAppOf(deps, platformGroups), 'mpp-cloud-platform')
