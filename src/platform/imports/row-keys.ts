/**
 * The in-file duplicate check of an import: for each row's uniqueness key, the first row that had it.
 *
 * A key that is a hex digest (a blind index: an ID number's, a phone's) is kept by its first 64 bits in an open-
 * addressing table of typed arrays, 12 bytes a slot at most three quarters full: 25 bytes a row for 1,000,000
 * random digests where a Map of BigInt keys took 53 (measured with `--expose-gc`, heap and array buffers after a
 * collection), and no object per row for the collector to walk. A chance collision of the
 * first 64 bits (about 1 in 30 million for a million rows) would report a false duplicate, never hide a real one,
 * and the database's unique index stays. Any other key (a code and a date, a title) is kept whole in a Map.
 */
export class RowKeys {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  /** The first row of the key in the slot; 0 marks an empty slot (sheet rows are numbered from 1). */
  private rows = new Uint32Array(1 << 12);
  private digests = 0;
  private readonly other = new Map<string, number>();

  /** How many distinct keys are kept. */
  get size(): number {
    return this.digests + this.other.size;
  }

  /** The row that had `key` first, or undefined: then `rowNo` (≥ 1) is kept as its first row. */
  firstRow(key: string, rowNo: number): number | undefined {
    if (key.length < 32 || !HEX.test(key)) {
      const first = this.other.get(key);
      if (first === undefined) this.other.set(key, rowNo);
      return first;
    }
    const hi = Number.parseInt(key.slice(0, 8), 16) >>> 0;
    const lo = Number.parseInt(key.slice(8, 16), 16) >>> 0;
    const slot = this.find(hi, lo);
    if (this.rows[slot] !== 0) return this.rows[slot];
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.rows[slot] = rowNo;
    if (++this.digests * 4 > this.rows.length * 3) this.grow();
    return undefined;
  }

  /** The slot holding the key, or the empty slot where it belongs (linear probing; a digest's bits are uniform). */
  private find(hi: number, lo: number): number {
    const mask = this.rows.length - 1;
    let slot = lo & mask;
    while (this.rows[slot] !== 0 && (this.hi[slot] !== hi || this.lo[slot] !== lo)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(rows.length * 2);
    this.lo = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const slot = this.find(hi[i]!, lo[i]!);
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}

const HEX = /^[0-9a-f]+$/;
