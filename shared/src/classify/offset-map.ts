// The working text of the normaliser and, for every character, the original span it came
// from. Everything here keeps that mapping intact while the text changes shape.

/** One char of the working text and the original span it stands for. */
export interface Piece {
  ch: string;
  s: number;
  e: number;
}



// Runs of spaces become one space, so patterns can rely on single spaces between words.
export function collapseSpaces(m: Mapped): Mapped {
  if (!/ {2}/.test(m.text)) return m;
  const keep: number[] = [];
  for (let i = 0; i < m.text.length; i++) if (!(m.text[i] === ' ' && m.text[i - 1] === ' ')) keep.push(i);
  const starts = new Int32Array(keep.length);
  const ends = new Int32Array(keep.length);
  let text = '';
  keep.forEach((k, j) => {
    starts[j] = m.starts[k]!;
    ends[j] = m.ends[k]!;
  });
  text = m.text.replace(/ {2,}/g, ' ');
  return { text, starts, ends };
}

export interface Mapped {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

export function toPieces(m: Mapped, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  for (let i = from; i < to; i++) out.push({ ch: m.text[i]!, s: m.starts[i]!, e: m.ends[i]! });
  return out;
}

/** Appends text with its source spans; most words are copied whole, which keeps this fast. */
export class Builder {
  private parts: string[] = [];
  private s: Int32Array;
  private e: Int32Array;
  private n = 0;
  constructor(capacity: number) {
    this.s = new Int32Array(Math.max(16, capacity));
    this.e = new Int32Array(Math.max(16, capacity));
  }
  private room(k: number): void {
    if (this.n + k <= this.s.length) return;
    const size = Math.max(this.s.length * 2, this.n + k);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    s.set(this.s.subarray(0, this.n));
    e.set(this.e.subarray(0, this.n));
    this.s = s;
    this.e = e;
  }
  copy(m: Mapped, from: number, to: number): void {
    if (to <= from) return;
    this.room(to - from);
    this.parts.push(m.text.slice(from, to));
    this.s.set(m.starts.subarray(from, to), this.n);
    this.e.set(m.ends.subarray(from, to), this.n);
    this.n += to - from;
  }
  /** Copy original text that needs no folding beyond lower case (ASCII). */
  identity(src: string, from: number, to: number): void {
    this.room(to - from);
    this.parts.push(src.slice(from, to).toLowerCase().replace(/[\t\r]/g, ' '));
    for (let i = from; i < to; i++) {
      this.s[this.n] = i;
      this.e[this.n++] = i + 1;
    }
  }
  push(p: Piece): void {
    this.room(1);
    this.parts.push(p.ch);
    this.s[this.n] = p.s;
    this.e[this.n++] = p.e;
  }
  pushAll(ps: Piece[]): void {
    for (const p of ps) this.push(p);
  }
  done(): Mapped {
    return { text: this.parts.join(''), starts: this.s.slice(0, this.n), ends: this.e.slice(0, this.n) };
  }
}
