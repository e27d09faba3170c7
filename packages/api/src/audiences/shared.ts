import { authPages } from '../pages/auth-pages'
import { invitePages } from '../pages/invite-pages'
import type { RouteGroup } from '../route-group'
import { authApi } from '../routes/auth-api'
import { inviteApi } from '../routes/invite-api'
import { liveApi } from '../routes/live-api'

/** What every kind of user reaches on either host: login, invites, the live-updates token. */
export const sharedGroups: RouteGroup[] = [
  { order: 1, name: 'authApi', routes: ({ deps }) => authApi(deps) },
  { order: 13, name: 'inviteApi', routes: ({ deps }) => inviteApi(deps) },
  { order: 18, name: 'liveApi', routes: ({ queue }) => liveApi(queue) },
  { order: 21, name: 'authPages', routes: ({ deps }) => authPages(deps) },
  { order: 37, name: 'invitePages', routes: ({ deps }) => invitePages(deps) },
]
