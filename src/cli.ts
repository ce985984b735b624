import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createAdminCommand } from './cli/create-admin.command';
import { withoutDemoData } from './config/settings';
import { exportCommand } from './cli/export.command';
import { importCommand } from './cli/import.command';
import { stderrLogger } from './cli/stderr-logger';

/**
 * `npm run cli -- <command> [args]`. Each command gets a booted application context and its own
 * arguments and returns an exit code; add a command by adding an entry here.
 */
export type Command = (app: INestApplicationContext, args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  'create-admin': { run: createAdminCommand, help: 'create-admin --name NAME [--email EMAIL]   (prints the new admin\'s API key once)' },
  export: { run: exportCommand, help: 'export --format csv|jsonl|parquet [--out FILE] [--profile ucdp] [--status X --source Y ...filters]' },
  import: { run: importCommand, help: 'import FILE.csv|FILE.jsonl [--dry-run]' },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`usage: npm run cli -- <command>\n${Object.values(COMMANDS).map((c) => `  ${c.help}`).join('\n')}`);
    return 2;
  }
  // The demo story is for a first `npm start`, never for a command's database.
  withoutDemoData();
  // Imported after the environment is set: entity column types are read from it at import time.
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: stderrLogger });
  try {
    return await command.run(app, args);
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
