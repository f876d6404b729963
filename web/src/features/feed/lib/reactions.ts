import type { ReactionKind } from '@innenhof/contract';

/** Facebook's six reactions, in its order, with the emoji we draw them with. */
export const REACTIONS: readonly { kind: ReactionKind; emoji: string }[] = [
  { kind: 'like', emoji: '👍' },
  { kind: 'love', emoji: '❤️' },
  { kind: 'haha', emoji: '😆' },
  { kind: 'wow', emoji: '😮' },
  { kind: 'sad', emoji: '😢' },
  { kind: 'angry', emoji: '😡' },
];

export const reactionEmoji = (kind: string): string => REACTIONS.find((r) => r.kind === kind)?.emoji ?? '👍';
