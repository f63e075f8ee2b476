import type { SourceLocation } from '../errors/mimicfix-error';
import { parseCallSpec } from './call-spec';
import { createGenerator } from './registry';
import type { GenContext, ValueGenerator } from './types';

/**
 * One generator instance per exact generator text. The engine's runtime does NOT use this: like DATAMIMIC CE it
 * keys instances on the element plus the generator text, so two keys with `generator="IncrementGenerator"` each
 * count from 1 (see docs/generators.md). Exported for embedders that want one shared sequence per text.
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
