import { createRoute, z } from '@hono/zod-openapi'
import { isoDate } from '@mpp/core/queue'
import { surveyElements, surveyInput } from '@mpp/core/satisfaction'
import type { AppDeps } from '../app-env'
import { ApiError, errorResponse, tooManyResponse } from '../errors'
import type { RuleIssue } from '../issue-messages'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { periodOf } from '../statistics/period'
import { satisfactionReport } from '../survey/satisfaction-report'
import { submitSurvey } from '../survey/submit-survey'
import { createRouter } from '../validation'

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const submitSurveyRoute = createRoute({
  method: 'post',
  path: '/api/tickets/{key}/{secret}/survey',
  operationId: 'submitSurvey',
  summary:
    'Rate a completed ticket: the nine SKM elements (1-4), an optional profile and comment; once per ticket',
  tags: ['survey'],
  middleware: requireSite('tenant'),
  request: {
    params: z.object({ key: z.string().max(40), secret: z.string().max(64) }),
    body: {
      required: true,
      content: { 'application/json': { schema: surveyInput.meta({ id: 'SurveyInput' }) } },
    },
  },
  responses: {
    201: json(z.object({ ticketKey: z.string(), at: z.string() }), 'Recorded'),
    400: errorResponse('An answer outside 1-4, a missing element, an unknown field'),
    404: errorResponse('No such ticket, or a wrong secret'),
    409: errorResponse('Not completed yet (survey_not_open) or already rated (survey_already_answered)'),
    429: tooManyResponse,
  },
})

const nrr = z.object(
  Object.fromEntries(surveyElements.map((e) => [e, z.number()])) as Record<string, z.ZodNumber>,
)
const satisfaction = z
  .object({
    scope: z.enum(['mpp', 'agency', 'service', 'queue']),
    id: z.string().optional(),
    from: z.string(),
    to: z.string(),
    respondents: z.number().int(),
    served: z.number().int(),
    minimumSample: z.number().int(),
    sampleReached: z.boolean(),
    index: z
      .object({ respondents: z.number().int(), nrr, ikm: z.number(), grade: z.enum(['A', 'B', 'C', 'D']) })
      .optional(),
  })
  .meta({ id: 'Satisfaction' })

const getSatisfactionRoute = createRoute({
  method: 'get',
  path: '/api/satisfaction',
  operationId: 'getSatisfaction',
  summary:
    'The IKM of the MPP, an agency, a service or a queue over a period (at most 366 days; default the year so far)',
  description:
    'NRR per element, IKM = sum(NRR x 1/9) x 25 rounded half up to two decimals, grade A >= 88.31, B >= 76.61, C >= 65.00, else D (on the rounded value), and the Krejcie-Morgan minimum sample for the citizens served in the period.',
  tags: ['survey'],
  middleware: [requireSite('tenant'), requireRole('admin')] as const,
  request: {
    query: z.object({
      from: isoDate
        .optional()
        .meta({ description: 'First day, `2026-01-01`; default 1 January of this year' }),
      to: isoDate.optional().meta({ description: 'Last day, `2026-06-30`; default today' }),
      scope: z.enum(['mpp', 'agency', 'service', 'queue']).default('mpp'),
      id: z.string().max(64).optional(),
    }),
  },
  responses: {
    200: json(satisfaction, 'The index'),
    400: errorResponse('A malformed or over-long period, or a scope without its id'),
    401: errorResponse('No session'),
    403: errorResponse('Not an admin of this MPP'),
    404: errorResponse('No such agency, service or queue'),
  },
})

/** The survey's JSON API: citizens rate a completed ticket; the tenant admin reads the index. */
export const surveyApi = (deps: AppDeps) =>
  createRouter()
    .openapi(submitSurveyRoute, async (c) => {
      const { key, secret } = c.req.valid('param')
      await countPublicWrite(deps, c, 'survey')
      const response = await submitSurvey(deps, tenantOf(c.var.site), key, { secret }, c.req.valid('json'))
      return c.json({ ticketKey: response.ticketKey, at: response.at }, 201)
    })
    .openapi(getSatisfactionRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const { scope, id, ...query } = c.req.valid('query')
      const period = periodOf(query, deps.now(), tenant.timeZone)
      if (scope !== 'mpp' && !id)
        throw new ApiError(400, 'invalid_request', [{ path: 'id', word: 'required' } satisfies RuleIssue])
      const report = await satisfactionReport(deps, tenant, period, { comments: false })
      const rows = { agency: report.agencies, service: report.services, queue: report.queues }
      const found = scope === 'mpp' ? report.overall : rows[scope].find((r) => r.id === id)
      if (!found) throw new ApiError(404, 'not_found')
      const { index, respondents, served, minimumSample, sampleReached } = found
      return c.json(
        {
          scope,
          ...(id && scope !== 'mpp' ? { id } : {}),
          ...period,
          respondents,
          served,
          minimumSample,
          sampleReached,
          ...(index ? { index } : {}),
        },
        200,
      )
    })
