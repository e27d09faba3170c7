import type { CallMessage } from '@mpp/core/live-messages'

/** How far a counter's call has gone: its sequence, then called, serving, finished. */
const callRank = (seq: number, status: string) => seq * 4 + ['called', 'serving', 'idle'].indexOf(status) + 1

/**
 * Whether a pushed call goes past what the console shows (`data-call`, `<callSeq>:<status>`). One that does not
 * is the echo of the officer's own action that rendered the page, or older: nothing to read.
 */
export const callIsNews = (shown: string, call: Pick<CallMessage, 'callSeq' | 'status'>) => {
  // No destructuring: the pages' build target has esbuild refuse to lower it.
  const parts = shown.split(':')
  return callRank(call.callSeq, call.status) > callRank(Number(parts[0]) || 0, parts[1] || 'idle')
}
