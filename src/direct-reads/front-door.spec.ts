import { acceptsPlainJson } from './front-door';

describe('acceptsPlainJson', () => {
  it.each([undefined, '', '*/*', 'application/json', 'Application/JSON', 'application/*', 'application/json, */*;q=0.5', 'application/json;q=1'])(
    'answers in plain JSON for Accept %p',
    (accept) => expect(acceptsPlainJson(accept)).toBe(true),
  );

  it.each([
    'application/graphql-response+json',
    'Application/GraphQL-Response+JSON',
    'application/graphql-response+json, application/json;q=0.9',
    'multipart/mixed; deferSpec=20220824, application/json',
    'text/html',
    'application/json;q=0',
    'application/json;callbackSpec=1.0',
  ])('leaves Accept %p to Apollo', (accept) => expect(acceptsPlainJson(accept)).toBe(false));
});
