/**
 * The OpenAPI document itself: its examples fit their schemas, every operation documents the
 * statuses the Worker can send, and every error code the Worker has is in its ErrorCode enum.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/worker/errors.js';
import { openApiDocument } from '../../src/worker/openapi.js';
import { Contract } from '../contract/contract.js';

const doc = JSON.parse(JSON.stringify(openApiDocument())) as Record<string, any>;
const contract = new Contract(doc);

describe('the OpenAPI document', () => {
  it('has examples that fit their schemas', () => {
    const withExamples = Object.entries(doc.components.schemas as Record<string, any>).filter(
      ([, s]) => s.examples,
    );
    expect(withExamples.map(([name]) => name).sort()).toEqual(
      [
        'EntityPage',
        'Error',
        'FacetValuesResponse',
        'Health',
        'HealthUnavailable',
        'Quote',
        'SearchResponse',
        'Stats',
        'SuggestResponse',
      ].sort(),
    );
    for (const [name, schema] of withExamples) {
      for (const example of schema.examples) {
        expect(contract.validate({ $ref: `#/components/schemas/${name}` }, example), name).toEqual([]);
      }
    }
  });

  it('lists every error code in its enum, config_invalid included', () => {
    expect(doc.components.schemas.ErrorCode.enum).toEqual([...ERROR_CODES]);
    expect(doc.components.schemas.ErrorCode.enum).toContain('config_invalid');
  });

  it('documents every status of every operation, with headers', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, any>)) {
      const statuses = Object.keys(item.get.responses);
      for (const s of ['200', '400', '414', '431', '500']) expect(statuses, `${path} ${s}`).toContain(s);
      if (path !== '/health' && path !== '/openapi.json') {
        for (const s of ['304', '401', '429', '503']) expect(statuses, `${path} ${s}`).toContain(s);
        expect(Object.keys(item.get.responses['200'].headers).sort(), path).toEqual([
          'Cache-Control',
          'ETag',
          'X-Index-Version',
        ]);
        expect(item.get.responses['503'].headers['Retry-After'], path).toBeDefined();
        expect(
          item.get.parameters.map((p: any) => p.name),
          path,
        ).toContain('key');
      }
      for (const [status, response] of Object.entries(item.get.responses as Record<string, any>)) {
        if (Number(status) >= 400)
          expect(
            response.content['application/json'].schema.allOf?.[0] ??
              response.content['application/json'].schema,
            `${path} ${status}`,
          ).toBeDefined();
      }
    }
    expect(doc.paths['/health'].get.responses['503'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/HealthUnavailable',
    });
  });
});
