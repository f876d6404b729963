/**
 * Theme (`data-theme` on <html>, read by the CSS) and the admin's accent colour as CSS variables.
 * The accent is adjusted so text and buttons keep WCAG AA contrast in both themes, whatever colour is chosen.
 */
import type { Theme } from '@innenhof/contract';

const THEME_KEY = 'innenhof.theme';

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // ignore
  }
}

export function applyStoredTheme(): void {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    if (stored === 'light' || stored === 'dark' || stored === 'system') applyTheme(stored);
  } catch {
    // ignore
  }
}

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(color: Rgb, target: Rgb, amount: number): Rgb {
  return [color[0] + (target[0] - color[0]) * amount, color[1] + (target[1] - color[1]) * amount, color[2] + (target[2] - color[2]) * amount];
}

/** Moves `color` towards `target` until it reaches `ratio` against `background`. */
function ensureContrast(color: Rgb, background: Rgb, ratio: number, target: Rgb): Rgb {
  let current = color;
  for (let step = 1; step <= 20 && contrast(current, background) < ratio; step++) {
    current = mix(color, target, step / 20);
  }
  return current;
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const LIGHT_SURFACE: Rgb = [255, 255, 255];
const LIGHT_PAGE: Rgb = [240, 242, 245];
const DARK_SURFACE: Rgb = [36, 37, 38];

export function applyAccent(hex: string | null | undefined): void {
  const color = (hex && parseHex(hex)) || parseHex('#1b64d8');
  if (!color) return;
  const style = document.documentElement.style;
  // Solid buttons: white text if the accent can carry it (darkened a little if needed), else black text.
  const canCarryWhite = contrast(color, WHITE) >= 3;
  const buttonBg = canCarryWhite ? ensureContrast(color, WHITE, 4.6, BLACK) : color;
  const buttonFg = canCarryWhite ? WHITE : BLACK;
  // Links and accent text must read on the page and card backgrounds of each theme.
  const textLight = ensureContrast(ensureContrast(color, LIGHT_SURFACE, 4.6, BLACK), LIGHT_PAGE, 4.6, BLACK);
  const textDark = ensureContrast(color, DARK_SURFACE, 4.6, WHITE);
  style.setProperty('--accent', toHex(color));
  style.setProperty('--accent-button', toHex(buttonBg));
  style.setProperty('--accent-button-text', toHex(buttonFg));
  style.setProperty('--accent-text-light', toHex(textLight));
  style.setProperty('--accent-text-dark', toHex(textDark));
}
