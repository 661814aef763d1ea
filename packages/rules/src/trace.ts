import { STEP_TEXTS, type StepArgs, type StepCode } from './messages';
import type { Article } from './params/types';

/** One step of an explanation: data plus its Chinese and English rendering. */
export interface TraceStep {
  code: string;
  article: string;
  args: Record<string, string | number | boolean>;
  zh: string;
  en: string;
}

/**
 * A trace step whose texts are rendered when read, so a quote nobody opens costs no formatting. `zh` and `en` are
 * getters on the prototype; JSON.stringify sees them through toJSON. To copy a step with spread or structuredClone,
 * copy `plainTrace(trace)` instead.
 */
class RenderedOnRead<C extends StepCode> implements TraceStep {
  constructor(
    readonly code: C,
    readonly article: Article,
    readonly args: StepArgs[C],
  ) {}

  get zh(): string {
    return STEP_TEXTS[this.code].zh(this.args);
  }

  get en(): string {
    return STEP_TEXTS[this.code].en(this.args);
  }

  toJSON(): TraceStep {
    return { code: this.code, article: this.article, args: this.args, zh: this.zh, en: this.en };
  }
}

export function step<C extends StepCode>(code: C, article: Article, args: StepArgs[C]): TraceStep {
  return new RenderedOnRead(code, article, args);
}

/** The trace as plain objects with rendered texts (for spreading, structuredClone or storage). */
export function plainTrace(trace: readonly TraceStep[]): TraceStep[] {
  return trace.map(({ code, article, args, zh, en }) => ({ code, article, args, zh, en }));
}

/**
 * A step built once and frozen, for steps whose arguments take few values (a condition and whether it is met):
 * evaluations share them instead of allocating their own.
 */
export function sharedStep<C extends StepCode>(code: C, article: Article, args: StepArgs[C]): TraceStep {
  Object.freeze(args);
  return Object.freeze(step(code, article, args));
}
