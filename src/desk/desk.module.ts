import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deskDirectory } from '../config/settings';

/** Paths the API owns; everything else that is not a built file gets the desk's index.html (client-side routes). */
export const API_PATHS = ['/graphql', '/exports/{*rest}', '/imports/{*rest}', '/health/{*rest}', '/metrics/{*rest}'];

/**
 * Serves the desk (web/, built by `npm run build:web` during `npm start`) from the same server as the API.
 * Without a build (unit tests, API-only checkouts) it serves nothing, so the API works either way.
 */
@Module({})
export class DeskModule {
  static register(directory: string = deskDirectory()): DynamicModule {
    if (!existsSync(join(directory, 'index.html'))) {
      // Said when the application starts (not at import), so it follows the application's logger settings.
      const warn = () => Logger.warn(`No desk build in ${directory}; run "npm run build:web" to serve the desk`, 'Desk');
      return { module: DeskModule, providers: [{ provide: 'DESK_BUILD_MISSING', useFactory: warn }] };
    }
    return {
      module: DeskModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: directory,
          exclude: API_PATHS,
          serveStaticOptions: {
            // Vite names assets by content hash, so they never change; index.html must always be fresh.
            setHeaders: (res, path) => {
              res.setHeader('cache-control', path.includes(`assets`) ? 'public, max-age=31536000, immutable' : 'no-cache');
            },
          },
        }),
      ],
    };
  }
}
