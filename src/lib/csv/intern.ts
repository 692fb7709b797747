/**
 * Interning of the cells of one CSV column: the parser hands each cell over as a small integer
 * (its id) instead of a fresh string. A million-row column of months or codes holds a few hundred
 * distinct cells; only those become strings, and everything downstream (validation, keys,
 * references) works on the ids.
 *
 * The table is keyed by the cell as written (untrimmed): looking a cell up hashes its characters
 * where they lie in the text chunk, so a cell already seen costs no allocation at all. A new cell
 * is cut out, trimmed, and given the id of its trimmed value, so `" CDDI"` and `"CDDI"` share one
 * id: ids number the distinct trimmed values, and `values[id]` is that value. Id 0 is always the
 * empty cell (`''`, or one of only whitespace).
 *
 * When the text is Windows-1252 read as Latin-1 (see `DeferredDecoding`), the keys are cells as
 * read and each value is finished once, when its cell is new.
 */

import type { DeferredDecoding } from './decode.ts';

/** Slots of a new table (a power of two). */
const INITIAL_SLOTS = 16;
const EMPTY = -1;

/** The FNV-1a 32-bit prime. */
const FNV_PRIME = 0x01000193;

/** Final mix of an FNV-1a state, so that the low bits (the slot) depend on every character. */
function mix(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/**
 * Each table draws its own hash seed, so that a file cannot be written to make many cells land in
 * the same slots. Ids do not depend on it (they number cells in the order they come), so the
 * results stay deterministic.
 */
function randomSeed(): number {
  return (Math.random() * 0x1_0000_0000) | 0;
}

/**
 * Trims only when the first or last character may be whitespace (most cells are left as is),
 * as `String.prototype.trim` does.
 */
function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a <= 32 || b <= 32 || a >= 0xa0 || b >= 0xa0 ? s.trim() : s;
}

/**
 * A copy of a string that does not point into the text it was cut from: V8 makes a slice of 13+
 * characters a view of its parent, and a cell kept for the whole parse would otherwise keep its
 * chunk of the file alive (slicing a concatenation flattens it into a new string).
 */
function ownString(s: string): string {
  return s.length >= 13 ? ` ${s}`.slice(1) : s;
}

/** What a consumer of interned cells may ask of a column's dictionary. */
export interface CellDictionary {
  /** Distinct trimmed cells by id; `values[0]` is `''`. Grows while the parse goes on. */
  readonly values: readonly string[];
  /** The id of a trimmed cell already seen in the column, or -1. */
  find(value: string): number;
}

/**
 * The distinct cells of one column, in an open-addressing table (linear probing, load at most
 * 1/2) keyed by the cell as read: the hash is computed on the characters where they lie, so a
 * cell is looked up inside its chunk of text without being cut out.
 */
export class InternTable implements CellDictionary {
  readonly values: string[] = [''];
  /** Start of the hash of a cell (FNV-1a from this seed). */
  private readonly seed = randomSeed();
  /** Per slot, the index of a key (or EMPTY) and its hash. */
  private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  private slotHashes = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** The keys (distinct cells as read), in the order they came. */
  private keys: string[] = [];
  /**
   * Trimmed value → id, for the values first seen with spaces around them (`" CDDI"`), which are
   * not keys of the table; every other value is found among the keys. Usually empty.
   */
  private readonly aliases = new Map<string, number>();
  /** Per key (distinct raw cell): the id of its trimmed value. */
  private keyIds = new Uint32Array(INITIAL_SLOTS / 2);

  /**
   * @param deferred when the text is not finished (Windows-1252 read as Latin-1): keys are cells
   *   as read, values are finished with it.
   */
  constructor(private readonly deferred?: DeferredDecoding) {}

  /** Number of distinct trimmed values, the empty one included. */
  get size(): number {
    return this.values.length;
  }

  /** The id of the trimmed cell `text[pos, end)`. */
  idOf(text: string, pos: number, end: number): number {
    if (end === pos) return 0;
    const h = this.hash(text, pos, end);
    const s = this.slotOf(text, pos, end, h);
    const k = this.slots[s]!;
    return k === EMPTY ? this.add(text.slice(pos, end), h, s) : this.keyIds[k]!;
  }

  /** The id of a whole string (a field read across chunks, or a quoted one). */
  idOfString(s: string): number {
    return this.idOf(s, 0, s.length);
  }

  find(value: string): number {
    if (value === '') return 0;
    const key = this.deferred ? this.deferred.unfinish(value) : value;
    if (key !== undefined) {
      const k = this.keyIndex(key);
      // The key may be a cell with spaces whose value is not `value` itself.
      if (k !== EMPTY && this.values[this.keyIds[k]!] === value) return this.keyIds[k]!;
    }
    return this.aliases.get(value) ?? -1;
  }

  private add(slice: string, h: number, slot: number): number {
    const raw = ownString(slice);
    const trimmed = trimCell(raw);
    // Trimming and finishing commute: no character they change is a space.
    const value = this.deferred ? this.deferred.finish(trimmed) : trimmed;
    let id = -1;
    if (trimmed === '') {
      id = 0; // only spaces: the empty cell
    } else if (trimmed !== raw) {
      // A cell with spaces: its value may have been met as written (a key) or with other spaces.
      const k = this.keyIndex(trimmed);
      id = k !== EMPTY ? this.keyIds[k]! : (this.aliases.get(value) ?? -1);
    } else if (this.aliases.size > 0) {
      // A cell as written whose value may have been met before only with spaces around it.
      id = this.aliases.get(value) ?? -1;
    }
    if (id < 0) {
      id = this.values.length;
      this.values.push(value);
      if (trimmed !== raw) this.aliases.set(value, id);
    }
    const k = this.keys.length;
    if (k === this.keyIds.length) {
      const keyIds = new Uint32Array(k * 2);
      keyIds.set(this.keyIds);
      this.keyIds = keyIds;
    }
    this.keys.push(raw);
    this.keyIds[k] = id;
    this.slots[slot] = k;
    this.slotHashes[slot] = h;
    if ((k + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private hash(text: string, pos: number, end: number): number {
    let h = this.seed;
    for (let p = pos; p < end; p++) h = Math.imul(h ^ text.charCodeAt(p), FNV_PRIME);
    return mix(h);
  }

  /** The slot of the cell `text[pos, end)` with hash `h`: its key's slot, or the empty slot where it would go. */
  private slotOf(text: string, pos: number, end: number, h: number): number {
    const n = end - pos;
    const slots = this.slots;
    const slotHashes = this.slotHashes;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const k = slots[s]!;
      if (k === EMPTY) return s;
      if (slotHashes[s] === h) {
        const key = this.keys[k]!;
        if (key.length === n && text.startsWith(key, pos)) return s;
      }
      s = (s + 1) & mask;
    }
  }

  /** The index of a key (a cell as read), or EMPTY. */
  private keyIndex(key: string): number {
    return this.slots[this.slotOf(key, 0, key.length, this.hash(key, 0, key.length))]!;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(EMPTY);
    const slotHashes = new Int32Array(size);
    const mask = size - 1;
    const old = this.slots;
    const oldHashes = this.slotHashes;
    for (let o = 0; o < old.length; o++) {
      const k = old[o]!;
      if (k === EMPTY) continue;
      const h = oldHashes[o]!;
      let s = h & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = k;
      slotHashes[s] = h;
    }
    this.slots = slots;
    this.slotHashes = slotHashes;
    this.mask = mask;
  }
}
