import { describe, expect, it } from 'vitest';
import { SEARCH_WORDS_MAX } from '@wardguard/shared/api/search';
import { toMatchExpression } from './match-expression.ts';

describe('toMatchExpression', () => {
  it('quotes every word so search syntax is only ever text, and matches the start of the last plain word', () => {
    expect(toMatchExpression('garytroll threat')).toEqual({ match: '"garytroll" "threat"*', words: ['garytroll', 'threat'] });
    expect(toMatchExpression('NEAR(a b) OR c')?.match).toBe('"NEAR(a" "b)" "OR" "c"');
    expect(toMatchExpression('say "hello"')?.match).toBe('"say" """hello"""');
    expect(toMatchExpression('title:x AND -y')?.match).toBe('"title:x" "AND" "-y"');
  });

  it('keeps a reference, a handle or an address whole, without widening it to a prefix', () => {
    expect(toMatchExpression('AK/3')?.match).toBe('"AK/3"');
    expect(toMatchExpression('@grumble_99')?.match).toBe('"@grumble_99"');
    expect(toMatchExpression('bob@evil.example')?.match).toBe('"bob@evil.example"');
    expect(toMatchExpression('1234')?.match).toBe('"1234"');
    expect(toMatchExpression('zéphyrine')?.match).toBe('"zéphyrine"*');
  });

  it('drops words with nothing to find and control characters, and stops at the word limit', () => {
    expect(toMatchExpression('* "" -- ()')).toBeNull();
    expect(toMatchExpression('   ')).toBeNull();
    expect(toMatchExpression('a\u0000b')?.words).toEqual(['a', 'b']);
    expect(toMatchExpression(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))?.words).toHaveLength(SEARCH_WORDS_MAX);
  });
});
