import fs from 'node:fs';
import path from 'node:path';
import type { ArtifactFormat, DescriptorScan } from '../api';
import { parseProperties } from '../files/properties';
import { createFaker } from '../random/faker';
import { Rng } from '../random/rng';
import { hasExpr } from '../runtime/attributes';
import { DescriptorFiles } from '../runtime/descriptor-files';
import { REFERENCE_NOW } from '../runtime/run-state';
import { isFileSource } from '../runtime/source-loader';
import { fileFormats, parseTargets } from '../runtime/targets';
import { compileTemplate } from '../script';
import type { XmlAttribute, XmlElement } from '../xml/xml-node';
import { attr, attrValue } from '../xml/xml-node';

/**
 * Walks the descriptor and everything it includes without generating: the file closure (for the cache key),
 * attribute paths that are expressions we cannot resolve, and the artifacts each generate will write.
 */
export function scanDescriptorFiles(descriptorPath: string): DescriptorScan {
  const files = new DescriptorFiles(descriptorPath, true);
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
      const v = compileTemplate(a.value, a.location).evaluate(
        (n) => (properties.has(n) ? { found: true, value: properties.get(n) } : { found: false }),
        ctx,
      );
      return String(v).trim();
    } catch {
      unresolved.push({ attribute: a.name, value: a.value, location: a.location });
      return undefined;
    }
  };

  const addFile = (a: XmlAttribute, uri: string): string => {
    const abs = files.resolve(uri, a.location);
    closure.add(abs);
    return abs;
  };

  const walkRecordChildren = (el: XmlElement, nested: boolean): void => {
    for (const child of el.children) {
      if (child.name === 'generate') walkGenerate(child, true);
      else {
        const src = attr(child, 'source');
        if (src) {
          const uri = resolvePath(src);
          if (uri && isFileSource(uri)) addFile(src, uri);
        }
        walkRecordChildren(child, nested);
      }
    }
  };

  const walkGenerate = (el: XmlElement, nested: boolean): void => {
    const src = attr(el, 'source');
    if (src) {
      const uri = resolvePath(src);
      if (uri && isFileSource(uri)) addFile(src, uri);
    }
    const target = attr(el, 'target');
    const formats: ArtifactFormat[] =
      target && target.value.trim()
        ? fileFormats(parseTargets(target.value, memIds, target.location, true))
        : [];
    const name = attrValue(el, 'name') ?? '';
    if (formats.length > 0 && name) expected.push({ name, formats, nested });
    walkRecordChildren(el, nested);
  };

  const walkSetup = (setup: XmlElement): void => {
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
          } else if (!seen.has(abs)) {
            seen.add(abs);
            walkSetup(files.descriptor(abs, uri, a.location));
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
          if (src) {
            const uri = resolvePath(src);
            if (uri && isFileSource(uri)) addFile(src, uri);
          }
          break;
        }
        case 'generate':
          walkGenerate(el, false);
          break;
        default:
          break;
      }
    }
  };
  walkSetup(root);
  return { root: files.rootFile, files: [...closure].sort(), unresolved, expected };
}
