import { localClock, type TimeZone } from '@mpp/core/business-day'
import type { Agency, Service } from '@mpp/core/catalog'
import { Layout } from '../components/layout'
import { type LiveAccess, liveData } from '../components/live-data'
import { formatTime } from '../components/local-time'
import type { PageContext } from '../components/page-context'

export interface ConsoleData {
  counter: { id: string; number: number; queueIds: string[] }
  callSeq: number
  current?: {
    ticketKey: string
    label: string
    queueId: string
    serviceId?: string
    serviceName?: string
    priority: boolean
    /** Priority claimed on a phone, to be confirmed at the counter. */
    selfDeclared: boolean
    status: 'called' | 'serving'
    calledAt: string
  }
  queues: {
    id: string
    prefix: string
    name: string
    served: boolean
    waiting: number
    next: { label: string; priority: boolean }[]
  }[]
  held: { ticketKey: string; label: string; queueId: string }[]
}

interface Props {
  ctx: PageContext
  /** The live-updates socket's token and URL (docs/live-updates.md), as `data-live-*`. */
  live?: LiveAccess
  data: ConsoleData
  timeZone: TimeZone
  services: Service[]
  agencies: Agency[]
  /** The outcome of the last action (a success line or a refusal), shown once. */
  notice?: { kind: 'ok' | 'error'; text: string; label?: string }
  /** The print page of the walk-in ticket just issued. */
  printHref?: string
  /** What the officer typed in the check-in form, kept when it was refused. */
  typedCode?: string
}

/** What the console shows, in the shape console.js compares with the API to know when to reload. */
const consoleState = (data: ConsoleData) =>
  [
    data.current ? `${data.current.ticketKey}:${data.current.status}` : '-',
    ...data.queues.map((q) => `${q.id}=${q.waiting}`),
    `held=${data.held.length}`,
  ].join('|')

/** A button that posts one action; `key` is its keyboard shortcut (console.js). */
const ActionButton = ({
  to,
  action,
  label,
  ticketKey,
  shortcut,
  primary,
  ariaLabel,
}: {
  to: string
  action: string
  label: string
  ticketKey?: string
  shortcut?: string
  primary?: boolean
  /** The button's name when its text alone would not say which ticket it acts on. */
  ariaLabel?: string
}) => (
  <form method="post" action={to} class="inline-form">
    <input type="hidden" name="action" value={action} />
    {ticketKey && <input type="hidden" name="ticketKey" value={ticketKey} />}
    <button
      type="submit"
      class={primary ? 'button button--big' : 'button button--secondary'}
      data-shortcut={shortcut}
      aria-keyshortcuts={shortcut}
      aria-label={ariaLabel}
    >
      {label}
      {shortcut && <kbd>{shortcut}</kbd>}
    </button>
  </form>
)

