import { describe, expect, test } from 'vitest';
import { codes, CORE, dictionary, SECTIONS } from '../../src/i18n/dictionary.ts';
import { formatBytes, formatChange, formatDate, formatNumber, formatPercent, formatPeriod, t, tn } from '../../src/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  test('every entry has a French and an English text', () => {
    for (const [key, entry] of Object.entries(dictionary)) {
      expect(entry.fr.trim(), key).not.toBe('');
      expect(entry.en.trim(), key).not.toBe('');
    }
  });
  test('French and English use the same placeholders', () => {
    for (const [key, entry] of Object.entries(dictionary)) expect(placeholders(entry.en), key).toEqual(placeholders(entry.fr));
  });
  test('no key is defined twice across the core dictionary and its sections', () => {
    const seen = new Map<string, string>(Object.keys(CORE).map((k) => [k, 'core']));
    const clashes: string[] = [];
    for (const [section, entries] of Object.entries(SECTIONS))
      for (const key of Object.keys(entries)) {
        if (seen.has(key)) clashes.push(`${key}: ${seen.get(key)} and ${section}`);
        else seen.set(key, section);
      }
    expect(clashes).toEqual([]);
  });
  test('code labels exist in both languages', () => {
    const groups: Record<string, Record<string, { fr: string; en: string }>> = codes;
    for (const [column, group] of Object.entries(groups))
      for (const [code, entry] of Object.entries(group)) {
        expect(entry.fr, `${column}.${code}`).toBeTruthy();
        expect(entry.en, `${column}.${code}`).toBeTruthy();
      }
  });
});

describe('formatting', () => {
  test('numbers follow the language', () => {
    expect(formatNumber('fr', 318400)).toBe('318\u202f400');
    expect(formatNumber('en', 318400)).toBe('318,400');
    expect(formatNumber('fr', 12.96)).toBe('13');
    expect(formatNumber('fr', 12.94)).toBe('12,9');
  });
  test('percentages', () => {
    expect(formatPercent('fr', 12.96, 2)).toBe('12,96\u202f%');
    expect(formatPercent('fr', 12.96, 1)).toBe('13,0\u202f%');
    expect(formatPercent('en', 70, 0)).toBe('70%');
    expect(formatPercent('en', 8, 1)).toBe('8.0%');
  });
  test('relative change is signed', () => {
    expect(formatChange('fr', 18200, 55300)).toBe('+204\u202f%');
    expect(formatChange('en', 100, 80)).toBe('−20%');
  });
  test('dates and periods', () => {
    expect(formatDate('fr', '2019-03-15')).toBe('15 mars 2019');
    expect(formatDate('en', '2019-03-15')).toBe('15 March 2019');
    expect(formatPeriod('fr', { debut: '2012-01-01', fin: '2018-12-31' })).toBe('2012–2018');
    expect(formatPeriod('en', { debut: '2012-03-01', fin: '2018-12-31' })).toBe('1 March 2012 – 31 December 2018');
  });
  test('file sizes', () => {
    expect(formatBytes('fr', 87291)).toBe('87,3\u00a0ko');
    expect(formatBytes('en', 512)).toBe('512\u00a0B');
  });
  test('lookups fill placeholders and pick the plural', () => {
    expect(t('fr', 'contracts.count', { shown: 3, total: 564 })).toBe('3 marchés affichés sur 564');
    expect(tn('fr', 'summary.secret', 1, { which: '2012' })).toContain('1 valeur est couverte');
    expect(tn('en', 'summary.secret', 2, { which: '2012, 2013' })).toContain('2 values are suppressed for confidentiality');
  });
});
