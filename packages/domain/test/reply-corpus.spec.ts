import { classifyReply } from '../src/rules/inbound-keywords.rule';
import { NOT_OPT_OUTS } from './reply-corpus/not-opt-outs';
import { OPT_OUTS } from './reply-corpus/opt-outs';

/** A STOP or a complaint opts the number out (CONTRACT §3). */
function optsOut(text: string): boolean {
  const { kind } = classifyReply(text);
  return kind === 'STOP' || kind === 'COMPLAINT';
}

/**
 * The reply corpus (FCC 24-24, 47 CFR 64.1200(a)(10) "any reasonable means"; compliance-rules.md §2): opt-out
 * recall at least 0.98, no look-alike counted as an opt-out, precision over the whole corpus.
 */
describe('reply corpus', () => {
  const missed = OPT_OUTS.filter(([text]) => !optsOut(text));
  const falseOptOuts = NOT_OPT_OUTS.filter(([text]) => optsOut(text));
  const recall = (OPT_OUTS.length - missed.length) / OPT_OUTS.length;
  const precision =
    (OPT_OUTS.length - missed.length) / (OPT_OUTS.length - missed.length + falseOptOuts.length);

  it('holds at least 300 replies in each of the six languages', () => {
    expect(OPT_OUTS.length + NOT_OPT_OUTS.length).toBeGreaterThanOrEqual(300);
    for (const language of ['en', 'zh', 'es', 'pt', 'fr', 'de']) {
      expect(OPT_OUTS.filter((entry) => entry[1] === language).length).toBeGreaterThanOrEqual(20);
      expect(NOT_OPT_OUTS.filter((entry) => entry[1] === language).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('recalls at least 98 % of the opt-outs', () => {
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });

  it('counts no look-alike as an opt-out', () => {
    expect(falseOptOuts.filter((entry) => entry[2] === 'look-alike')).toEqual([]);
  });

  it('is precise to at least 0.98 over the whole corpus', () => {
    expect(precision).toBeGreaterThanOrEqual(0.98);
  });

  it.each(OPT_OUTS.map(([text, language]) => [JSON.stringify(text), language, text] as const))(
    'opt-out %s (%s)',
    (_, _language, text) => {
      expect(optsOut(text)).toBe(true);
    },
  );

  it.each(
    NOT_OPT_OUTS.map(([text, language, kind]) => [JSON.stringify(text), language, kind, text] as const),
  )('not an opt-out %s (%s, %s)', (_, _language, _kind, text) => {
    expect(optsOut(text)).toBe(false);
  });
});
