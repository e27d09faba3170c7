import type { BoardCall, BoardData, BoardQueue } from '../client/lib/board-calls'
import { clockFormat, dateLocale } from '../client/lib/clock'
import { Layout } from '../components/layout'
import { type LiveAccess, liveData } from '../components/live-data'
import type { PageContext } from '../components/page-context'
import type { Messages } from '../i18n/messages'

interface Props {
  ctx: PageContext
  /** The MPP's name, shown large with its logo. */
  name: string
  board: BoardData
  /** GET /api/board with the same filters, read by the script on every (re)connect. */
  apiUrl: string
  /** The live-updates socket's token and URL (docs/live-updates.md), as `data-live-*`. */
  live?: LiveAccess
  /** The open windows of the coming days (ISO instants): the board sleeps outside them. */
  openWindows?: [string, string][]
}

/** One counter's latest call; board.ts renders the same markup when it updates the list. */
export const BoardCallRow = ({ m, call, latest }: { m: Messages; call: BoardCall; latest: boolean }) => (
  <li
    class={latest ? 'board-call board-call--latest' : 'board-call'}
    data-counter={String(call.counterNumber)}
    data-seq={String(call.callSeq)}
    data-called-at={call.calledAt}
  >
    <span class="board-call__label">{call.label}</span>
    <span class="board-call__counter">{m.board.counter(call.counterNumber)}</span>
  </li>
)

/**
 * One queue: how many wait and the next numbers, or that nobody waits. board.ts renders the same markup when it
 * updates the list.
 */
export const BoardQueueItem = ({ m, queue }: { m: Messages; queue: BoardQueue }) => (
  <li class="board-queue" data-queue={queue.id} data-waiting={String(queue.waiting)}>
    <h3 class="board-queue__name">
      <span class="board-queue__prefix">{queue.prefix}</span> {queue.name}
    </h3>
    <p class="board-queue__count">
      {queue.waiting > 0 ? m.board.waiting(queue.waiting) : m.board.noneWaiting}
    </p>
    {queue.next.length > 0 && (
      <ol class="board-next" aria-label={m.board.nextNumbers(queue.name)}>
        {queue.next.map((label) => (
          <li>{label}</li>
        ))}
      </ol>
    )}
  </li>
)

/**
 * The display board for a TV: each counter's latest call (newest first, highlighted), the next numbers of each
 * queue, a clock in the MPP's time zone. Rendered complete on the server, so it shows the board before
 * board.js runs; the script then follows the live socket, flashes and announces new calls.
 */
export const BoardPage = ({ ctx, name, board, apiUrl, live, openWindows }: Props) => {
  const { m } = ctx
  const locale = dateLocale(m.htmlLang)
  const clock = clockFormat(locale, board.timeZone)(new Date(board.now))
  return (
    <Layout
      ctx={ctx}
      title={m.board.title}
      bare
      bodyClass="board-body"
      styles={['board.css']}
      scripts={['board.js']}
    >
      <div
        class="board"
        data-board
        data-api={apiUrl}
        {...liveData(live)}
        data-time-zone={board.timeZone}
        data-locale={locale}
        data-now={board.now}
        data-day={board.day}
        data-open-windows={openWindows && JSON.stringify(openWindows)}
      >
        <header class="board-head">
          <img class="board-logo" src={ctx.brand?.logoUrl ?? '/logo.svg'} alt="" width="72" height="72" />
          <h1 class="board-title">{name}</h1>
          <p class="board-clock">
            <span class="board-clock__time" data-field="time">
              {clock.time}
            </span>
            <span class="board-clock__date" data-field="date">
              {clock.date}
            </span>
          </p>
        </header>

        <div class="board-grid">
          <section class="board-calls" aria-labelledby="board-calls-title">
            <h2 id="board-calls-title">{m.board.calls}</h2>
            <ol class="board-call-list" data-field="calls">
              {board.calls.map((call, i) => (
                <BoardCallRow m={m} call={call} latest={i === 0} />
              ))}
            </ol>
            <p class="board-empty" data-field="no-calls" hidden={board.calls.length > 0}>
              {m.board.noCalls}
            </p>
          </section>

          <section class="board-line" aria-labelledby="board-line-title">
            <h2 id="board-line-title">{m.board.nextInLine}</h2>
            <ul class="board-queues" data-field="queues">
              {board.queues.map((queue) => (
                <BoardQueueItem m={m} queue={queue} />
              ))}
            </ul>
            <p class="board-empty" data-field="no-queues" hidden={board.queues.length > 0}>
              {m.board.noQueues}
            </p>
          </section>
        </div>

        <footer class="board-foot">
          <button type="button" class="board-sound" data-field="sound-button" hidden>
            {m.board.soundOn}
          </button>
          <p class="board-status" role="status" data-field="sound-status" />
          <p class="board-status board-status--connection" role="status" data-field="connection" />
          <a class="board-lang" href={ctx.switchLangHref} hreflang={m.htmlLang === 'id' ? 'en' : 'id'}>
            {m.switchTo}
          </a>
        </footer>
      </div>
    </Layout>
  )
}
