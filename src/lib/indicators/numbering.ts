/** Numbers the values it is given, in the order they come; `values[k]` is the value numbered k. */
export class Numbering<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<T, number>();
  readonly of = (v: T): number => {
    let k = this.numbers.get(v);
    if (k === undefined) this.numbers.set(v, (k = this.values.push(v) - 1));
    return k;
  };
}

/** Pairs of 32-bit integers (a cell and a row, a left and a right row), growing by doubling. */
export class IntPairs {
  private first: Int32Array;
  private second: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.first = new Int32Array(Math.max(1, capacity));
    this.second = new Int32Array(Math.max(1, capacity));
  }
  push(a: number, b: number): void {
    if (this.length === this.first.length) {
      const first = new Int32Array(this.length * 2);
      const second = new Int32Array(this.length * 2);
      first.set(this.first);
      second.set(this.second);
      [this.first, this.second] = [first, second];
    }
    this.first[this.length] = a;
    this.second[this.length++] = b;
  }
  /** The pairs pushed so far, as two arrays of the same length (views, not copies). */
  done(): [Int32Array, Int32Array] {
    return [this.first.subarray(0, this.length), this.second.subarray(0, this.length)];
  }
}
