/**
 * The Worker script of a shard group: it defines the shard servers' Durable Object class and
 * nothing else, so that its objects get isolates of their own (docs/sharding-and-publishing.md ›
 * Isolation). It answers no HTTP request of its own.
 */
export { ShardServer } from './shards/server.js';

export default {
  fetch(): Response {
    return new Response(JSON.stringify({ error: { code: 'not_found', message: 'Not found' } }), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    });
  },
} satisfies ExportedHandler;
