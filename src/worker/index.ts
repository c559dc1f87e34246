import { createApp } from './app.js';

export { LiveWriterObject as LiveWriter } from './live/writer-object.js';
export { ShardServer } from './shards/server.js';
export default createApp();
