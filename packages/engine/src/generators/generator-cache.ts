import type { SourceLocation } from '../errors/mimicfix-error';
import { parseCallSpec } from './call-spec';
import { createGenerator } from './registry';
import type { GenContext, ValueGenerator } from './types';

/**
 * DATAMIMIC shares one generator instance per identical generator string within a run (two keys with
 * `generator="IncrementGenerator"` continue the same sequence). The runtime keeps one cache per run and asks it
 * by the exact attribute text; whitespace differences make different instances, as in DATAMIMIC.
 */
export class GeneratorCache {
  private readonly instances = new Map<string, ValueGenerator>();

  constructor(private readonly ctx: GenContext) {}

  /** The instance for `text`, created (parsed + validated) on first use. */
  get(text: string, location: SourceLocation): ValueGenerator {
    let g = this.instances.get(text);
    if (!g) {
      g = createGenerator(parseCallSpec(text, location), this.ctx, location);
      this.instances.set(text, g);
    }
    return g;
  }

  get size(): number {
    return this.instances.size;
  }
}
