import fs from 'node:fs';
import path from 'node:path';
import type { DescriptorScan, GenerateOptions, GenerateResult } from './api';
import { MimicfixError } from './errors/mimicfix-error';
import { parseProperties } from './files/properties';
import { Rng } from './random/rng';
import { compileAttr } from './runtime/attributes';
import { DescriptorFiles } from './runtime/descriptor-files';
import { closeAllPlans, compileGenerate, runGenerateAsync } from './runtime/generate-plan';
import { checkIncludeCycle } from './runtime/include-cycle';
import { DEFAULT_MAX_COUNT, DEFAULT_MAX_DEPTH, DEFAULT_MAX_TOTAL_RECORDS } from './runtime/limits';
import { Memstores } from './runtime/memstore';
import { Frame, REFERENCE_NOW, type ResolvedLimits, RunState } from './runtime/run-state';
import { SourceLoader } from './runtime/source-loader';
import { compileSteps } from './runtime/steps';
import { scanDescriptorFiles } from './scan/scan-descriptor';
import { attr, attrValue, type XmlElement } from './xml/xml-node';

function resolveLimits(options: GenerateOptions): ResolvedLimits {
  const l = options.limits ?? {};
  const check = (name: string, v: number | undefined, d: number): number => {
    if (v === undefined) return d;
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new MimicfixError('MIMICFIX_CONFIG', `limits.${name} must be a whole number >= 0, got ${v}`, {
        hint: `pass limits: { ${name}: 1000 }`,
      });
    }
    return v;
  };
  return {
    maxCount: check('maxCount', l.maxCount, DEFAULT_MAX_COUNT),
    maxDepth: check('maxDepth', l.maxDepth, DEFAULT_MAX_DEPTH),
    maxTotalRecords: check('maxTotalRecords', l.maxTotalRecords, DEFAULT_MAX_TOTAL_RECORDS),
  };
}

/** Properties files are read in document order; later values win. */
function loadProperties(run: RunState, abs: string, uri: string, location?: XmlElement['location']): void {
  for (const [k, v] of parseProperties(run.files.text(abs, uri, location))) run.properties.set(k, v);
}

async function runSetup(
  setup: XmlElement,
  run: RunState,
  memIds: Set<string>,
  isRoot: boolean,
  chain: string[],
): Promise<void> {
  if (isRoot) {
    const seed = attrValue(setup, 'rngSeed');
    if (seed !== undefined && seed.trim() !== '') run.rng = new Rng(seed.trim());
    run.defaultSeparator = attrValue(setup, 'defaultSeparator') ?? run.defaultSeparator;
    if (!run.options.dataset) run.dataset = attrValue(setup, 'defaultDataset') ?? run.dataset;
    if (!run.options.locale) run.locale = attrValue(setup, 'defaultLocale') ?? run.locale;
  }
  const globalFrame = new Frame(run, undefined);
  for (const el of setup.children) {
    run.checkAbort();
    switch (el.name) {
      case 'generate': {
        const name = attrValue(el, 'name') as string;
        if (run.options.only && !run.options.only.includes(name)) break;
        let failed = true;
        try {
          const plan = compileGenerate(el, run, run.rng, 0, memIds);
          await runGenerateAsync(plan, run);
          failed = false;
        } finally {
          closeAllPlans(run, failed); // also on failure, so no file descriptor stays open
        }
        break;
      }
      case 'variable': {
        const [step] = compileSteps([el], {
          run,
          rng: run.rng.fork('setup'),
          depth: 0,
          path: '',
          compileGenerate: () => {
            throw new Error('unreachable');
          },
          runGenerate: () => {},
        });
        globalFrame.vars.clear();
        step?.(globalFrame);
        for (const [k, v] of globalFrame.vars) run.globals.set(k, v);
        break;
      }
      case 'include': {
        const a = attr(el, 'uri');
        if (!a) break;
        const uri = String(compileAttr(a).get(globalFrame, run.scriptContext(run.rng.fork('include'))));
        const abs = run.files.resolve(uri, a.location);
        if (/\.properties$/i.test(uri)) loadProperties(run, abs, uri, a.location);
        else if (/\.xml$/i.test(uri)) {
          checkIncludeCycle(chain, abs, run.files.rootDir, a.location);
          await runSetup(run.files.descriptor(abs, uri, a.location), run, memIds, false, [...chain, abs]);
        } else {
          throw new MimicfixError(
            'MIMICFIX_DESCRIPTOR_INVALID',
            `include uri="${uri}" must be a .xml or .properties file`,
            {
              location: a.location,
              hint: 'include another <setup> descriptor (.xml) or key=value properties (.properties)',
            },
          );
        }
        break;
      }
      case 'memstore': {
        const id = attrValue(el, 'id') as string;
        run.memstores.declare(id);
        memIds.add(id);
        break;
      }
      case 'generator':
        run.namedGenerators.set(attrValue(el, 'name') as string, attrValue(el, 'generator') as string);
        break;
      case 'echo': {
        const t = compileAttr({ name: 'echo', value: el.text.trim(), location: el.location });
        run.log(String(t.get(globalFrame, run.scriptContext(run.rng.fork('echo')))));
        break;
      }
      case 'execute': {
        const uri = attrValue(el, 'uri') ?? '';
        throw new MimicfixError(
          'MIMICFIX_DESCRIPTOR_UNSUPPORTED',
          `<execute uri="${uri}"> runs a Python script, which the local engine does not execute`,
          {
            location: el.location,
            hint:
              'move the logic into script="..." expressions, or generate with the remote DATAMIMIC generator ' +
              '(DATAMIMIC_URL, DATAMIMIC_PROJECT_ID, DATAMIMIC_TOKEN)',
          },
        );
      }
      default:
        break; // database/mongodb were refused by validation
    }
  }
}

