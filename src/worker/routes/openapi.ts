import { Hono } from 'hono';
import type { AppEnv } from '../config.js';
import { openApiDocument } from '../openapi.js';

let cached: ReturnType<typeof openApiDocument> | null = null;

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) =>
  c.json((cached ??= openApiDocument())),
);
