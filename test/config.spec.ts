import { ConfigValidationError, validateEnvironment } from '../src/config/env.validation';

describe('validateEnvironment', () => {
  it('accepts the defaults', () => {
    expect(() => validateEnvironment({})).not.toThrow();
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty"/],
    ['PORT', '70000', /PORT="70000"/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL="mysql:\/\/x".*postgres/],
    ['NODE_ENV', 'staging', /NODE_ENV/],
    ['DEMO_DATA', 'yes', /DEMO_DATA/],
    ['API_KEY_CACHE_SECONDS', '-1', /API_KEY_CACHE_SECONDS="-1"/],
    ['API_KEY_CACHE_SECONDS', 'ten', /API_KEY_CACHE_SECONDS="ten"/],
    ['QUERY_MAX_DEPTH', '0', /QUERY_MAX_DEPTH="0"/],
    ['QUERY_MAX_COST', 'lots', /QUERY_MAX_COST="lots"/],
    ['RATE_LIMIT_PER_KEY', '-5', /RATE_LIMIT_PER_KEY="-5"/],
    ['RATE_LIMIT_WINDOW_SECONDS', '0', /RATE_LIMIT_WINDOW_SECONDS="0"/],
    ['TRUST_PROXY', 'yes', /TRUST_PROXY/],
    ['RATE_LIMIT_KNOWN_KEYS', 'many', /RATE_LIMIT_KNOWN_KEYS="many"/],
    ['RATE_LIMIT_KNOWN_KEYS', '-1', /RATE_LIMIT_KNOWN_KEYS="-1"/],
  ])('stops on a bad %s and names it', (name, value, message) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(ConfigValidationError);
    expect(() => validateEnvironment({ [name]: value })).toThrow(message);
  });

  it.each([
    ['PORT', 'eighty', 'PORT="eighty": PORT must be an integer number'],
    ['PLAN_CACHE_SIZE', 'abc', 'PLAN_CACHE_SIZE="abc": PLAN_CACHE_SIZE must be an integer number'],
    ['PORT', '70000', 'PORT="70000": PORT must not be greater than 65535'],
    ['PLAN_CACHE_SIZE', '0', 'PLAN_CACHE_SIZE="0": PLAN_CACHE_SIZE must not be less than 1'],
  ])('says of a bad %s=%s only what is wrong with it, as the README shows', (name, value, line) => {
    let message = '';
    try {
      validateEnvironment({ [name]: value });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(`Invalid configuration:\n  ${line}`);
  });
});
