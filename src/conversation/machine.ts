/**
 * The conversation as an XState v5 machine, built from one scenario. The machine holds the
 * rules; real time (how long lines take, silence timers) lives in `driver.ts`. It has no
 * `after`/`invoke`, so `xstate/graph` can walk it.
 *
 * Phases: `active.speaking` (the customer's lines; answering now interrupts) → `active.awaiting`
 * (replies open, silence counts) → after a decision either `active.reacting` (reaction lines:
 * interrupted or silence) or the next turn's `active.speaking` (the next node, or the same node
 * again when the customer picks up after being cut off or the replies stay open) → ... → `ended`. `paused` can be entered from any active
 * phase and `session.resume` returns to the same phase. Events that do not fit the current
 * phase, unknown or hidden reply ids and malformed payloads are ignored, never thrown on.
 *
 * @example
 * const actor = createActor(createConversationMachine(scenario)).start();
 * actor.send({ type: 'customer.finishedSpeaking', at: 4200 });
 * actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 6100 });
 */
import { assign, setup } from 'xstate';
import type { Scenario } from '../scenario/model.ts';
import type { ActivePhase, ConversationContext, ConversationEvent } from './context.ts';
import * as rules from './rules.ts';

type Args = { context: ConversationContext; event: ConversationEvent };

const atOf = ({ context, event }: Args): number => rules.timeOf(event.at, context);

/** Shared guards and actions; `createConversationMachine` binds a scenario to them. */
export const conversationSetup = setup({
  types: {
    context: {} as ConversationContext,
    events: {} as ConversationEvent,
  },
  guards: {
    isLineExpected: ({ context, event }) =>
      event.type === 'customer.startedLine' && rules.isLineExpected(context, event.index, false),
    isReactionLineExpected: ({ context, event }) =>
      event.type === 'customer.startedLine' && rules.isLineExpected(context, event.index, true),
    isEndNode: ({ context }) => rules.isEndNode(rules.nodeOf(context)),
    isBranchNode: ({ context }) => rules.isBranchNode(rules.nodeOf(context)),
    isBranchLoop: ({ context }) => rules.isBranchLoop(context),
    isDecisionNode: ({ context }) => rules.isDecisionNode(rules.nodeOf(context)),
    isReplyVisible: ({ context, event }) =>
      event.type === 'trainee.choose' && rules.findVisibleReply(context, event.choiceId) !== undefined,
    isInterrupting: ({ context, event }) =>
      event.type === 'trainee.choose' &&
      rules.nodeOf(context)?.earlyReplies === true &&
      rules.turnLines(context, false).length > 0 &&
      rules.findVisibleReply(context, event.choiceId) !== undefined,
    hasSilenceRule: ({ context }) => rules.isDecisionNode(rules.nodeOf(context)),
    hasWalkedOut: ({ context }) => rules.hasWalkedOut(context),
    isLeavingAfterReaction: ({ context }) => rules.isLeavingAfterReaction(context),
    hasReaction: ({ context }) => context.pending?.reaction != null,
    canRewind: ({ context, event }) => event.type === 'session.rewind' && rules.canRewindTo(context, event.decision),
    wasPausedIn: ({ context }, params: { phase: ActivePhase }) => context.pausedPhase === params.phase,
  },
  actions: {
    recordLine: assign(({ context, event }) =>
      event.type === 'customer.startedLine' ? rules.recordLinesThrough(context, event.index, atOf({ context, event }), false) : context,
    ),
    recordReactionLine: assign(({ context, event }) =>
      event.type === 'customer.startedLine' ? rules.recordLinesThrough(context, event.index, atOf({ context, event }), true) : context,
    ),
    markAnswerable: assign((args) => rules.markAnswerable(args.context, atOf(args))),
    takeBranch: assign((args) => rules.takeBranch(args.context, atOf(args))),
    endAtNode: assign((args) => rules.endAtNode(args.context, atOf(args))),
    chooseReply: assign(({ context, event }) => {
      if (event.type !== 'trainee.choose') return context;
      const reply = rules.findVisibleReply(context, event.choiceId);
      if (!reply) return context;
      return rules.decide(context, { kind: 'reply', reply, interrupting: false }, atOf({ context, event }));
    }),
    interruptWithReply: assign(({ context, event }) => {
      if (event.type !== 'trainee.choose') return context;
      const reply = rules.findVisibleReply(context, event.choiceId);
      if (!reply) return context;
      const input = { kind: 'reply' as const, reply, interrupting: true, remainingMs: event.remainingMs };
      return rules.decide(context, input, atOf({ context, event }));
    }),
    applySilence: assign((args) => rules.decide(args.context, { kind: 'silence' }, atOf(args))),
    recordWalkOut: assign(({ context }) => rules.recordWalkOut(context, context.lastAt)),
    startReaction: assign(({ context }) => rules.startReaction(context)),
    enterPendingNode: assign((args) => rules.enterPendingNode(args.context, atOf(args))),
    finishReaction: assign((args) => rules.finishReaction(args.context, atOf(args))),
    walkOutAfterReaction: assign((args) => rules.walkOutAfterReaction(args.context, atOf(args))),
    pause: assign(({ context, event }, params: { phase: ActivePhase }) => {
      const at = rules.timeOf(event.at, context);
      return { pausedPhase: params.phase, transcript: [...context.transcript, { type: 'pause' as const, at }], lastAt: at };
    }),
    resume: assign(({ context, event }) => {
      const at = rules.timeOf(event.at, context);
      return { pausedPhase: null, transcript: [...context.transcript, { type: 'resume' as const, at }], lastAt: at };
    }),
    rewind: assign(({ context, event }) =>
      event.type === 'session.rewind' ? rules.rewindTo(context, event.decision, atOf({ context, event })) : context,
    ),
    restart: assign(({ context }) => ({ ...rules.initialContext(context.scenario), turn: context.turn + 1 })),
  },
});

