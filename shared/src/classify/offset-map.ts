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
  const src = m.text;
  let gap = src.indexOf('  ');
  if (gap === -1) return m;
  const starts = new Int32Array(src.length);
  const ends = new Int32Array(src.length);
  const identity = isSharedIdentity(m);
  const parts: string[] = [];
  let from = 0;
  let j = 0;
  // Copy [from, gap + 1) (the first space of a run stays, with its own source span), then skip
  // the rest of the run.
  for (;;) {
    const to = gap === -1 ? src.length : gap + 1;
    parts.push(src.slice(from, to));
    if (identity) {
      for (let i = from; i < to; i++, j++) {
        starts[j] = i;
        ends[j] = i + 1;
      }
    } else {
      starts.set(m.starts.subarray(from, to), j);
      ends.set(m.ends.subarray(from, to), j);
      j += to - from;
    }
    if (gap === -1) break;
    from = to;
    while (src.charCodeAt(from) === 32) from++;
    gap = src.indexOf('  ', from);
  }
  return { text: parts.join(''), starts: starts.subarray(0, j), ends: ends.subarray(0, j) };
}

export interface Mapped {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

// One identity map shared by every text whose characters each stand for themselves (most
// email): a view of it costs nothing, where two fresh arrays per email cost a fill and a GC.
// Grown by replacing, never written to afterwards, so earlier views stay valid.
let identityStarts = new Int32Array(0);
let identityEnds = new Int32Array(0);

/** `text` mapped one to one onto itself. */
export function identityMapped(text: string): Mapped {
  const n = text.length;
  if (identityStarts.length < n) {
    const size = Math.max(n, identityStarts.length * 2, 4096);
    identityStarts = new Int32Array(size);
    identityEnds = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      identityStarts[i] = i;
      identityEnds[i] = i + 1;
    }
  }
  return { text, starts: identityStarts.subarray(0, n), ends: identityEnds.subarray(0, n) };
}

function isSharedIdentity(m: Mapped): boolean {
  return m.starts.buffer === identityStarts.buffer && m.ends.buffer === identityEnds.buffer && m.starts.byteOffset === 0;
}

/** The same map with arrays of its own (callers may keep or change them). */
export function ownArrays(m: Mapped): Mapped {
  return isSharedIdentity(m) ? { text: m.text, starts: m.starts.slice(), ends: m.ends.slice() } : m;
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
    this.copyAs(m, from, to, m.text.slice(from, to));
  }
  /** Copy the spans of m[from, to) for `text`, which replaces those characters one for one. */
  copyAs(m: Mapped, from: number, to: number, text: string): void {
    if (to <= from) return;
    this.room(to - from);
    this.parts.push(text);
    this.s.set(m.starts.subarray(from, to), this.n);
    this.e.set(m.ends.subarray(from, to), this.n);
    this.n += to - from;
  }
  /** Copy original text that needs no folding beyond lower case (ASCII). */
  identity(src: string, from: number, to: number): void {
    this.room(to - from);
    this.parts.push(
      src
        .slice(from, to)
        .toLowerCase()
        .replace(/[\t\r]/g, ' '),
    );
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
    return { text: this.parts.join(''), starts: this.s.subarray(0, this.n), ends: this.e.subarray(0, this.n) };
  }
}
