/** `par` sub-commands; each lives in `cli/commands/<name>.ts` and returns an exit code. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const commands: Record<string, () => Promise<{ run: (argv: string[], io: CliIo) => Promise<number> }>> = {
  compute: () => import('./commands/compute.ts'),
  token: () => import('./commands/token.ts'),
  seed: () => import('./commands/seed.ts'),
  'import-framework': () => import('./commands/import-framework.ts'),
  'ministry-export': () => import('./commands/ministry-export.ts'),
  'export-annex': () => import('./commands/import-framework.ts').then((m) => ({ run: m.runExport })),
  registry: () => import('./commands/registry.ts'),
};

const usage = `usage: par <command> [options]
commands:
  compute --framework F.json --scores S.json [--survey V.json] [--format json|table]
  token --role admin|appraiser|council|unit [--unit ID] [--areas A,B|*] [--district ID] [--user NAME]
  seed    seed reference data into the running local runtime
  import-framework ANNEX.xlsx|F.json [--out F.json]   the framework an annex describes, checked
  export-annex F.json --out ANNEX.xlsx                the annex of a framework (the province's layout)
  registry import FILE.csv|FILE.xlsx [--dry-run]      bulk registry change (dry-run report, or applied)
  registry list [--year Y] [--type T]                 the live registry, or cycle Y's frozen one
  registry retire ID [--successor ID] [--valid-to Y]  retire a unit after year Y, or merge it
  ministry-export --year Y [--unit ID] [--format xlsx|html] --out FILE   the province's assessment in the Ministry's form
`;

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    io.stderr(name && name !== '--help' ? `par: unknown command "${name}"\n${usage}` : usage);
    return name && name !== '--help' ? 2 : 0;
  }
  const command = await load();
  return command.run(rest, io);
}
