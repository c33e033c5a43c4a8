import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

/** The console's built files (apps/console/dist), found through the workspace package audit depends on. */
export function consoleRoot(): string | undefined {
  try {
    return join(dirname(require.resolve('@optline/console/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

// The console calls only this origin's API; it needs inline styles for the charts, nothing else.
const HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * The read-only auditor console (CONTRACT §6) at /console: static files only. The console signs in with an
 * auditor key and calls the auditor API, which checks the key on every request.
 */
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  private readonly root = consoleRoot();

  @Get()
  index(@Res() response: Response): void {
    this.send(response, 'index.html');
  }

  @Get('*path')
  file(@Param('path') path: string | string[], @Res() response: Response): void {
    const relative = Array.isArray(path) ? path.join('/') : path;
    this.send(response, relative === '' ? 'index.html' : relative);
  }

  private send(response: Response, relative: string): void {
    const file = this.root ? resolve(this.root, relative) : undefined;
    if (!file || !file.startsWith(this.root + sep) || !existsSync(file) || !statSync(file).isFile())
      throw new NotFoundException(`no console file ${relative}`);
    // Vite names every asset by its content hash; only index.html must be fetched anew.
    const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.set({ ...HEADERS, 'Cache-Control': cache });
    response.sendFile(file);
  }
}
