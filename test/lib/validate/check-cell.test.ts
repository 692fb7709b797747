import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkCell } from '../../../src/lib/validate/check-cell.ts';
import { field, heures, marches, participants } from '../../../src/schemas/index.ts';

describe('checkCell', () => {
  const m = marches.fields;
  it('normalises then validates each kind', () => {
    expect(checkCell(m.montant, '1 254 300,00')).toEqual({ ok: true, value: 1254300 });
    expect(checkCell(m.duree_mois, '12')).toEqual({ ok: true, value: 12 });
    expect(checkCell(m.date_notification, '14/03/2017')).toEqual({ ok: true, value: '2017-03-14' });
    expect(checkCell(heures.fields.mois, '3/2018')).toEqual({ ok: true, value: '2018-03' });
    expect(checkCell(m.critere_attribution, 'Oui')).toEqual({ ok: true, value: true });
    expect(checkCell(m.procedure, 'Procédure adaptée')).toEqual({ ok: true, value: 'PROCEDURE_ADAPTEE' });
    expect(checkCell(m.considerations_sociales, 'Critère social|clause sociale|CLAUSE_SOCIALE')).toEqual({ ok: true, value: ['CLAUSE_SOCIALE', 'CRITERE_SOCIAL'] });
    expect(checkCell(participants.fields.id_participant, 'p001234')).toEqual({ ok: true, value: 'P001234' });
  });

  it('names the rule a cell breaks, with its parameters', () => {
    expect(checkCell(m.montant, '12h')).toEqual({ ok: false, rule: 'nombre.format' });
    expect(checkCell(m.duree_mois, '0')).toEqual({ ok: false, rule: 'nombre.minimum', params: { op: '≥', min: 1 } });
    expect(checkCell(heures.fields.heures, '0')).toEqual({ ok: false, rule: 'nombre.minimum', params: { op: '>', min: 0 } });
    expect(checkCell(heures.fields.heures, '208,5')).toEqual({ ok: false, rule: 'nombre.maximum', params: { op: '≤', max: 208 } });
    expect(checkCell(m.considerations_sociales, 'CLAUSE_SOCIALE|SOCIAL')).toMatchObject({ ok: false, rule: 'code.inconnu', params: { item: 'SOCIAL' } });
    expect(checkCell(m.id_acheteur, '2344000340002')).toEqual({ ok: false, rule: 'texte.format', params: { example: '23440003400026' } });
    expect(checkCell(m.date_notification, '30/02/2018')).toEqual({ ok: false, rule: 'date.invalide' });
  });

  it('falls back on valeur.invalide for a zod issue no rule describes', () => {
    const odd = field({
      kind: 'string',
      schema: z.string().refine((s) => s !== 'interdit', { message: 'forbidden word' }),
      required: true,
      title: { fr: 't', en: 't' },
      description: { fr: 'd', en: 'd' },
      example: 'ok',
    });
    expect(checkCell(odd, 'interdit')).toEqual({ ok: false, rule: 'valeur.invalide', params: { detail: { fr: 'forbidden word', en: 'forbidden word' } } });
  });
});
