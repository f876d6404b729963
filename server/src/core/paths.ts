import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (works from server/src and from server/dist). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const localesDir = path.join(repoRoot, 'locales');
export const defaultWebDir = path.join(repoRoot, 'web', 'dist');
