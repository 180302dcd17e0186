/**
 * The principals behind recent sessions, kept for a few seconds so that a request does not read its session
 * from the database when the same session was read a moment ago (decision record 0028). Kept only while the
 * database's `principals_changed` notices are followed, and forgotten whole on each notice and on each change
 * made in this process: logging out, disabling an account, changing roles or moving a union applies to the
 * next request at once in this process and within the notice's delivery (milliseconds) in the others.
 *
 * A read races a change: it starts, the change commits and its notice empties the cache, the read's (old)
 * answer arrives. `begin()` hands out the generation a read starts in, and `put` keeps an answer only if no
 * change came in between. A change made in this process is announced before its transaction commits, so a read
 * in between would still see the old rows: after `forgetAndHold` nothing is kept for a moment (`HOLD_MS` of real
 * time, in which the change's transaction commits and its notice arrives).
 */
const HOLD_MS = 1_000;

export class PrincipalCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();
  private generation = 0;
  private following = false;
  private heldUntil = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Whether notices are followed; a cache that stops following forgets, and keeps nothing until it follows again. */
  setFollowing(following: boolean): void {
    this.following = following;
    this.forget();
  }

  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  /** A change made in this process, not yet committed: forget, and keep nothing for a moment. */
  forgetAndHold(): void {
    this.forget();
    this.heldUntil = performance.now() + HOLD_MS;
  }

  get(id: string): T | undefined {
    const entry = this.following ? this.entries.get(id) : undefined;
    if (!entry) return undefined;
    const age = this.now() - entry.at;
    // Older than its lifetime, or from a clock set back (tests move the clock both ways).
    if (age >= this.ttlMs || age < 0) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  begin(): number {
    return this.generation;
  }

  put(id: string, value: T, generation: number): void {
    if (!this.following || generation !== this.generation || performance.now() < this.heldUntil) return;
    // Full: the oldest entry goes (a Map iterates in insertion order).
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { value, at: this.now() });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
