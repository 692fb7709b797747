import { describe, expect, it } from 'vitest';
import { departementOfLieu, procedureCode, readCpv, segmentOfCpv } from '../../../src/lib/decp/derive.ts';

describe('segmentOfCpv', () => {
  it.each([
    ['45000000-7', 'TRAVAUX'],
    ['45223220', 'TRAVAUX'],
    ['71221000-3', 'PRESTATIONS_INTELLECTUELLES'], // architectural services for buildings
    ['71300000-1', 'PRESTATIONS_INTELLECTUELLES'], // engineering services
    ['71100000-2', 'SERVICES'], // 71.1 is not architecture or engineering
    ['71600000-4', 'SERVICES'], // technical testing
    ['03100000-2', 'FOURNITURES'],
    ['09310000-5', 'FOURNITURES'],
    ['30192000-1', 'FOURNITURES'],
    ['44000000-0', 'FOURNITURES'],
    ['48000000-8', 'FOURNITURES'], // software packages
    ['50000000-5', 'SERVICES'],
    ['72000000-5', 'SERVICES'],
    ['90910000-9', 'SERVICES'],
    ['98000000-3', 'SERVICES'],
  ])('%s → %s', (cpv, segment) => {
    expect(segmentOfCpv(cpv)).toBe(segment);
  });
});

describe('readCpv', () => {
  it('keeps 8-digit codes with or without check digit', () => {
    expect(readCpv('45000000-7')).toEqual({ ok: true, code: '45000000-7', fixed: false });
    expect(readCpv(' 45000000 ')).toEqual({ ok: true, code: '45000000', fixed: false });
  });
  it('restores the leading zero a spreadsheet removed from divisions 03 and 09', () => {
    expect(readCpv('9310000')).toEqual({ ok: true, code: '09310000', fixed: true });
    expect(readCpv('3100000-2')).toEqual({ ok: true, code: '03100000-2', fixed: true });
  });
  it.each(['4521', '4500000', '45000000-77', '4500000A', 'CPV45000000', ''])('refuses %j', (raw) => {
    expect(readCpv(raw)).toEqual({ ok: false });
  });
});

describe('procedureCode', () => {
  it.each([
    ['Procédure adaptée', 'PROCEDURE_ADAPTEE'],
    ["Appel d'offres ouvert", 'APPEL_OFFRES_OUVERT'],
    ['Appel d’offres restreint', 'APPEL_OFFRES_RESTREINT'],
    ['Procédure avec négociation', 'PROCEDURE_NEGOCIATION'],
    ['Marché passé sans publicité ni mise en concurrence préalable', 'SANS_PUBLICITE'],
    ['Dialogue compétitif', 'DIALOGUE_COMPETITIF'],
    // Older labels (before the arrêté of 22 March 2019, and the 2022 format).
    ['Procédure concurrentielle avec négociation', 'PROCEDURE_NEGOCIATION'],
    ['Procédure négociée avec mise en concurrence préalable', 'PROCEDURE_NEGOCIATION'],
    ['Marché négocié sans publicité ni mise en concurrence préalable', 'SANS_PUBLICITE'],
    ['APPEL_OFFRES_OUVERT', 'APPEL_OFFRES_OUVERT'],
  ])('%s → %s', (label, code) => {
    expect(procedureCode(label)).toBe(code);
  });
  it('gives undefined for an unknown label', () => {
    expect(procedureCode('Procédure non négociée ouverte')).toBeUndefined();
  });
});

describe('departementOfLieu', () => {
  it.each([
    ['44000', 'Code postal', '44'],
    ['85000', 'code postal', '85'],
    ['01000', 'Code postal', '01'],
    ['20000', 'Code postal', '2A'],
    ['20100', 'Code postal', '2A'],
    ['20200', 'Code postal', '2B'],
    ['20600', 'Code postal', '2B'],
    ['97400', 'Code postal', '974'],
    ['44', 'Code département', '44'],
    ['2B', 'Code département', '2B'],
    ['1', 'Code département', '01'],
    ['44109', 'Code commune', '44'],
    ['2A004', 'Code commune', '2A'],
    ['97411', 'Code commune', '974'],
  ])('%s (%s) → %s', (code, type, dep) => {
    expect(departementOfLieu(code, type)).toBe(dep);
  });
  it.each([
    ['52', 'Code région'],
    ['FR', 'Code pays'],
    ['4401', 'Code canton'],
    ['441', 'Code arrondissement'],
    ['98000', 'Code postal'], // Monaco: not a département
    ['4400', 'Code postal'],
    ['99', 'Code département'],
  ])('leaves %s (%s) undefined', (code, type) => {
    expect(departementOfLieu(code, type)).toBeUndefined();
  });
  it('needs both the code and its type', () => {
    expect(departementOfLieu('44000', undefined)).toBeUndefined();
    expect(departementOfLieu(undefined, 'Code postal')).toBeUndefined();
  });
});
