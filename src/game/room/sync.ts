/**
 * The BroadcastChannel between the projector and the presenter windows of one session. Every
 * message is checked with the classroom protocol before anyone acts on it.
 */
import { channelName, message, parseMessage, type RoomMessage } from '../../classroom/protocol.ts';

type Body = RoomMessage extends infer M ? (M extends RoomMessage ? Omit<M, 'v'> : never) : never;

export interface RoomChannel {
  send(body: Body): void;
  close(): void;
}

export function openChannel(sessionId: string, onMessage: (message: RoomMessage) => void, onProblem: (problem: string) => void): RoomChannel {
  if (typeof BroadcastChannel === 'undefined') return { send: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(channelName(sessionId));
  channel.onmessage = (event: MessageEvent) => {
    const read = parseMessage(event.data);
    if (read.message) {
      if (read.message.sessionId === sessionId) onMessage(read.message);
    } else onProblem(read.problem);
  };
  let closed = false;
  return {
    send(body) {
      if (!closed) channel.postMessage(message(body));
    },
    close() {
      if (closed) return;
      closed = true;
      channel.close();
    },
  };
}
