/** Value ids per row, in the narrowest typed array that holds them. */

/**
 * Ids per row, one typed array: `Uint8Array` while every id fits in a byte (a column of codes or
 * months), then `Uint16Array`, then `Uint32Array` (a column of identifiers). A million-row
 * column of codes takes 1 MB rather than 4: fresh memory costs time here (see docs/benchmark.md).
 */
export type IdArray = Uint8Array | Uint16Array | Uint32Array;

/** An {@link IdArray} of `length` zeros, wide enough for ids up to `max`. */
export function idArray(max: number, length: number): IdArray {
  return max <= 0xff ? new Uint8Array(length) : max <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** The largest id an {@link IdArray} holds. */
function idLimit(a: IdArray): number {
  return a instanceof Uint8Array ? 0xff : a instanceof Uint16Array ? 0xffff : 0xffff_ffff;
}

/** An {@link IdArray} that grows by doubling (or sized once when the row count is known) and widens. */
export class GrowingIds {
  array: IdArray = new Uint8Array(1024);
  length = 0;
  /** The largest id `array` holds. */
  limit = 0xff;
  /** Makes room for `total` ids in all, exactly (no doubling). */
  presize(total: number): void {
    if (total > this.array.length) this.copyTo(idArray(this.limit, total));
  }
  reserve(n: number): void {
    if (this.length + n <= this.array.length) return;
    let size = this.array.length * 2;
    while (size < this.length + n) size *= 2;
    this.copyTo(idArray(this.limit, size));
  }
  /** Makes `array` wide enough for `id`, keeping its first `filled` ids (those counted in `length` by default). */
  widen(id: number, filled = this.length): void {
    if (id > this.limit) this.copyTo(idArray(id, this.array.length), filled);
  }
  take(): IdArray {
    return this.array.subarray(0, this.length);
  }
  private copyTo(target: IdArray, filled = this.length): void {
    target.set(this.array.subarray(0, filled));
    this.array = target;
    this.limit = idLimit(target);
  }
}
