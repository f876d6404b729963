import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Executor } from './db/index.js';
import { AppError } from './errors.js';
import { newId, now } from './ids.js';

export type ImagePurpose = 'avatar' | 'cover' | 'logo' | 'attachment' | 'chat';

interface VariantSpec {
  width: number;
  height: number;
  fit: 'cover' | 'inside';
}

/** Sizes per purpose: `small` for lists, `large` for the profile page. */
const SPECS: Record<ImagePurpose, Record<'small' | 'large', VariantSpec>> = {
  avatar: { small: { width: 96, height: 96, fit: 'cover' }, large: { width: 400, height: 400, fit: 'cover' } },
  cover: { small: { width: 820, height: 312, fit: 'cover' }, large: { width: 1640, height: 624, fit: 'cover' } },
  logo: { small: { width: 160, height: 64, fit: 'inside' }, large: { width: 640, height: 256, fit: 'inside' } },
  // A group chat's photo, like an avatar.
  chat: { small: { width: 96, height: 96, fit: 'cover' }, large: { width: 400, height: 400, fit: 'cover' } },
  // Chat images: a thumbnail for the message list and a large view; never enlarged.
  attachment: { small: { width: 480, height: 480, fit: 'inside' }, large: { width: 1920, height: 1920, fit: 'inside' } },
};

export interface StoredVariant {
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface StoredImage {
  id: string;
  variants: Record<string, StoredVariant>;
}

/** Local file storage under the data directory (a shared directory in cluster mode). */
export class Storage {
  constructor(private readonly root: string) {}

  private dir(id: string): string {
    // Two-level fan-out keeps directories small.
    return path.join(this.root, 'files', id.slice(-2), id);
  }

  /**
   * Decodes an uploaded image and re-encodes each variant as WebP: EXIF and every other metadata block is
   * dropped, orientation applied, and whatever the upload carried besides pixels does not survive.
   */
  async saveImage(db: Executor, input: Buffer, purpose: ImagePurpose, ownerId: string | null): Promise<StoredImage> {
    let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
    try {
      meta = await sharp(input, { limitInputPixels: 50_000_000 }).metadata();
    } catch {
      throw new AppError(415, 'unsupported_image', 'file: not an image we can read (use JPEG, PNG, WebP or GIF)');
    }
    if (!meta.format || !['jpeg', 'png', 'webp', 'gif', 'avif', 'heif'].includes(meta.format)) {
      throw new AppError(415, 'unsupported_image', 'file: not an image we can read (use JPEG, PNG, WebP or GIF)');
    }
    const id = newId();
    const dir = this.dir(id);
    await fs.mkdir(dir, { recursive: true });
    const variants: Record<string, StoredVariant> = {};
    let total = 0;
    try {
      for (const [name, spec] of Object.entries(SPECS[purpose])) {
        const { data, info } = await sharp(input, { limitInputPixels: 50_000_000 })
          .rotate()
          .resize({ width: spec.width, height: spec.height, fit: spec.fit, withoutEnlargement: spec.fit === 'inside' })
          .webp({ quality: 82 })
          .toBuffer({ resolveWithObject: true });
        const file = `${name}.webp`;
        await fs.writeFile(path.join(dir, file), data);
        variants[name] = { file, width: info.width, height: info.height, bytes: data.length };
        total += data.length;
      }
    } catch (err) {
      await fs.rm(dir, { recursive: true, force: true });
      if (err instanceof AppError) throw err;
      throw new AppError(415, 'unsupported_image', 'file: the image could not be processed');
    }
    await db
      .insertInto('files')
      .values({ id, owner_id: ownerId, purpose, mime: 'image/webp', variants: JSON.stringify(variants), bytes: total, created_at: now() })
      .execute();
    return { id, variants };
  }

  /**
   * Stores a file as it was uploaded (chat attachments that are not images). It is only ever served
   * as a download (`Content-Disposition: attachment`), never rendered by the browser.
   */
  async saveFile(db: Executor, input: Buffer, purpose: string, mime: string, ownerId: string | null): Promise<{ id: string }> {
    const id = newId();
    const dir = this.dir(id);
    await fs.mkdir(dir, { recursive: true });
    const file = 'original.bin';
    await fs.writeFile(path.join(dir, file), input);
    const variants: Record<string, StoredVariant> = { original: { file, width: 0, height: 0, bytes: input.length } };
    await db
      .insertInto('files')
      .values({ id, owner_id: ownerId, purpose, mime, variants: JSON.stringify(variants), bytes: input.length, created_at: now() })
      .execute();
    return { id };
  }

  /** Absolute path of a stored variant, or null when the file or variant does not exist. */
  async variantPath(db: Executor, id: string, variant: string): Promise<{ path: string; purpose: string; mime: string } | null> {
    const row = await db.selectFrom('files').select(['variants', 'purpose', 'mime']).where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const variants = JSON.parse(row.variants) as Record<string, StoredVariant>;
    const v = variants[variant];
    if (!v) return null;
    return { path: path.join(this.dir(id), v.file), purpose: row.purpose, mime: row.mime };
  }

  async remove(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('files').where('id', '=', id).execute();
    await fs.rm(this.dir(id), { recursive: true, force: true });
  }
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/heic', 'image/heif']);
const SAFE_MIME = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/;

export interface StoredUpload {
  fileId: string;
  kind: 'image' | 'file';
  /** Control characters and path separators replaced; at most 200 characters. */
  name: string;
  mime: string;
  width: number | null;
  height: number | null;
}

/**
 * Stores an uploaded attachment (chat, posts): images are re-encoded (metadata dropped) with a thumbnail
 * and a large variant; any other file is kept as sent and only ever served as a download.
 */
export async function storeAttachment(
  storage: Storage,
  db: Executor,
  file: { data: Buffer; filename: string; mimetype: string },
  ownerId: string,
): Promise<StoredUpload> {
  const name = (file.filename || 'file').replace(/[\p{Cc}/\\]/gu, '_').slice(0, 200);
  const declared = file.mimetype.toLowerCase();
  if (IMAGE_TYPES.has(declared)) {
    const img = await storage.saveImage(db, file.data, 'attachment', ownerId);
    const large = img.variants.large;
    return { fileId: img.id, kind: 'image', name, mime: 'image/webp', width: large?.width ?? null, height: large?.height ?? null };
  }
  const mime = SAFE_MIME.test(declared) ? declared : 'application/octet-stream';
  const f = await storage.saveFile(db, file.data, 'attachment', mime, ownerId);
  return { fileId: f.id, kind: 'file', name, mime, width: null, height: null };
}

/** A stored attachment as the API shows it (chat and posts alike); `base` is the URL its variants hang off. */
export function presentStoredAttachment(
  a: { id: string; kind: 'image' | 'file'; name: string; mime: string; size: number; width: number | null; height: number | null },
  base: string,
) {
  const image = a.kind === 'image';
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    mime: a.mime,
    size: a.size,
    url: `${base}/${image ? 'large' : 'file'}`,
    thumbnailUrl: image ? `${base}/small` : null,
    width: a.width,
    height: a.height,
  };
}

/** RFC 6266 / 5987 `Content-Disposition` for a download, safe for any name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** URLs of an image's variants as the API returns them. */
export function imageUrls(fileId: string | null): { small: string; large: string } | null {
  if (!fileId) return null;
  return { small: `/api/v1/files/${fileId}/small`, large: `/api/v1/files/${fileId}/large` };
}
