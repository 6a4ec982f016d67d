import { describe, expect, it } from 'vitest';
import { declaresWideCharset, looksMisdecoded, looksReadable, looksWide, relabel } from './charset.ts';

const asUtf16 = (ascii: string) => Buffer.from(ascii, 'latin1').toString('utf16le');

describe('charset labels that do not fit the bytes', () => {
  it('sees ASCII read as UTF-16 as nonsense, and ordinary text (Latin or Chinese) as readable', () => {
    expect(looksMisdecoded(asUtf16('You are a useless fucking idiot and everyone knows it.'))).toBe(true);
    expect(looksMisdecoded('Please could you look at the potholes on Mill Lane?')).toBe(false);
    expect(looksReadable('Grüße aus Köln — €100')).toBe(true);
    expect(looksReadable('abc\uFFFD\uFFFDdef')).toBe(false);
    expect(looksWide('h\u0000e\u0000l\u0000l\u0000o\u0000')).toBe(true);
  });

  it('finds a wide label in a header and replaces only the label, byte for byte elsewhere', () => {
    const raw = Buffer.from('Content-Type: text/plain; charset="UTF-16"\r\n\r\n\xe9t\xe9\r\n', 'latin1');
    expect(declaresWideCharset(raw)).toBe(true);
    expect(declaresWideCharset(Buffer.from('Content-Type: text/plain; charset=utf-8\r\n\r\nhi'))).toBe(false);
    const again = relabel(raw, 'utf-8');
    expect(again.toString('latin1')).toBe('Content-Type: text/plain; charset="utf-8"\r\n\r\n\xe9t\xe9\r\n');
  });
});
