import { z } from '@hono/zod-openapi'
import { entityId, service } from '@mpp/core/catalog'
import { documentKind } from '@mpp/core/document-kind'
import { serviceOnlineForm, serviceOnlineFormInput } from '@mpp/core/service-online-form'
import { listDocumentKinds } from '@mpp/db/document-kind-repository'
import {
  createDocumentKind,
  documentKindInput,
  documentKindUpdate,
  updateDocumentKind,
} from '../admin/document-kinds'
import { getOnlineSetup, setServiceOnlineForm } from '../admin/service-online-form'
import type { AppDeps } from '../app-env'
import { errorResponse } from '../errors'
import { tenantOf } from '../middleware/require-site'
import { createRouter } from '../validation'
import { adminErrors, adminRoute, body, json } from './admin-route'

const kindOut = documentKind.meta({ id: 'DocumentKind' })
const formOut = serviceOnlineForm.meta({ id: 'ServiceOnlineForm' })
const kindParam = z.object({ kindId: entityId })
const serviceParam = z.object({ serviceId: entityId })

const listKindsRoute = adminRoute({
  method: 'get',
  path: '/api/admin/document-kinds',
  operationId: 'listDocumentKinds',
  summary:
    "The MPP's document kinds: the defaults (KTP, KK, pas foto, NPWP, akta, surat pengantar, ...) as the MPP changed them, then its own",
  responses: { 200: json(z.object({ kinds: z.array(kindOut) }), 'Document kinds'), ...adminErrors },
})

const createKindRoute = adminRoute({
  method: 'post',
  path: '/api/admin/document-kinds',
  operationId: 'createDocumentKind',
  summary: 'Add a document kind, named in Indonesian and English; without an id one is made from the name',
  request: { body: body(documentKindInput.meta({ id: 'DocumentKindInput' })) },
  responses: {
    201: json(kindOut, 'Created'),
    400: errorResponse('Invalid'),
    ...adminErrors,
    409: errorResponse('The id is taken'),
  },
})

const updateKindRoute = adminRoute({
  method: 'put',
  path: '/api/admin/document-kinds/{kindId}',
  operationId: 'updateDocumentKind',
  summary: 'Rename a document kind, or retire it (no longer offered for forms) and bring it back',
  request: { params: kindParam, body: body(documentKindUpdate.meta({ id: 'DocumentKindUpdate' })) },
  responses: {
    200: json(kindOut, 'Saved'),
    400: errorResponse('Invalid'),
    ...adminErrors,
    404: errorResponse('No such document kind'),
  },
})

const getFormRoute = adminRoute({
  method: 'get',
  path: '/api/admin/services/{serviceId}/online-form',
  operationId: 'getServiceOnlineForm',
  summary:
    "A service's online form, if any, and what its standard suggests: document kinds its requirements name, the working days its completion time states",
  request: { params: serviceParam },
  responses: {
    200: json(
      z
        .object({
          service: service.pick({ id: true, name: true, requirements: true, completionTime: true }),
          form: formOut.nullable(),
          suggestions: z.object({
            documents: z.array(z.object({ kindId: entityId, requirement: z.string() })),
            completionDays: z.int().optional(),
          }),
        })
        .meta({ id: 'ServiceOnlineSetup' }),
      'The form (null before the first) and the suggestions, which nothing applies by itself',
    ),
    400: errorResponse('Invalid id'),
    ...adminErrors,
    404: errorResponse('No such service'),
  },
})

const setFormRoute = adminRoute({
  method: 'put',
  path: '/api/admin/services/{serviceId}/online-form',
  operationId: 'setServiceOnlineForm',
  summary:
    'Open a service for online application (or close it, keeping the form): its fields, required documents and completion time in working days',
  description:
    'Fields are text, number, date, choice (two options at least, each in Indonesian and English) or nik (checked as a NIK); a field without an id gets one from its Indonesian label. Each document is an active kind of listDocumentKinds, once.',
  request: {
    params: serviceParam,
    body: body(serviceOnlineFormInput.meta({ id: 'ServiceOnlineFormInput' })),
  },
  responses: {
    200: json(formOut, 'Saved'),
    400: errorResponse('Invalid, or an unknown or retired document kind'),
    ...adminErrors,
    404: errorResponse('No such service'),
  },
})

/** The tenant admin's document kinds and online forms as JSON. */
export const onlineServiceAdminApi = (deps: AppDeps) =>
  createRouter()
    .openapi(listKindsRoute, async (c) =>
      c.json({ kinds: await listDocumentKinds(deps.db, tenantOf(c.var.site).id) }, 200),
    )
    .openapi(createKindRoute, async (c) =>
      c.json(await createDocumentKind(deps.db, tenantOf(c.var.site), c.req.valid('json'), c.var.m), 201),
    )
    .openapi(updateKindRoute, async (c) =>
      c.json(
        await updateDocumentKind(
          deps.db,
          tenantOf(c.var.site),
          c.req.valid('param').kindId,
          c.req.valid('json'),
        ),
        200,
      ),
    )
    .openapi(getFormRoute, async (c) => {
      const setup = await getOnlineSetup(deps.db, tenantOf(c.var.site), c.req.valid('param').serviceId)
      const { id, name, requirements, completionTime } = setup.service
      return c.json(
        {
          service: { id, name, requirements, completionTime },
          form: setup.form ?? null,
          suggestions: setup.suggestions,
        },
        200,
      )
    })
    .openapi(setFormRoute, async (c) =>
      c.json(
        await setServiceOnlineForm(
          deps.db,
          tenantOf(c.var.site),
          c.req.valid('param').serviceId,
          c.req.valid('json'),
        ),
        200,
      ),
    )
