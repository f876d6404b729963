import { parseArgs } from 'node:util';
import { loadConfigOrExit, openContext, start } from './main.js';

const HELP = `innenhof — the self-hosted social intranet

Usage: innenhof <command> [options]

Commands:
  start                 Start the server (runs pending migrations first)
  migrate               Apply pending database migrations and exit
  create-admin          Create an administrator account
                          --email <e-mail> --name <name> --password <password>
                          (or INNENHOF_ADMIN_PASSWORD in the environment)
  seed-demo             Fill an empty database with the demo company "Muster GmbH"
                          and print the demo logins
  --help                Show this help

Configuration comes from the environment (PORT, DATABASE_URL, INNENHOF_DATA_DIR,
INNENHOF_PUBLIC_URL, SMTP settings, …): see docs/configuration.md.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  switch (command) {
    case 'start': {
      const running = await start(loadConfigOrExit());
      const shutdown = (signal: string) => {
        running.app.log.info(`${signal}: shutting down`);
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      return -1;
    }
    case 'migrate': {
      const ctx = await openContext(loadConfigOrExit());
      process.stdout.write(`Database (${ctx.db.dialect}) is up to date.\n`);
      await ctx.db.close();
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
      const password = values.password ?? process.env.INNENHOF_ADMIN_PASSWORD;
      if (!values.email || !values.name || !password) {
        process.stderr.write('create-admin needs --email, --name and --password (or INNENHOF_ADMIN_PASSWORD)\n');
        return 2;
      }
      const ctx = await openContext(loadConfigOrExit());
      const { createAdminCommand } = await import('./features/users/commands.js');
      try {
        const message = await createAdminCommand(ctx, { email: values.email, name: values.name, password });
        process.stdout.write(`${message}\n`);
        return 0;
      } catch (err) {
        process.stderr.write(`${(err as Error).message}\n`);
        return 1;
      } finally {
        await ctx.db.close();
      }
    }
    case 'seed-demo': {
      const ctx = await openContext(loadConfigOrExit());
      const { seedDemo } = await import('./features/users/demo-seed.js');
      try {
        const out = await seedDemo(ctx);
        process.stdout.write(`${out}\n`);
        return 0;
      } catch (err) {
        process.stderr.write(`${(err as Error).message}\n`);
        return 1;
      } finally {
        await ctx.jobs.drain();
        await ctx.db.close();
      }
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