/** The officer's console for one counter: the ticket at hand, the lines it calls from, walk-ins and check-ins. */
export const CounterConsolePage = ({
  ctx,
  data,
  timeZone,
  services,
  agencies,
  notice,
  printHref,
  typedCode,
  live,
}: Props) => {
  const t = ctx.m.console
  const { current } = data
  const served = data.queues.filter((q) => q.served)
  const to = `/staf/loket/${data.counter.id}/aksi`
  const time = (iso: string) => formatTime(localClock(new Date(iso), timeZone).time, timeZone)
  const serviceOf = (id?: string) => services.find((s) => s.id === id)
  const agencyOf = (id?: string) => agencies.find((a) => a.id === serviceOf(id)?.agencyId)
  const queueName = (id: string) => {
    const q = data.queues.find((queue) => queue.id === id)
    return q ? `${q.prefix} · ${q.name}` : id
  }
  return (
    <Layout ctx={ctx} title={t.title(data.counter.number)} scripts={['console.js']}>
      <h1
        data-console-state={consoleState(data)}
        data-call={`${data.callSeq}:${current?.status ?? 'idle'}`}
        data-counter-id={data.counter.id}
        {...liveData(live)}
      >
        {t.title(data.counter.number)}
      </h1>
      {notice && (
        <p class={notice.kind === 'ok' ? 'notice' : 'alert'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
          {printHref && (
            <>
              {' '}
              <a href={printHref} data-field="print">
                {t.printTicket(notice.label ?? '')}
              </a>
            </>
          )}
        </p>
      )}

      <section aria-labelledby="current" class="console-current">
        <h2 id="current">{t.current}</h2>
        {current ? (
          <>
            <p class="console-label" data-field="label">
              {current.label}
            </p>
            <p>
              {current.status === 'called' ? t.statusCalled : t.statusServing} ·{' '}
              {t.calledAt(time(current.calledAt))}
            </p>
            <dl class="facts facts--console">
              <div>
                <dt>{t.service}</dt>
                <dd data-field="service">
                  {serviceOf(current.serviceId)?.name ?? current.serviceName ?? '-'}
                  {agencyOf(current.serviceId) && (
                    <span class="muted"> · {agencyOf(current.serviceId)?.name}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t.queue}</dt>
                <dd data-field="queue">{queueName(current.queueId)}</dd>
              </div>
              <div class={current.priority ? 'console-priority' : undefined}>
                <dt>{t.group}</dt>
                <dd data-field="priority">
                  {current.priority ? <strong>{t.priorityGroup}</strong> : t.regularTicket}
                  {current.selfDeclared && ` · ${t.selfDeclared}`}
                </dd>
              </div>
            </dl>
            <div class="button-row">
              {current.status === 'called' && (
                <>
                  <ActionButton
                    to={to}
                    action="start"
                    label={t.start}
                    ticketKey={current.ticketKey}
                    shortcut="S"
                    primary
                  />
                  <ActionButton
                    to={to}
                    action="recall"
                    label={t.recall}
                    ticketKey={current.ticketKey}
                    shortcut="R"
                  />
                  <ActionButton
                    to={to}
                    action="no_show"
                    label={t.noShow}
                    ticketKey={current.ticketKey}
                    shortcut="X"
                  />
                </>
              )}
              {current.status === 'serving' && (
                <ActionButton
                  to={to}
                  action="complete"
                  label={t.complete}
                  ticketKey={current.ticketKey}
                  shortcut="D"
                  primary
                />
              )}
              <ActionButton to={to} action="hold" label={t.hold} ticketKey={current.ticketKey} shortcut="H" />
            </div>
            <form method="post" action={to} class="inline-form">
              <input type="hidden" name="action" value="transfer" />
              <input type="hidden" name="ticketKey" value={current.ticketKey} />
              <label for="transfer-to">{t.transferTo}</label>
              <select id="transfer-to" name="queueId">
                {data.queues
                  .filter((q) => q.id !== current.queueId)
                  .map((q) => (
                    <option value={q.id}>
                      {q.prefix} · {q.name}
                    </option>
                  ))}
              </select>
              <button type="submit" class="button button--secondary">
                {t.transfer}
              </button>
            </form>
          </>
        ) : (
          <>
            <p>{t.none}</p>
            <div class="button-row">
              <ActionButton to={to} action="call" label={t.callNext} shortcut="N" primary />
              {served.length > 1 &&
                served.map((q) => (
                  <form method="post" action={to} class="inline-form">
                    <input type="hidden" name="action" value="call" />
                    <input type="hidden" name="queueId" value={q.id} />
                    <button type="submit" class="button button--secondary">
                      {t.callFrom(`${q.prefix} · ${q.name}`)}
                    </button>
                  </form>
                ))}
            </div>
          </>
        )}
        <p class="muted small">
          <span>{t.shortcuts}: </span>
          {t.shortcutList}
        </p>
      </section>

      <section aria-labelledby="lines">
        <h2 id="lines">{t.lines}</h2>
        <ul class="card-list">
          {served.map((q) => (
            <li>
              <strong>
                {q.prefix} · {q.name}
              </strong>
              <span data-field={`waiting-${q.id}`}>{t.waiting(q.waiting)}</span>
              {q.next.length > 0 && (
                <span class="muted">
                  {t.nextUp}:{' '}
                  {q.next.map((n) => (n.priority ? `${n.label} (${t.priority})` : n.label)).join(', ')}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="held">
        <h2 id="held">{t.held}</h2>
        {data.held.length === 0 ? (
          <p>{t.noneHeld}</p>
        ) : (
          <ul class="card-list">
            {data.held.map((h) => (
              <li>
                <span>{h.label}</span>
                <ActionButton
                  to={to}
                  action="resume"
                  label={t.resume}
                  ariaLabel={t.resumeTicket(h.label)}
                  ticketKey={h.ticketKey}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div class="grid-2">
        <section aria-labelledby="walk-in">
          <h2 id="walk-in">{t.walkIn}</h2>
          <p>{t.walkInLead}</p>
          <form method="post" action={to} class="form">
            <input type="hidden" name="action" value="issue" />
            <label for="walk-in-service">{t.service}</label>
            <select id="walk-in-service" name="serviceId">
              {agencies.map((a) => (
                <optgroup label={a.name}>
                  {services
                    .filter((s) => s.agencyId === a.id)
                    .map((s) => (
                      <option value={s.id}>{s.name}</option>
                    ))}
                </optgroup>
              ))}
            </select>
            <label class="checkbox">
              <input type="checkbox" name="priority" value="yes" /> {t.priorityVisitor}
            </label>
            <button type="submit" class="button">
              {t.issue}
            </button>
          </form>
        </section>
        <section aria-labelledby="check-in">
          <h2 id="check-in">{t.checkIn}</h2>
          <form method="post" action={to} class="form">
            <input type="hidden" name="action" value="check_in" />
            <label for="code">{t.code}</label>
            <input
              id="code"
              name="code"
              value={typedCode ?? ''}
              autocomplete="off"
              autocapitalize="characters"
              maxlength={6}
              required
            />
            <button type="submit" class="button">
              {t.doCheckIn}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  )
}
