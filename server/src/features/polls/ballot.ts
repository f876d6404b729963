import crypto from 'node:crypto';

let secret: string | null = null;

/**
 * The server secret that keys anonymous ballots (the one that signs sessions and unsubscribe links), set
 * once when the polls feature is registered. The presenter needs it to find the reader's own ballot.
 */
export function useBallotSecret(value: string): void {
  secret = value;
}

/**
 * An anonymous voter's ballot in one poll: HMAC-SHA256(secret, "poll-ballot:" + pollId + ":" + userId).
 * Stable, so the voter can change or withdraw the vote; without the secret it cannot be traced back to
 * the voter, and the ballots of one voter in two polls cannot be linked to each other.
 */
export function ballotOf(pollId: string, userId: string): string {
  if (!secret) throw new Error('polls: the ballot secret is not set (register pollRoutes first)');
  return crypto.createHmac('sha256', secret).update(`poll-ballot:${pollId}:${userId}`).digest('base64url');
}
