import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, validateEnvironment } from './config/env.validation';
import { countSqlPerResponse, listenPort, processEnvironment } from './config/settings';
import { assertDatabaseUsable } from './database/sqlite-file';

async function bootstrap(): Promise<void> {
  try {
    validateEnvironment(processEnvironment());
    assertDatabaseUsable(processEnvironment());
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Imported after validation: entity column types are read from the environment at import time.
  const { AppModule } = await import('./app.module');
  const { GracefulShutdown } = await import('./observability/graceful-shutdown');
  const app = await NestFactory.create(AppModule, { bufferLogs: false });
  // Draining first, then Nest's shutdown hooks; Nest's own signal handling would stop Apollo first (graceful-shutdown.ts).
  app.get(GracefulShutdown).handleSignals(app);
  if (countSqlPerResponse()) {
    await app.init();
    (await import('./database/sql-count-header')).countSqlPerResponse(app.getHttpServer());
  }
  const port = listenPort();
  await app.listen(port);
  Logger.log(`claimdesk GraphQL API at http://localhost:${port}/graphql, the desk at http://localhost:${port}/`, 'Bootstrap');
}

void bootstrap();
