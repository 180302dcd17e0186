/**
 * "What a principal is made of changed": a session ended, or an account, its roles or a union's path changed.
 * The database says so to every server process at commit (the `principals_changed` notice, migration 0030); the
 * repositories that make such a change also say it here, in their own process, as they write — so that the
 * request after a logout in this process never meets the session it ended, whenever the notice arrives. As that
 * is before the commit, a follower keeps nothing for a moment after it (decision record 0028).
 */
const followers = new Set<() => void>();

export function principalsChanged(): void {
  for (const forget of followers) forget();
}

/** Runs `forget` on each change made in this process; returns the stop. */
export function onPrincipalsChanged(forget: () => void): () => void {
  followers.add(forget);
  return () => followers.delete(forget);
}
