import { MimicfixError } from '../errors/mimicfix-error';
import { closestMatch as suggest } from '../errors/suggest';
import type { XmlElement } from '../xml/xml-node';
import { isXmlInfrastructureAttribute, REMOTE_HINT, SCHEMA, VALUE_SOURCES } from './schema';

function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s ? ` (did you mean "${s}"?)` : '';
}

function invalid(message: string, el: XmlElement, hint: string, location = el.location): never {
  throw new MimicfixError('MIMICFIX_DESCRIPTOR_INVALID', message, { location, hint });
}

/**
 * Checks one parsed descriptor file against the element/attribute table: unknown elements and attributes
 * (with a suggestion), missing required attributes, conflicting value sources, and database-only features.
 */
export function validateDescriptor(root: XmlElement, options: { lenient?: boolean } = {}): void {
  if (options.lenient) {
    // scanDescriptor: the descriptor may be meant for the remote generator, which knows more (databases,
    // newer attributes); only the document shape is checked here.
    if (root.name !== 'setup') {
      invalid(
        `the root element must be <setup>, found <${root.name}>`,
        root,
        'wrap the descriptor in <setup>...</setup>',
      );
    }
    return;
  }
  if (root.name !== 'setup') {
    invalid(
      `the root element must be <setup>, found <${root.name}>${didYouMean(root.name, ['setup'])}`,
      root,
      'wrap the descriptor in <setup>...</setup>',
    );
  }
  validateElement(root);
}

/**
 * The children that work locally inside `el`: database-only elements are recognised but refused, and
 * `<include>` works only directly in `<setup>`, so neither is offered in hints or suggestions.
 */
function localChildren(el: XmlElement, children: readonly string[]): string[] {
  return children.filter((c) => !SCHEMA[c]?.unsupported && (c !== 'include' || el.name === 'setup'));
}

function validateElement(el: XmlElement): void {
  const spec = SCHEMA[el.name];
  if (!spec) throw new Error(`no schema for ${el.name}`); // guarded by the parent check below
  if (spec.unsupported) {
    throw new MimicfixError(
      'MIMICFIX_DESCRIPTOR_UNSUPPORTED',
      `<${el.name}> needs a live database, which the local engine does not provide`,
      { location: el.location, hint: REMOTE_HINT },
    );
  }
  for (const a of el.attributes) {
    if (spec.attributes.includes(a.name) || isXmlInfrastructureAttribute(a.name)) continue;
    invalid(
      `unknown attribute "${a.name}" on <${el.name}>${didYouMean(a.name, spec.attributes)}`,
      el,
      `allowed attributes of <${el.name}>: ${spec.attributes.join(', ') || '(none)'}`,
      a.location,
    );
  }
  for (const r of spec.required) {
    if (!el.attributes.some((a) => a.name === r)) {
      invalid(`<${el.name}> needs the attribute "${r}"`, el, `add ${r}="..." to <${el.name}>`);
    }
  }
  if (el.name === 'key' || el.name === 'id' || el.name === 'variable' || el.name === 'element') {
    const used = el.attributes.filter((a) => (VALUE_SOURCES as readonly string[]).includes(a.name));
    if (el.name === 'variable') {
      const entity = el.attributes.find((a) => a.name === 'entity');
      if (entity) used.push(entity);
    }
    const modes = [...VALUE_SOURCES, 'string', 'type', 'entity'];
    if (!el.attributes.some((a) => modes.includes(a.name))) {
      invalid(
        `<${el.name} name="${el.attributes.find((a) => a.name === 'name')?.value ?? ''}"> has no value: give one of ${modes
          .filter((m) => el.name === 'variable' || m !== 'entity')
          .join(', ')}`,
        el,
        'e.g. script="..." or generator="IntegerGenerator(min=1, max=9)" or type="int"',
      );
    }
    if (used.length > 1) {
      invalid(
        `<${el.name}> takes at most one of ${VALUE_SOURCES.join(', ')}${el.name === 'variable' ? ', entity' : ''}; found ${used
          .map((a) => a.name)
          .join(' and ')}`,
        el,
        'keep one value source; use converter/string/defaultValue to post-process it',
        used[1]?.location,
      );
    }
  }
  for (const a of el.attributes) {
    if ((a.name === 'source' || a.name === 'uri') && /\.scr\.sql$/i.test(a.value.trim())) {
      throw new MimicfixError(
        'MIMICFIX_DESCRIPTOR_UNSUPPORTED',
        `${a.name}="${a.value}" runs SQL against a database, which the local engine does not provide`,
        { location: a.location, hint: REMOTE_HINT },
      );
    }
  }
  for (const child of el.children) {
    if (!spec.children.includes(child.name)) {
      const known = SCHEMA[child.name];
      if (known?.unsupported) validateElement(child); // refuse database features with their own message
      invalid(
        known
          ? `<${child.name}> is not allowed inside <${el.name}>`
          : `unknown element <${child.name}> inside <${el.name}>${didYouMean(child.name, localChildren(el, spec.children))}`,
        child,
        `allowed inside <${el.name}>: ${localChildren(el, spec.children).join(', ') || '(nothing)'}`,
      );
    }
    validateElement(child);
  }
}
