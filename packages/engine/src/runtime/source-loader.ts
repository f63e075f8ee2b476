import { REMOTE_HINT } from '../descriptor/schema';
import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import { parseEntityCsv, parseWeightedCsv, type WeightedValues } from '../sources/csv-source';
import type { DescriptorFiles } from './descriptor-files';
import type { Memstores } from './memstore';

export type LoadedSource =
  | { kind: 'rows'; rows: unknown[] }
  | { kind: 'weighted'; weighted: WeightedValues }
  | { kind: 'dict'; value: Record<string, unknown> };

export function isFileSource(uri: string): boolean {
  return /\.(csv|json)$/i.test(uri.trim());
}

/**
 * A `source=` that is not a .csv/.json file but is written like a path (a folder separator or a file
 * extension): it is checked as a path instead of being taken for a memstore or database id.
 */
export function looksLikePath(uri: string): boolean {
  const u = uri.trim();
  return /[/\\]/.test(u) || /\.[A-Za-z0-9]+$/.test(u);
}

export const SOURCE_EXTENSIONS = '.ent.csv (or any .csv), .wgt.csv and .json';

/** Loads `source=` data: ent.csv rows, wgt.csv weights, JSON lists/dicts, or a memstore's records. */
export class SourceLoader {
  private readonly cache = new Map<string, LoadedSource>();

  constructor(
    private readonly files: DescriptorFiles,
    private readonly memstores: Memstores,
    private readonly defaultSeparator: string,
  ) {}

  load(uri: string, opts: { separator?: string; type?: string; location: SourceLocation }): LoadedSource {
    const u = uri.trim();
    if (!isFileSource(u)) {
      const store = this.memstores.get(u);
      if (store) {
        if (!opts.type) {
          throw new MimicfixError(
            'MIMICFIX_DESCRIPTOR_INVALID',
            `source="${u}" is a memstore and needs type="..."`,
            {
              location: opts.location,
              hint: 'add type="<name of the generate that wrote into the memstore>"',
            },
          );
        }
        return { kind: 'rows', rows: store.get(opts.type) ?? [] };
      }
      if (looksLikePath(u)) {
        this.files.resolve(u, opts.location); // outside the root folder → MIMICFIX_PATH_OUTSIDE_ROOT
        throw new MimicfixError(
          'MIMICFIX_DESCRIPTOR_INVALID',
          `source="${u}" is not a supported source file: supported file sources are ${SOURCE_EXTENSIONS}`,
          {
            location: opts.location,
            hint: 'convert the data to an .ent.csv or .json file, or name a <memstore> id',
          },
        );
      }
      throw new MimicfixError(
        'MIMICFIX_DESCRIPTOR_UNSUPPORTED',
        `source="${u}" is neither a .csv/.json file nor a declared <memstore>; a database source needs a live database`,
        { location: opts.location, hint: REMOTE_HINT },
      );
    }
    const sep = opts.separator ?? this.defaultSeparator;
    const abs = this.files.resolve(u, opts.location);
    const cacheKey = `${abs}\u0000${sep}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const text = this.files.text(abs, u, opts.location);
    let loaded: LoadedSource;
    try {
      if (/\.wgt\.csv$/i.test(u)) loaded = { kind: 'weighted', weighted: parseWeightedCsv(text, sep, abs) };
      else if (/\.csv$/i.test(u)) loaded = { kind: 'rows', rows: parseEntityCsv(text, sep, abs) };
      else {
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch (cause) {
          throw new MimicfixError('MIMICFIX_SOURCE', `${abs}: not valid JSON (${(cause as Error).message})`, {
            cause,
            hint: 'a .json source holds a JSON list (or a dict for nestedKey type="dict")',
          });
        }
        if (Array.isArray(data)) loaded = { kind: 'rows', rows: data };
        else if (data !== null && typeof data === 'object') {
          loaded = { kind: 'dict', value: data as Record<string, unknown> };
        } else {
          throw new MimicfixError('MIMICFIX_SOURCE', `${abs}: a JSON source must be a list or an object`, {
            hint: 'wrap the records in [ ... ]',
          });
        }
      }
    } catch (e) {
      if (e instanceof MimicfixError && !e.location) {
        throw new MimicfixError(e.code, e.message, { location: opts.location, hint: e.hint, cause: e.cause });
      }
      throw e;
    }
    this.cache.set(cacheKey, loaded);
    return loaded;
  }
}
