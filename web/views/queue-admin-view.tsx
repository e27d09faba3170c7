import type { TimeZone } from '@mpp/core/business-day'
import type { Agency, Service } from '@mpp/core/catalog'
import { formatDayHours, type WeeklyHours, weekdays } from '@mpp/core/opening-hours'
import type { Counter, Holiday, Queue, QueueSettings } from '@mpp/core/queue'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import { formatInstant } from '../components/local-time'
import type { PageContext } from '../components/page-context'

export interface OutboxLine {
  at: string
  to: string
  text: string
}

/** A form that came back refused: which one, its message, and what was typed, to put back. */
export type Refusal = FormRefusal

interface Props {
  ctx: PageContext
  queues: Queue[]
  counters: Counter[]
  agencies: Agency[]
  services: Service[]
  openingHours: WeeklyHours
  holidays: Holiday[]
  settings: QueueSettings
  outbox: OutboxLine[]
  timeZone: TimeZone
  saved?: boolean
  refusal?: Refusal
}

/** Queues, counters, opening hours, holidays and calling rules of one MPP, as forms that work without script. */
export const QueueAdminPage = (p: Props) => {
  const { ctx } = p
  const t = ctx.m.queueAdmin
  const { refusalOf, value, checked, Alert, errorOf } = refusalHelpers(p.refusal)
  const time = (iso: string) => formatInstant(iso, p.timeZone, ctx.lang)

  const queueForm = (q: Queue | undefined) => {
    const form = q ? `queue:${q.id}` : 'queue:new'
    const prefix = q ? `q-${q.id}` : 'q-new'
    return (
      <form method="post" action="/admin/antrean/antrean" class="form admin-form">
        <Alert form={form} />
        {q ? (
          <input type="hidden" name="id" value={q.id} />
        ) : (
          <Field id={`${prefix}-id`} label={t.id} error={errorOf(form, 'id')}>
            <input id={`${prefix}-id`} name="id" value={value(form, 'id', '')} required />
          </Field>
        )}
        <div class="field-row">
          <Field id={`${prefix}-prefix`} label={t.prefix} error={errorOf(form, 'prefix')}>
            <input
              id={`${prefix}-prefix`}
              name="prefix"
              value={value(form, 'prefix', q?.prefix ?? '')}
              maxlength={2}
              required
            />
          </Field>
          <Field id={`${prefix}-name`} label={t.name} error={errorOf(form, 'name')}>
            <input id={`${prefix}-name`} name="name" value={value(form, 'name', q?.name ?? '')} required />
          </Field>
        </div>
        <div class="field-row">
          <Field id={`${prefix}-capacity`} label={t.capacity} error={errorOf(form, 'dailyCapacity')}>
            <input
              id={`${prefix}-capacity`}
              name="dailyCapacity"
              type="number"
              min={1}
              max={5000}
              value={value(form, 'dailyCapacity', String(q?.dailyCapacity ?? 100))}
              required
            />
          </Field>
          <Field
            id={`${prefix}-online`}
            label={t.onlineShare}
            hint={t.onlineShareHint}
            error={errorOf(form, 'onlineSharePercent')}
          >
            <input
              id={`${prefix}-online`}
              name="onlineSharePercent"
              type="number"
              min={0}
              max={100}
              value={value(form, 'onlineSharePercent', String(q?.onlineSharePercent ?? 50))}
              aria-describedby={`${prefix}-online-hint`}
              required
            />
          </Field>
          <Field id={`${prefix}-floor`} label={t.floor} error={errorOf(form, 'floor')}>
            <input id={`${prefix}-floor`} name="floor" value={value(form, 'floor', q?.floor ?? '')} />
          </Field>
        </div>
        <fieldset>
          <legend>{t.services}</legend>
          {p.agencies.map((a) => (
            <div class="check-group">
              <p class="muted small">{a.name}</p>
              {p.services
                .filter((s) => s.agencyId === a.id)
                .map((s) => (
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      name="serviceIds"
                      value={s.id}
                      checked={checked(form, 'serviceIds', s.id, q?.serviceIds.includes(s.id) ?? false)}
                    />{' '}
                    {s.name}
                  </label>
                ))}
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    )
  }

  const counterForm = (c: Counter | undefined) => {
    const form = c ? `counter:${c.id}` : 'counter:new'
    const prefix = c ? `c-${c.id}` : 'c-new'
    return (
      <form method="post" action="/admin/antrean/loket" class="form admin-form">
        <Alert form={form} />
        {c ? (
          <input type="hidden" name="id" value={c.id} />
        ) : (
          <Field id={`${prefix}-id`} label={t.id} error={errorOf(form, 'id')}>
            <input id={`${prefix}-id`} name="id" value={value(form, 'id', '')} required />
          </Field>
        )}
        <div class="field-row">
          <Field id={`${prefix}-number`} label={t.number} error={errorOf(form, 'number')}>
            <input
              id={`${prefix}-number`}
              name="number"
              type="number"
              min={1}
              max={999}
              value={value(form, 'number', String(c?.number ?? ''))}
              required
            />
          </Field>
          <Field id={`${prefix}-floor`} label={t.floor} error={errorOf(form, 'floor')}>
            <input id={`${prefix}-floor`} name="floor" value={value(form, 'floor', c?.floor ?? '')} />
          </Field>
        </div>
        <fieldset>
          <legend>{t.servesQueues}</legend>
          {p.queues.map((q) => (
            <label class="checkbox">
              <input
                type="checkbox"
                name="queueIds"
                value={q.id}
                checked={checked(form, 'queueIds', q.id, c?.queueIds.includes(q.id) ?? false)}
              />{' '}
              {q.prefix} · {q.name}
            </label>
          ))}
        </fieldset>
        <label class="checkbox">
          <input
            type="checkbox"
            name="active"
            value="yes"
            checked={checked(form, 'active', 'yes', c?.active ?? true)}
          />{' '}
          {t.active}
        </label>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    )
  }

  return (
    <Layout ctx={ctx} title={t.title}>
      <AdminNav m={ctx.m} current="queues" />
      <h1>{t.title}</h1>
      {p.saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}

      <section aria-labelledby="queues">
        <h2 id="queues">{t.queues}</h2>
        <p>{t.queuesLead}</p>
        {p.queues.map((q) => (
          <details class="admin-details" open={refusalOf(`queue:${q.id}`) !== undefined}>
            <summary>
              {q.prefix} · {q.name} ({q.dailyCapacity}, {q.onlineSharePercent}%)
            </summary>
            {queueForm(q)}
            <form method="post" action={`/admin/antrean/antrean/${q.id}/hapus`}>
              <button type="submit" class="button button--secondary">
                {t.remove} {q.prefix} · {q.name}
              </button>
            </form>
          </details>
        ))}
        <details class="admin-details" open={refusalOf('queue:new') !== undefined}>
          <summary>{t.newQueue}</summary>
          {queueForm(undefined)}
        </details>
      </section>

      <section aria-labelledby="counters">
        <h2 id="counters">{t.counters}</h2>
        {p.counters.map((c) => (
          <details class="admin-details" open={refusalOf(`counter:${c.id}`) !== undefined}>
            <summary>
              {ctx.m.console.counter(c.number)}: {c.queueIds.join(', ')}
              {c.active ? '' : ` (${ctx.m.console.inactive})`}
            </summary>
            {counterForm(c)}
            <form method="post" action={`/admin/antrean/loket/${c.id}/hapus`}>
              <button type="submit" class="button button--secondary">
                {t.remove} {ctx.m.console.counter(c.number)}
              </button>
            </form>
          </details>
        ))}
        <details class="admin-details" open={refusalOf('counter:new') !== undefined}>
          <summary>{t.newCounter}</summary>
          {counterForm(undefined)}
        </details>
      </section>

      <section aria-labelledby="schedule">
        <h2 id="schedule">{t.schedule}</h2>
        <p>{t.scheduleLead}</p>
        <form method="post" action="/admin/antrean/jadwal" class="form admin-form">
          <Alert form="schedule" />
          <div class="field-row">
            {weekdays.map((day) => (
              <Field id={`hours-${day}`} label={ctx.m.weekdays[day]} error={errorOf('schedule', day)}>
                <input
                  id={`hours-${day}`}
                  name={day}
                  value={value('schedule', day, formatDayHours(p.openingHours[day]))}
                />
              </Field>
            ))}
          </div>
          <Field
            id="holidays-text"
            label={t.holidays}
            hint={t.holidaysHint}
            error={errorOf('schedule', 'holidays')}
          >
            <textarea id="holidays-text" name="holidays" rows={4} aria-describedby="holidays-text-hint">
              {value('schedule', 'holidays', p.holidays.map((h) => `${h.date} ${h.name}`).join('\n'))}
            </textarea>
          </Field>
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      </section>

      <section aria-labelledby="settings">
        <h2 id="settings">{t.settings}</h2>
        <form method="post" action="/admin/antrean/aturan" class="form admin-form">
          <Alert form="settings" />
          <div class="field-row">
            {(
              [
                ['priorityRatio', t.priorityRatio, p.settings.priorityRatio],
                ['slotMinutes', t.slotMinutes, p.settings.appointment.slotMinutes],
                ['capacityPerSlot', t.capacityPerSlot, p.settings.appointment.capacityPerSlot],
                ['daysAhead', t.daysAhead, p.settings.appointment.daysAhead],
                ['checkInEarlyMinutes', t.checkInEarly, p.settings.appointment.checkInEarlyMinutes],
                ['checkInLateMinutes', t.checkInLate, p.settings.appointment.checkInLateMinutes],
                ['maxNoShows', t.maxNoShows, p.settings.appointment.maxNoShows],
                ['noShowWindowDays', t.noShowWindow, p.settings.appointment.noShowWindowDays],
                ['blockDays', t.blockDays, p.settings.appointment.blockDays],
              ] as const
            ).map(([name, label, current]) => (
              <Field
                id={`setting-${name}`}
                label={label}
                error={errorOf('settings', name) ?? errorOf('settings', `appointment.${name}`)}
              >
                <input
                  id={`setting-${name}`}
                  name={name}
                  type="number"
                  min={0}
                  value={value('settings', name, String(current))}
                  required
                />
              </Field>
            ))}
          </div>
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      </section>

      <section aria-labelledby="outbox">
        <h2 id="outbox">{t.outbox}</h2>
        <p>{t.outboxLead}</p>
        {p.outbox.length === 0 ? (
          <p>{t.outboxEmpty}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.at}</th>
                  <th scope="col">{t.to}</th>
                  <th scope="col">{t.message}</th>
                </tr>
              </thead>
              <tbody>
                {p.outbox.map((o) => (
                  <tr>
                    <td>{time(o.at)}</td>
                    <td>{o.to}</td>
                    <td>{o.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  )
}
