import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Every setting the service reads from the environment, validated once at start. */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  SQLITE_PATH?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  DEMO_DATA?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  API_KEY_CACHE_SECONDS?: number;

  @IsOptional()
  @IsIn(['true', 'false'])
  GRAPHQL_DIRECT_READS?: string;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  GRAPHQL_MAX_BODY_BYTES?: number;

  @IsOptional() @IsInt() @Min(1) @Max(1_000_000) PLAN_CACHE_SIZE?: number;

  // Query limits (settings.ts QUERY_LIMIT_VARIABLES).
  @IsOptional() @IsInt() @Min(1) QUERY_MAX_TOKENS?: number;
  @IsOptional() @IsInt() @Min(1) QUERY_MAX_DEPTH?: number;
  @IsOptional() @IsInt() @Min(1) QUERY_MAX_COST?: number;
  @IsOptional() @IsInt() @Min(0) QUERY_MAX_ALIASES?: number;
  @IsOptional() @IsInt() @Min(1) QUERY_MAX_ROOT_MUTATIONS?: number;
  @IsOptional() @IsInt() @Min(0) QUERY_MAX_SUGGESTIONS?: number;

  // Rate limits (settings.ts rateLimits); 0 turns a budget off.
  @IsOptional() @IsInt() @Min(1) @Max(86400) RATE_LIMIT_WINDOW_SECONDS?: number;
  @IsOptional() @IsInt() @Min(0) RATE_LIMIT_PER_KEY?: number;
  @IsOptional() @IsInt() @Min(0) RATE_LIMIT_PER_ADDRESS?: number;
  @IsOptional() @IsInt() @Min(0) RATE_LIMIT_FAILED_AUTH?: number;
  @IsOptional() @IsInt() @Min(0) RATE_LIMIT_KNOWN_KEYS?: number;
  @IsOptional() @IsIn(['true', 'false']) TRUST_PROXY?: string;

  @IsOptional() @IsInt() @Min(1) @Max(64) EXTRACTION_THREADS?: number;

  @IsOptional()
  @IsString()
  @Matches(/^\S{16,}$/, { message: 'must be at least 16 characters without spaces' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  SHUTDOWN_DRAIN_SECONDS?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
  LOG_LEVEL?: string;
}

export class ConfigValidationError extends Error {}

export function validateEnvironment(raw: Record<string, unknown>): Record<string, unknown> {
  const env = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const value = JSON.stringify(raw[e.property]);
      // A value that is not a number at all fails its range checks too ("eighty" is not below 65535): say only what it is not.
      const { isInt, ...others } = e.constraints ?? {};
      return `  ${e.property}=${value}: ${isInt ?? Object.values(others).join('; ')}`;
    });
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...raw, ...env };
}