/**
 * Runs a DATAMIMIC descriptor locally: parses and validates it (and everything it includes), evaluates every
 * generate with the seeded RNG, and streams records into DATAMIMIC-formatted artifacts in `outDir`.
 */
export async function generate(
  descriptorPath: string,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const started = Date.now();
  const files = new DescriptorFiles(descriptorPath);
  const memstores = new Memstores();
  const run = new RunState(
    files,
    new Rng(options.seed ?? 'mimicfix'),
    REFERENCE_NOW,
    options,
    resolveLimits(options),
    memstores,
    undefined,
  );
  for (const [name, n] of Object.entries(options.counts ?? {})) {
    if (!(Number.isInteger(n) && n >= 0)) {
      throw new MimicfixError('MIMICFIX_CONFIG', `counts.${name} must be a whole number >= 0, got ${n}`, {
        hint: `pass counts: { ${JSON.stringify(name)}: 100 }`,
      });
    }
  }
  if (options.dataset) run.dataset = options.dataset;
  if (options.locale) run.locale = options.locale;
  const root = files.root(); // parsed and strictly validated first, so its own errors come first
  // then the static checks (generate names, duplicate datasets, include cycles, nesting depth, paths and
  // symlinks, missing files): a descriptor that fails them must not write a single file.
  scanDescriptorFiles(descriptorPath, { limits: options.limits });
  if (options.outDir) fs.mkdirSync(options.outDir, { recursive: true });
  const envProps = path.join(files.rootDir, 'conf', 'environment.env.properties');
  if (fs.existsSync(envProps)) loadProperties(run, envProps, 'conf/environment.env.properties');
  run.defaultSeparator = attrValue(root, 'defaultSeparator') ?? '|';
  run.sources = new SourceLoader(files, memstores, run.defaultSeparator);
  await runSetup(root, run, new Set(), true, [files.rootFile]);
  const result: GenerateResult = {
    artifacts: run.artifacts,
    counts: run.counts,
    durationMs: Date.now() - started,
  };
  if (run.captured) result.captured = run.captured;
  return result;
}

/**
 * Statically collects the files a descriptor reads and the artifacts it will write, without running it.
 * It serves the remote generator too, so it checks only that the XML is well-formed, has a `<setup>` root and
 * that every path stays inside the root folder; element/attribute validation (and refusing database features)
 * happens in `generate()`. `options.limits.maxDepth` bounds the nesting it walks (default 32).
 */
export function scanDescriptor(
  descriptorPath: string,
  options: Pick<GenerateOptions, 'limits'> = {},
): DescriptorScan {
  return scanDescriptorFiles(descriptorPath, options);
}
