import { createApp } from './app.js';

export { ShardServer } from './shards/server.js';
export default createApp();