const pauseFrom = (phase: ActivePhase) => ({
  target: '#conversation.paused',
  actions: { type: 'pause' as const, params: { phase } },
});

const resumeTo = (phase: ActivePhase) => ({
  guard: { type: 'wasPausedIn' as const, params: { phase } },
  target: `#conversation.active.${phase}`,
  actions: 'resume' as const,
});

/** Builds the conversation machine for one scenario (its context starts at `scenario.start`). */
export function createConversationMachine(scenario: Scenario) {
  return conversationSetup.createMachine({
    id: 'conversation',
    context: rules.initialContext(scenario),
    initial: 'active',
    on: {
      'session.rewind': { guard: 'canRewind', target: '#conversation.active.speaking', actions: 'rewind' },
      'session.restart': { target: '#conversation.active.speaking', actions: 'restart' },
    },
    states: {
      active: {
        initial: 'speaking',
        states: {
          speaking: {
            on: {
              'customer.startedLine': { guard: 'isLineExpected', actions: 'recordLine' },
              'customer.finishedSpeaking': [
                { guard: 'isEndNode', target: '#conversation.ended', actions: 'endAtNode' },
                { guard: 'isBranchLoop', target: '#conversation.ended', actions: 'endAtNode' },
                { guard: 'isBranchNode', target: 'speaking', reenter: true, actions: 'takeBranch' },
                { guard: 'isDecisionNode', target: 'awaiting', actions: 'markAnswerable' },
                { target: '#conversation.ended', actions: 'endAtNode' },
              ],
              'trainee.choose': { guard: 'isInterrupting', target: 'deciding', actions: 'interruptWithReply' },
              'session.pause': pauseFrom('speaking'),
            },
          },
          awaiting: {
            on: {
              'trainee.choose': { guard: 'isReplyVisible', target: 'deciding', actions: 'chooseReply' },
              'trainee.silent': { guard: 'hasSilenceRule', target: 'deciding', actions: 'applySilence' },
              'session.pause': pauseFrom('awaiting'),
            },
          },
          deciding: {
            always: [
              { guard: 'hasWalkedOut', target: '#conversation.ended', actions: 'recordWalkOut' },
              { guard: 'hasReaction', target: 'reacting', actions: 'startReaction' },
              { target: 'speaking', actions: 'enterPendingNode' },
            ],
          },
          reacting: {
            on: {
              'customer.startedLine': { guard: 'isReactionLineExpected', actions: 'recordReactionLine' },
              'customer.finishedSpeaking': [
                { guard: 'isLeavingAfterReaction', target: '#conversation.ended', actions: 'walkOutAfterReaction' },
                { target: 'speaking', actions: 'finishReaction' },
              ],
              'session.pause': pauseFrom('reacting'),
            },
          },
        },
      },
      paused: {
        on: {
          'session.resume': [resumeTo('speaking'), resumeTo('awaiting'), resumeTo('reacting')],
        },
      },
      ended: {},
    },
  });
}

export type ConversationMachine = ReturnType<typeof createConversationMachine>;
