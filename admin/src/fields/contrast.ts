/** Colour arithmetic for WCAG contrast: text colours derived from a hue stay readable on their tint. */

type Rgb = [number, number, number];

/** WCAG AA for normal-size text. */
export const AA_TEXT_CONTRAST = 4.5;

function parseHex(hex: string): Rgb {
  const h = hex.replace(/^#/, '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  const channel = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
  return [channel(0), channel(1), channel(2)];
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** `colour` laid over `base` at `amount` (0: all base, 1: all colour), as an opaque colour. */
export function mix(colour: string, base: string, amount: number): string {
  const [r1, g1, b1] = parseHex(colour);
  const [r2, g2, b2] = parseHex(base);
  const blend = (a: number, b: number) => a * amount + b * (1 - amount);
  return toHex([blend(r1, r2), blend(g1, g2), blend(b1, b2)]);
}

/** WCAG 2.x relative luminance. */
function luminance(hex: string): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = parseHex(hex);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.x contrast ratio of two opaque colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The colour itself if it reads on `background` at `ratio`, else the same hue darkened step by
 * step until it does (black, at worst, always does on a light background).
 */
export function readableOn(colour: string, background: string, ratio = AA_TEXT_CONTRAST): string {
  for (let step = 0; step < 20; step++) {
    const candidate = mix('#000000', colour, step / 20);
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  return '#000000';
}
