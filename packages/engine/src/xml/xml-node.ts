import type { SourceLocation } from '../errors/mimicfix-error';

/** One attribute with the position of its name (1-based line/column). */
export interface XmlAttribute {
  name: string;
  value: string;
  location: SourceLocation;
  /**
   * Position of the value's first character (after the quote). It also carries, non-enumerable, the offsets
   * of the line breaks the XML normalisation turned into spaces, so script errors can name the real line.
   */
  valueLocation?: SourceLocation;
}

/** Where a script in this attribute starts: the value's own position when known. */
export function scriptBase(a: XmlAttribute): SourceLocation {
  return a.valueLocation ?? a.location;
}

/** One element of a descriptor, with exact positions for itself and each attribute. */
export interface XmlElement {
  name: string;
  /** Attributes in document order. */
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
  /** Position of the `<` that opens the element. */
  location: SourceLocation;
}

export function attr(el: XmlElement, name: string): XmlAttribute | undefined {
  for (const a of el.attributes) if (a.name === name) return a;
  return undefined;
}

export function attrValue(el: XmlElement, name: string): string | undefined {
  for (const a of el.attributes) if (a.name === name) return a.value;
  return undefined;
}
