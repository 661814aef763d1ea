import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import type { GrantFacts } from './facts';
import { apply, type Caller, useGrantsHarness, WAN } from './test-helpers';

let h: Harness;
let sme: Caller;
let admin: Caller;
useGrantsHarness((ctx) => {
  ({ h, sme, admin } = ctx);
});

const SME_NAME = '深圳智源未来科技有限公司';

const event = {
  article: 'art14',
  heldInNanshan: true,
  largeModelOrGenerativeAiTheme: true,
  recognised: true,
  recognisedBy: 'municipal',
  eventDate: '2026-10-20',
} as const;

function art14(facts: GrantFacts = event, projectReference = 'NS-AI-SUMMIT-2026') {
  return apply(sme, {
    year: 2026,
    projectName: '南山大模型开发者大会',
    projectReference,
    requestedFen: 100 * WAN,
    facts,
  });
}

async function reasonsOf(applicationId: string) {
  return (await admin.admin.grants.get({ applicationId })).currentProposal;
}

describe('Arts. 11–13 — "大模型和生成式人工智能企业", from the verified profile', () => {
  it('proposes nothing to an enterprise whose AI activity is neither large-model training nor generative AI', async () => {
    await h.db
      .update(schema.enterprises)
      .set({ aiActivity: 'other' })
      .where(eq(schema.enterprises.name, SME_NAME));
    const applications = [
      { projectReference: '', facts: { article: 'art11', newOrRelocated: true, recognised: true } },
      { projectReference: '', facts: { article: 'art12', revenueFen: 250_000_000 * 100 } },
      { projectReference: 'L-1', facts: { article: 'art13', kind: 'loan_interest', baseFen: 100 * WAN } },
    ] as const;
    for (const a of applications) {
      const app = await apply(sme, {
        year: 2026,
        projectName: a.facts.article,
        requestedFen: 100 * WAN,
        ...a,
      });
      expect(app.proposedFen, a.facts.article).toBe(0);
      const proposal = await reasonsOf(app.id);
      expect(proposal.reasons, a.facts.article).toEqual(['not_large_model_or_genai']);
      const step = proposal.trace.find(
        (s) => s.code === 'condition' && s.zh.startsWith('大模型和生成式人工智能企业'),
      );
      expect(step?.en).toBe('a large-model or generative-AI enterprise: not met');
    }
  });

  it('proposes the award to a large-model enterprise (the demo SME trains large models)', async () => {
    const app = await apply(sme, {
      year: 2026,
      projectName: '营收突破',
      requestedFen: 100 * WAN,
      facts: { article: 'art12', revenueFen: 250_000_000 * 100 },
    });
    expect(app.proposedFen).toBe(100 * WAN);
  });
});

describe('Art. 14 — held in Nanshan, on large models or generative AI', () => {
  it('proposes the award when both are declared, nothing when one is declared not met', async () => {
    expect((await art14()).proposedFen).toBe(100 * WAN);
    const elsewhere = await art14({ ...event, heldInNanshan: false }, 'SZ-AI-FORUM-2026');
    expect(elsewhere.proposedFen).toBe(0);
    expect((await reasonsOf(elsewhere.id)).reasons).toEqual(['event_not_in_nanshan']);
  });

  it('reads an application stored before the form asked, and says the facts were not declared', async () => {
    const app = await art14();
    // The row as the form stored it before the two declarations existed.
    const [row] = await h.db
      .select()
      .from(schema.grantApplications)
      .where(eq(schema.grantApplications.id, app.id));
    const stored = row!.facts as { articleFacts: Record<string, unknown> };
    const { heldInNanshan, largeModelOrGenerativeAiTheme, ...older } = stored.articleFacts;
    await h.db
      .update(schema.grantApplications)
      .set({ facts: { ...stored, articleFacts: older } })
      .where(eq(schema.grantApplications.id, app.id));

    const proposal = await reasonsOf(app.id);
    expect(proposal.amountFen).toBe(0);
    expect(proposal.reasons).toEqual([
      'event_not_in_nanshan',
      'event_not_large_model_or_genai',
      'fact_not_declared',
    ]);
    expect(proposal.trace.filter((s) => s.code === 'fact_not_declared').map((s) => s.zh)).toEqual([
      '申报未声明“在南山区举办”，按不满足处理',
      '申报未声明“大模型和生成式人工智能主题活动”，按不满足处理',
    ]);
    // The applicant's view parses the row too.
    expect((await sme.grants.get({ applicationId: app.id })).facts).toEqual(older);
  });
});
