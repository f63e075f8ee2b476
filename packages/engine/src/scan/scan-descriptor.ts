import fs from 'node:fs';
import path from 'node:path';
import type { ArtifactFormat, DescriptorScan, EngineLimits } from '../api';
import type { SourceLocation } from '../errors/mimicfix-error';
import { parseProperties } from '../files/properties';
import { notReadable } from '../files/resolve-path';
import { createFaker } from '../random/faker';
import { Rng } from '../random/rng';
import { hasExpr } from '../runtime/attributes';
import { checkDatasetName } from '../runtime/dataset-names';
import { DescriptorFiles } from '../runtime/descriptor-files';
import { checkIncludeCycle } from '../runtime/include-cycle';
import { DEFAULT_MAX_DEPTH, depthError } from '../runtime/limits';
import { REFERENCE_NOW } from '../runtime/run-state';
import { isFileSource, looksLikePath } from '../runtime/source-loader';
import { fileFormats, parseTargets } from '../runtime/targets';
import { compileTemplate } from '../script';
import type { XmlAttribute, XmlElement } from '../xml/xml-node';
import { attr, attrValue, scriptBase } from '../xml/xml-node';

/**
 * Walks the descriptor and everything it includes without generating: the file closure (for the cache key),
 * attribute paths that are expressions we cannot resolve, and the artifacts each generate will write.
 */
export function scanDescriptorFiles(
  descriptorPath: string,
  options: { limits?: EngineLimits } = {},
): DescriptorScan {
  const maxDepth = options.limits?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const files = new DescriptorFiles(descriptorPath, true);
  const datasetNames = new Map<string, SourceLocation>();
  const closure = new Set<string>();
  const unresolved: DescriptorScan['unresolved'] = [];
  const expected: DescriptorScan['expected'] = [];
  const properties = new Map<string, unknown>();
  const memIds = new Set<string>();
  const seen = new Set<string>();
  const ctx = (() => {
    const rng = new Rng('scan');
    return { rng, faker: createFaker(rng), now: REFERENCE_NOW };
  })();

  const root = files.root();
  closure.add(files.rootFile);
  const env = path.join(files.rootDir, 'conf', 'environment.env.properties');
  if (fs.existsSync(env)) {
    closure.add(env);
    for (const [k, v] of parseProperties(files.text(env, 'conf/environment.env.properties')))
      properties.set(k, v);
  }

  /** The path an attribute names, or undefined when it is an expression that needs runtime values. */
  const resolvePath = (a: XmlAttribute): string | undefined => {
    if (!hasExpr(a.value)) return a.value.trim();
    try {
      const v = compileTemplate(a.value, scriptBase(a)).evaluate(
        (n) => (properties.has(n) ? { found: true, value: properties.get(n) } : { found: false }),
        ctx,
      );
      return String(v).trim();
    } catch {
      unresolved.push({ attribute: a.name, value: a.value, location: a.location });
      return undefined;
    }
  };

  /** A path in the closure must exist: the cache key hashes it, and the run reads it. */
  const addFile = (a: XmlAttribute, uri: string): string => {
    const abs = files.resolve(uri, a.location);
    let isFile = false;
    try {
      isFile = fs.statSync(abs).isFile();
    } catch (cause) {
      throw notReadable(uri, abs, a.location, cause);
    }
    if (!isFile) throw notReadable(uri, abs, a.location, { code: 'EISDIR' });
    closure.add(abs);
    return abs;
  };

  /** A `source=` value: a data file joins the closure; anything path-like must stay inside the root. */
  const addSource = (src: XmlAttribute): void => {
    const uri = resolvePath(src);
    if (!uri) return;
    if (isFileSource(uri)) addFile(src, uri);
    else if (looksLikePath(uri)) files.resolve(uri, src.location);
  };

  /** Checked before recursing, so a pathologically deep descriptor fails cleanly instead of overflowing. */
  const enter = (el: XmlElement, depth: number): void => {
    if (depth > maxDepth) throw depthError(el, maxDepth);
  };

  const walkRecordChildren = (el: XmlElement, nested: boolean, depth: number): void => {
    for (const child of el.children) {
      if (child.name === 'generate') {
        enter(child, depth + 1);
        walkGenerate(child, true, depth + 1);
      } else {
        const src = attr(child, 'source');
        if (src) addSource(src);
        const deeper = child.name === 'nestedKey' || child.name === 'list' ? depth + 1 : depth;
        enter(child, deeper);
        walkRecordChildren(child, nested, deeper);
      }
    }
  };

  const walkGenerate = (el: XmlElement, nested: boolean, depth: number): void => {
    const src = attr(el, 'source');
    if (src) addSource(src);
    const target = attr(el, 'target');
    const formats: ArtifactFormat[] =
      target && target.value.trim()
        ? fileFormats(parseTargets(target.value, memIds, target.location, true))
        : [];
    const name = attrValue(el, 'name') ?? '';
    checkDatasetName(el, formats.length > 0 && name !== '', datasetNames);
    if (formats.length > 0 && name) expected.push({ name, formats, nested });
    walkRecordChildren(el, nested, depth);
  };

  /** `chain`: the descriptor files being walked, root first (an include of one of them is a cycle). */
  const walkSetup = (setup: XmlElement, chain: string[]): void => {
    for (const el of setup.children) {
      switch (el.name) {
        case 'memstore':
          memIds.add(attrValue(el, 'id') ?? '');
          break;
        case 'include': {
          const a = attr(el, 'uri');
          const uri = a && resolvePath(a);
          if (!a || !uri) break;
          const abs = addFile(a, uri);
          if (/\.properties$/i.test(uri)) {
            for (const [k, v] of parseProperties(files.text(abs, uri, a.location))) properties.set(k, v);
          } else {
            checkIncludeCycle(chain, abs, files.rootDir, a.location);
            if (!seen.has(abs)) {
              seen.add(abs);
              walkSetup(files.descriptor(abs, uri, a.location), [...chain, abs]);
            }
          }
          break;
        }
        case 'execute': {
          const a = attr(el, 'uri');
          const uri = a && resolvePath(a);
          if (a && uri) addFile(a, uri);
          break;
        }
        case 'variable': {
          // a constant setup variable is known statically and may name a path (`source="{folder}/x.csv"`)
          const constant = attrValue(el, 'constant');
          if (constant !== undefined) properties.set(attrValue(el, 'name') as string, constant);
          const src = attr(el, 'source');
          if (src) addSource(src);
          break;
        }
        case 'generate':
          walkGenerate(el, false, 0);
          break;
        default:
          break;
      }
    }
  };
  walkSetup(root, [files.rootFile]);
  return { root: files.rootFile, files: [...closure].sort(), unresolved, expected };
}
