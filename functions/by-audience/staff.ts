// First: stack traces read the source maps only when one is formatted.
import '../lazy-source-maps'
import { createAppOf } from '@mpp/api/app-of-groups'
import { staffGroups } from '@mpp/api/audiences/staff'
import { httpHandler } from '../http-handler'

/** An MPP's staff: counter consoles, kiosks, the board, the admin pages (packages/api/src/audiences/staff.ts). */
export const handler = httpHandler((deps) => createAppOf(deps, staffGroups), 'mpp-cloud-staff')
